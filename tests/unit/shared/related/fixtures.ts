import type { RelatedDoc } from '../../../../shared/related';

export type Topic = 'football' | 'health' | 'education';

export interface TopicDoc extends RelatedDoc {
  topic: Topic;
}

// Boilerplate every article shares, so the topic has to come from the right terms.
const FILLER =
  'Theo thông tin từ phóng viên, sự việc diễn ra vào sáng ngày hôm qua. ' +
  'Người dân địa phương cho biết tình hình đã ổn định trở lại.';

const TOPICS: Record<Topic, Array<[string, string, string]>> = {
  football: [
    ['Đội tuyển Việt Nam thắng trận đấu vòng loại', 'Đội tuyển Việt Nam giành chiến thắng ở vòng loại World Cup.', 'Huấn luyện viên hài lòng với các cầu thủ. Trận đấu diễn ra trên sân Mỹ Đình với bóng đá tấn công.'],
    ['Huấn luyện viên chốt danh sách đội tuyển', 'Danh sách đội tuyển có nhiều cầu thủ trẻ.', 'Huấn luyện viên cho biết các cầu thủ sẽ tập trung trước trận đấu. Bóng đá Việt Nam hướng tới vòng loại World Cup.'],
    ['Cầu thủ ghi bàn giúp đội tuyển thắng', 'Bàn thắng quyết định trận đấu ở phút cuối.', 'Cầu thủ tiền đạo ghi bàn sau đường chuyền của tiền vệ. Huấn luyện viên khen ngợi đội tuyển và người hâm mộ bóng đá.'],
    ['Sân vận động Mỹ Đình đón người hâm mộ bóng đá', 'Người hâm mộ bóng đá xếp hàng mua vé trận đấu.', 'Trận đấu vòng loại có đông người hâm mộ. Đội tuyển và huấn luyện viên cảm ơn khán giả trên sân Mỹ Đình.'],
    ['Tiền vệ chấn thương trước trận đấu vòng loại', 'Đội tuyển mất tiền vệ quan trọng vì chấn thương.', 'Bác sĩ của đội tuyển xác nhận cầu thủ phải nghỉ hai tuần. Huấn luyện viên tìm phương án thay thế trước trận đấu.'],
  ],
  health: [
    ['Bệnh viện tiếp nhận bệnh nhân sốt xuất huyết', 'Số bệnh nhân sốt xuất huyết tăng mạnh.', 'Bác sĩ bệnh viện khuyến cáo người dân diệt muỗi. Bộ Y tế theo dõi dịch bệnh và phác đồ điều trị.'],
    ['Bác sĩ khuyến cáo tiêm vắc xin', 'Tiêm vắc xin giúp phòng dịch bệnh hiệu quả.', 'Bộ Y tế triển khai tiêm vắc xin tại trạm y tế. Bác sĩ theo dõi sức khỏe người dân sau tiêm.'],
    ['Bộ Y tế ghi nhận ca bệnh mới', 'Ca bệnh mới được cách ly và điều trị tại bệnh viện.', 'Bệnh nhân đang được bác sĩ điều trị. Bộ Y tế yêu cầu các bệnh viện chuẩn bị phác đồ điều trị.'],
    ['Bệnh viện quá tải vì dịch bệnh', 'Nhiều bệnh viện thiếu giường cho bệnh nhân.', 'Bác sĩ làm việc liên tục để điều trị bệnh nhân. Bộ Y tế điều động thêm nhân lực y tế cho bệnh viện.'],
    ['Phác đồ điều trị mới cho bệnh nhân tiểu đường', 'Bác sĩ áp dụng phác đồ điều trị mới.', 'Bệnh nhân tiểu đường được bệnh viện theo dõi sức khỏe định kỳ. Bộ Y tế hướng dẫn điều trị và tiêm vắc xin.'],
  ],
  education: [
    ['Học sinh bước vào kỳ thi tốt nghiệp', 'Kỳ thi tốt nghiệp trung học phổ thông bắt đầu.', 'Học sinh làm bài thi môn ngữ văn. Bộ Giáo dục cho biết kỳ thi diễn ra an toàn tại các điểm thi.'],
    ['Bộ Giáo dục công bố phương án tuyển sinh', 'Phương án tuyển sinh đại học có nhiều điểm mới.', 'Thí sinh được đăng ký nguyện vọng trực tuyến. Các trường đại học dùng kết quả kỳ thi tốt nghiệp để tuyển sinh.'],
    ['Giáo viên được tăng lương từ năm học mới', 'Lương giáo viên tăng theo chính sách mới.', 'Bộ Giáo dục đề xuất chế độ cho giáo viên. Học sinh và nhà trường chuẩn bị cho năm học mới.'],
    ['Trường đại học tăng chỉ tiêu tuyển sinh', 'Nhiều trường đại học mở thêm ngành mới.', 'Thí sinh có thêm cơ hội vào đại học. Bộ Giáo dục yêu cầu các trường công khai chỉ tiêu tuyển sinh và điểm chuẩn.'],
    ['Học sinh ôn tập trước kỳ thi', 'Giáo viên hướng dẫn học sinh ôn tập.', 'Học sinh lớp 12 ôn tập cho kỳ thi tốt nghiệp và tuyển sinh đại học. Giáo viên chấm bài thi thử.'],
  ],
};

export function topicDocs(): TopicDoc[] {
  const docs: TopicDoc[] = [];
  for (const [topic, items] of Object.entries(TOPICS) as Array<[Topic, Array<[string, string, string]>]>) {
    items.forEach(([title, lead, text], i) => {
      docs.push({ id: `${topic}-${i}`, topic, title, lead, text: `${text}\n${FILLER}` });
    });
  }
  return docs;
}

export function topicOf(id: string): Topic {
  return id.split('-')[0] as Topic;
}
