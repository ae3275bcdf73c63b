/**
 * The built-in guide: short articles, in Vietnamese and English, that explain how to use
 * Archive Reader (Đọc lưu trữ). They are shown as the articles of a pseudo-source with id
 * GUIDE_SOURCE_ID, so they are readable offline like any saved article.
 *
 * Pure data: no imports. Paragraphs are plain text (never HTML); a paragraph starting with
 * "## " is a heading. Render with guideParagraphsToHtml() from ./guideToHtml.
 * All Vietnamese text is NFC. publishedAt dates are fixed and descend in list order, so a
 * newest-first list shows the welcome article at the top.
 */

export interface GuideArticle {
  slug: string;
  category: { vi: string; en: string };
  title: { vi: string; en: string };
  lead: { vi: string; en: string };
  paragraphs: { vi: string[]; en: string[] };
  author: { vi: string; en: string };
  /** ISO 8601 in UTC, fixed dates in 2026. */
  publishedAt: string;
}

export const GUIDE_SOURCE_ID = 'guide';

/** Display name of the guide pseudo-source. */
export const GUIDE_SOURCE_TITLE = { vi: 'Hướng dẫn', en: 'Guide' } as const;

const AUTHOR = { vi: 'Nhóm phát triển Đọc lưu trữ', en: 'Archive Reader team' };

const CATEGORY = {
  start: { vi: 'Bắt đầu', en: 'Getting started' },
  sync: { vi: 'Nguồn và đồng bộ', en: 'Sources and sync' },
  offline: { vi: 'Ngoại tuyến', en: 'Offline' },
  reading: { vi: 'Đọc bài', en: 'Reading' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  notes: { vi: 'Dấu trang và ghi chú', en: 'Bookmarks and notes' },
  settings: { vi: 'Cài đặt và quyền riêng tư', en: 'Settings and privacy' },
};

export const GUIDE_ARTICLES: readonly GuideArticle[] = [
  {
    slug: 'welcome',
    category: CATEGORY.start,
    title: {
      vi: 'Chào mừng bạn đến với Đọc lưu trữ',
      en: 'Welcome to Archive Reader',
    },
    lead: {
      vi: 'Đọc lưu trữ (Archive Reader) lưu các bài viết của cổng thông tin điện tử ngay trên máy tính của bạn, để bạn đọc, tìm kiếm và ghi chú cả khi không có mạng.',
      en: 'Archive Reader keeps the articles of a government news portal on your own computer, so you can read, search and take notes even without a network connection.',
    },
    paragraphs: {
      vi: [
        'Các cổng thông tin chính thức đăng rất nhiều bài mỗi ngày; bài cũ thường khó tìm, tải chậm và đôi khi được chỉnh sửa sau khi đăng. Đọc lưu trữ tải về những bài bạn quan tâm cùng hình ảnh đi kèm và lưu lại trên máy này. Khi đã lưu, bài viết mở ra ngay lập tức và vẫn đọc được khi bạn ngoại tuyến.',
        '## Bạn có thể làm gì',
        'Đọc bài trong giao diện gọn gàng, chỉ giữ lại nội dung chính, với cỡ chữ, giãn dòng và màu nền tùy chỉnh được. Tìm kiếm toàn bộ kho bài bằng tiếng Việt, gõ có dấu hay không dấu đều được. Đánh dấu trang những bài cần đọc lại và sắp xếp chúng vào các bộ sưu tập. Tô sáng đoạn văn, thêm ghi chú và thẻ, rồi xuất ra khi cần viết báo cáo. Trước chuyến công tác, hãy chuẩn bị một gói ngoại tuyến để mang theo mọi thứ cần đọc.',
        '## Bắt đầu từ đâu',
        'Trước tiên, hãy thêm một nguồn: địa chỉ cổng thông tin bạn theo dõi. Ứng dụng sẽ tự tìm nguồn cấp tin (feed) và sơ đồ trang (sitemap) rồi bắt đầu đồng bộ. Trong lúc lần đồng bộ đầu tiên đang chạy, bạn đã có thể mở những bài vừa tải về. Các bài khác trong phần hướng dẫn này giải thích từng tính năng, mỗi bài chỉ mất vài phút để đọc; bạn luôn tìm thấy chúng ở nguồn Hướng dẫn trong danh sách, kể cả khi không có mạng.',
        'Dữ liệu của bạn nằm trên máy tính của bạn. Những gì bạn đọc, lưu hay ghi chép đều không được gửi đi đâu cả. Nếu bộ phận công nghệ thông tin của cơ quan đã cài đặt sẵn một số thiết lập, bạn sẽ thấy chúng hiển thị kèm biểu tượng khóa.',
      ],
      en: [
        'Official news portals publish a great deal every day; older articles can be hard to find, slow to load, and are sometimes edited after publication. Archive Reader downloads the articles you care about, together with their images, and stores them on this computer. Once saved, an article opens instantly and stays readable when you are offline.',
        '## What you can do',
        'Read articles in a clean view that keeps only the article itself, with adjustable font size, line spacing and colour theme. Search the whole archive in Vietnamese, with or without tone marks. Bookmark the articles you want to come back to and group them into collections. Highlight passages, add notes and tags, and export them when you write a report. Before a trip, prepare an offline pack so everything you need to read travels with you.',
        '## Where to start',
        'First, add a source: the address of the portal you follow. The app finds its feeds and sitemaps and starts syncing. While the first sync is running, you can already open the articles that have arrived. The other articles in this guide explain one feature each and take only a few minutes to read; you can always find them under the Guide source in the list, even offline.',
        'Your data stays on your computer. Nothing you read, save or write is sent anywhere. If your organisation’s IT team has preset some settings, you will see them shown with a lock.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-10T02:00:00.000Z',
  },
  {
    slug: 'add-source-and-sync',
    category: CATEGORY.sync,
    title: {
      vi: 'Thêm nguồn và đồng bộ',
      en: 'Adding a source and syncing',
    },
    lead: {
      vi: 'Nguồn là một cổng thông tin bạn theo dõi. Chỉ cần nhập địa chỉ một lần, ứng dụng sẽ giữ cho bản lưu của bạn luôn được cập nhật.',
      en: 'A source is a portal you follow. Give the app its address once, and it keeps your copy up to date.',
    },
    paragraphs: {
      vi: [
        '## Thêm nguồn',
        'Chọn Thêm nguồn rồi dán địa chỉ của cổng thông tin, chẳng hạn địa chỉ trang chủ. Ứng dụng sẽ đọc trang và tìm các nguồn cấp tin (RSS, Atom hoặc JSON Feed) cùng sơ đồ trang (sitemap) mà cổng công bố. Nguồn cấp tin mang về những bài mới đăng; sơ đồ trang và các trang chuyên mục giúp ứng dụng bổ sung những bài cũ hơn trong kho lưu trữ. Bạn có thể xem lại những gì đã tìm thấy, bỏ bớt mục không cần, hoặc tự nhập địa chỉ nguồn cấp tin hay sơ đồ trang mà ứng dụng chưa tìm ra.',
        'Trước khi lưu, hãy quyết định có tải hình ảnh kèm bài viết hay không. Có hình ảnh, bài viết đầy đủ hơn khi đọc ngoại tuyến nhưng chiếm nhiều dung lượng ổ đĩa hơn.',
        '## Đồng bộ ngay và theo dõi tiến trình',
        'Việc đồng bộ bắt đầu ngay sau khi bạn thêm nguồn. Muốn đồng bộ lại bất cứ lúc nào, hãy chọn Đồng bộ ngay trên nguồn đó, hoặc đồng bộ tất cả các nguồn cùng lúc. Thanh tiến trình cho biết đã kiểm tra bao nhiêu trang và có bao nhiêu bài viết, hình ảnh mới hoặc vừa được cập nhật. Bạn vẫn có thể đọc bài trong lúc đồng bộ. Nếu cần dừng, hãy chọn Hủy: mọi thứ đã tải về vẫn được giữ lại, và lần đồng bộ sau sẽ tiếp tục từ đó.',
        'Khi đồng bộ xong, nguồn hiển thị kết quả: hoàn tất, hoàn tất một phần (có trang không tải được), thất bại hoặc đã hủy, kèm thời điểm đồng bộ gần nhất. Những bài mới về kể từ lần bạn xem nguồn gần nhất được gắn nhãn Mới. Nếu cổng gỡ một bài, bản lưu của bạn vẫn còn và được ghi chú là đã bị gỡ khỏi cổng.',
        '## Lịch đồng bộ',
        'Trong phần cài đặt của nguồn, đặt lịch đồng bộ là Tắt, Hằng giờ hoặc Hằng ngày. Đồng bộ theo lịch chỉ chạy khi ứng dụng đang mở và máy tính có mạng. Bạn cũng có thể tạm dừng một nguồn để ngừng đồng bộ mà không xóa gì cả.',
      ],
      en: [
        '## Add a source',
        'Choose Add source and paste the portal’s address, for example its home page. The app reads the page and looks for the feeds (RSS, Atom or JSON Feed) and sitemaps the portal publishes. Feeds bring in new articles as they appear; sitemaps and category pages let the app fill in the older archive. You can review what was found, remove entries you do not need, or type in a feed or sitemap address that the app missed.',
        'Before saving, decide whether to download images with the articles. Images make articles complete offline but take more disk space.',
        '## Sync now and follow progress',
        'Syncing starts right after you add the source. To sync again at any time, choose Sync now on the source, or sync all sources at once. A progress bar shows how many pages have been checked and how many articles and images are new or updated. You can keep reading while it runs. If you need to stop, choose Cancel: everything downloaded so far is kept, and the next sync continues from there.',
        'When a sync finishes, the source shows its result: completed, partly completed (some pages could not be fetched), failed or cancelled, with the time of the last sync. Articles that arrived since you last looked at the source are labelled New. If the portal removes an article, your copy is kept and marked as removed from the portal.',
        '## Schedule',
        'In the source’s settings, set the schedule to Off, Hourly or Daily. Scheduled syncs run only while the app is open and the computer is online. You can also pause a source to stop syncing it without deleting anything.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-09T02:00:00.000Z',
  },
  {
    slug: 'prepare-for-a-trip',
    category: CATEGORY.offline,
    title: {
      vi: 'Chuẩn bị cho chuyến đi',
      en: 'Preparing for a trip',
    },
    lead: {
      vi: 'Sắp đến nơi mạng yếu hoặc không có mạng? Hãy chuẩn bị trước một gói cho chuyến đi, để khi đến nơi, những bài cần đọc đã có sẵn trên máy.',
      en: 'Going somewhere with a poor connection or none at all? Prepare a trip pack in advance, and the articles you need will be on your computer when you arrive.',
    },
    paragraphs: {
      vi: [
        'Chọn Chuẩn bị cho chuyến đi. Trình hướng dẫn sẽ đưa bạn qua ba lựa chọn. Thứ nhất, các nguồn cần đưa vào gói. Thứ hai, các chuyên mục trong những nguồn đó, như tin tức, văn bản chính sách hay thông báo; nếu chưa chắc, cứ để chọn tất cả. Thứ ba, khoảng thời gian, chẳng hạn ba tháng gần nhất, hoặc từ một ngày cụ thể đến hôm nay. Bạn cũng có thể chọn có kèm hình ảnh hay không.',
        '## Xem dung lượng trước khi tải',
        'Trước khi tải bất cứ thứ gì, ứng dụng hiển thị ước tính: số bài viết, bao nhiêu bài đã có sẵn trên máy và dung lượng ổ đĩa cần dùng, khi có và khi không có hình ảnh. Nếu gói lớn hơn bạn nghĩ, hãy thu hẹp khoảng thời gian hoặc bỏ chọn bớt chuyên mục; con số ước tính sẽ cập nhật ngay. Ứng dụng cũng cảnh báo nếu ổ đĩa không còn đủ chỗ trống.',
        '## Tải về và kiểm tra độ đầy đủ',
        'Chọn Bắt đầu để tải. Hãy chuẩn bị gói khi mạng còn tốt, tốt nhất là một ngày trước khi đi; bạn vẫn làm việc bình thường trong lúc tải, và nếu hủy giữa chừng thì những gì đã lưu vẫn được giữ lại. Khi tải xong, ứng dụng kiểm tra độ đầy đủ: xác nhận mọi bài trong khoảng thời gian đã chọn đều đã được lưu và có đủ hình ảnh. Kết quả cho biết phần nào đã đầy đủ và liệt kê những gì còn thiếu, ví dụ một bài mà cổng không phản hồi hay một hình ảnh không tải được. Chọn Tải lại phần thiếu để thử lại các mục đó.',
        'Khi kết quả kiểm tra cho thấy gói đã đầy đủ, bạn có thể yên tâm lên đường. Gói sẽ xuất hiện trong mục Gói ngoại tuyến, nơi bạn có thể cập nhật hoặc xóa nó sau này.',
      ],
      en: [
        'Choose Prepare for a trip. The assistant takes you through three choices. First, the sources to include. Second, the categories within those sources, such as news, policy documents or announcements; if you are unsure, leave them all selected. Third, the date range, for example the last three months, or from a specific day up to today. You can also choose whether to include images.',
        '## Check the size before downloading',
        'Before anything is downloaded, the app shows an estimate: the number of articles, how many of them are already on your computer, and the disk space needed with and without images. If the pack is larger than you expected, narrow the date range or untick some categories; the estimate updates at once. The app also warns you if the disk does not have enough free space.',
        '## Download and completeness check',
        'Choose Start to download. Prepare the pack while you still have a good connection, ideally the day before you leave; you can keep working while it runs, and if you cancel, whatever has been saved is kept. When it finishes, the app checks completeness: it confirms that every article in the date range was saved and that its images are present. The result shows what is complete and lists anything missing, for example an article the portal did not respond for or an image that failed to load. Choose Retry missing to try those items again.',
        'Once the check shows the pack is complete, you are ready to go. The pack appears under Offline packs, where you can update or remove it later.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-08T02:00:00.000Z',
  },
  {
    slug: 'reading',
    category: CATEGORY.reading,
    title: {
      vi: 'Đọc bài viết',
      en: 'Reading articles',
    },
    lead: {
      vi: 'Trình đọc hiển thị mỗi bài viết dưới dạng văn bản gọn gàng kèm hình ảnh, và cho phép bạn điều chỉnh trang cho đến khi thấy dễ đọc.',
      en: 'The reader shows each article as clean text with its images, and lets you adjust the page until it is comfortable to read.',
    },
    paragraphs: {
      vi: [
        'Chọn một bài trong danh sách để mở. Phía trên nội dung là tiêu đề, chuyên mục, tác giả, ngày đăng và, nếu cổng đã sửa bài kể từ lần lưu đầu tiên, ngày cập nhật gần nhất. Các bài liên quan mà cổng liệt kê bên dưới bài viết được hiển thị ở cuối trang.',
        '## Điều chỉnh trình đọc',
        'Mở phần thiết lập văn bản trên thanh công cụ của trình đọc. Cỡ chữ giúp phóng to hoặc thu nhỏ chữ. Giãn dòng tăng khoảng cách giữa các dòng, rất hữu ích khi đọc văn bản dài. Độ rộng quy định bề ngang của cột chữ: dòng hẹp dễ theo dõi hơn, dòng rộng hiển thị được nhiều chữ hơn. Ứng dụng ghi nhớ lựa chọn của bạn và áp dụng cho mọi bài viết.',
        '## Màu nền',
        'Chọn Sáng khi làm việc ban ngày, Tối vào buổi tối hoặc trong phòng thiếu sáng, hoặc Sepia, tông màu giấy ấm giúp mắt dễ chịu khi đọc lâu. Bạn có thể đổi màu nền ngay tại đây hoặc trong phần Cài đặt.',
        '## Mở bài gốc',
        'Mở bài gốc sẽ mở trang của bài viết trên cổng thông tin bằng trình duyệt web. Hãy dùng khi cần bản chính thức, muốn chia sẻ đường dẫn hoặc muốn kiểm tra xem bài có thay đổi gì không. Thao tác này cần kết nối mạng; mọi chức năng khác của trình đọc đều hoạt động ngoại tuyến. Nếu cổng đã gỡ bài, bản lưu của bạn vẫn đọc được và được ghi chú là không còn trên cổng.',
        'Để quay lại danh sách, dùng nút quay lại hoặc nhấn Esc.',
      ],
      en: [
        'Select an article in the list to open it. Above the text you see the title, category, author, publication date and, if the portal has changed the article since it was first saved, the date of the latest update. Related articles that the portal lists below the story appear at the end.',
        '## Reader controls',
        'Open the text settings in the reader’s toolbar. Font size makes the text larger or smaller. Line spacing adds room between lines, which helps with long documents. Width sets how wide the column of text is: narrow lines are easier to follow, wide lines show more at once. Your choices are remembered and apply to every article.',
        '## Themes',
        'Choose Light for daytime, Dark for evenings or dim rooms, or Sepia, a warm paper tone that is gentle on the eyes during long reading sessions. You can switch themes here or in Settings.',
        '## Open the original',
        'Open original opens the article’s page on the portal in your web browser. Use it when you need the official version, want to share a link, or want to check whether anything has changed. This needs a network connection; everything else in the reader works offline. If the portal has removed an article, your saved copy stays readable and is marked as no longer available on the portal.',
        'To go back to the list, use the back button or press Esc.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-07T02:00:00.000Z',
  },
  {
    slug: 'keyboard-shortcuts',
    category: CATEGORY.reading,
    title: {
      vi: 'Phím tắt',
      en: 'Keyboard shortcuts',
    },
    lead: {
      vi: 'Bạn có thể làm hầu hết mọi việc trong Đọc lưu trữ mà không cần dùng chuột. Các phím tắt dưới đây hoạt động ở mọi nơi, trừ khi bạn đang gõ chữ trong một ô nhập liệu.',
      en: 'You can do most things in Archive Reader without touching the mouse. These shortcuts work everywhere except while you are typing in a text field.',
    },
    paragraphs: {
      vi: [
        '## Di chuyển trong danh sách',
        'j hoặc phím mũi tên xuống: chuyển đến bài tiếp theo trong danh sách.',
        'k hoặc phím mũi tên lên: quay về bài trước đó.',
        'Enter: mở bài đang chọn.',
        'Esc: quay lại, từ bài viết về danh sách, hoặc đóng hộp thoại hay ô tìm kiếm.',
        '## Khi đang đọc',
        'b: đánh dấu trang bài viết, hoặc bỏ dấu trang nếu bài đã được đánh dấu.',
        'o: mở bài gốc trên cổng thông tin bằng trình duyệt web.',
        'Ctrl+F: tìm một từ hoặc cụm từ trong bài đang đọc; các chỗ khớp được tô sáng ngay trong văn bản.',
        '## Tìm kiếm',
        '/ hoặc Ctrl+K: chuyển ngay đến ô tìm kiếm từ bất kỳ đâu trong ứng dụng, gõ từ cần tìm rồi nhấn Enter.',
        'Trên macOS, dùng phím Cmd thay cho Ctrl. Các phím tắt một chữ cái là chữ thường và không có tác dụng khi con trỏ đang ở ô tìm kiếm, ô ghi chú hay ô nhập liệu khác, vì vậy gõ chữ b trong ghi chú sẽ không đánh dấu trang nhầm bài nào.',
        'Mẹo: với j, k và Enter, bạn có thể lướt nhanh cả một chuyên mục: mở bài, đọc, nhấn Esc, rồi nhấn j để sang bài tiếp theo.',
      ],
      en: [
        '## Moving around the list',
        'j or the Down arrow key: go to the next article in the list.',
        'k or the Up arrow key: go back to the previous article.',
        'Enter: open the selected article.',
        'Esc: go back, from an article to the list, or close a dialog or the search box.',
        '## While reading',
        'b: bookmark the article, or remove the bookmark if it already has one.',
        'o: open the original article on the portal in your web browser.',
        'Ctrl+F: find a word or phrase in the current article; matches are highlighted in the text.',
        '## Search',
        '/ or Ctrl+K: jump to the search box from anywhere in the app, type what you are looking for and press Enter.',
        'On macOS, use Cmd instead of Ctrl. Single-letter shortcuts are lowercase and do nothing while the cursor is in the search box, a note or any other text field, so typing the letter b in a note never bookmarks an article by mistake.',
        'Tip: with j, k and Enter you can go through a whole category quickly: open an article, read it, press Esc, then press j for the next one.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-06T02:00:00.000Z',
  },
  {
    slug: 'vietnamese-search',
    category: CATEGORY.search,
    title: {
      vi: 'Tìm kiếm tiếng Việt',
      en: 'Searching in Vietnamese',
    },
    lead: {
      vi: 'Chức năng tìm kiếm hiểu tiếng Việt: gõ có dấu hay không dấu, bạn vẫn tìm được điều mình cần.',
      en: 'Search understands Vietnamese: type with or without tone marks and you will still find what you are looking for.',
    },
    paragraphs: {
      vi: [
        'Nhấn / hoặc Ctrl+K, gõ vài từ rồi nhấn Enter. Ứng dụng tìm trong tiêu đề, phần mở đầu và toàn văn của mọi bài đã lưu, kể cả khi không có mạng.',
        '## Có dấu hay không dấu',
        'Bạn không bắt buộc phải gõ dấu. Gõ dan van sẽ tìm thấy các bài có cụm “dân vận”, gõ chinh quyen so sẽ tìm thấy “chính quyền số”. Tuy vậy, dấu vẫn có tác dụng khi xếp hạng: bài khớp đúng dấu bạn gõ sẽ đứng đầu. Ví dụ, gõ ban không dấu sẽ khớp cả bản, bàn, bạn và bán; còn gõ bản có dấu thì những bài chứa đúng chữ bản sẽ được xếp lên trước.',
        '## Tìm cụm từ',
        'Đặt các từ trong dấu ngoặc kép để tìm chúng đi liền nhau và đúng thứ tự: "chuyển đổi số" chỉ tìm đúng cụm từ đó, chứ không tìm những bài nhắc đến ba chữ này ở những chỗ khác nhau. Ngoặc kép cũng dùng được với chữ không dấu, chẳng hạn "chuyen doi so".',
        '## Gõ kiểu Telex hoặc VNI',
        'Nếu bạn dùng bộ gõ tiếng Việt như Unikey hoặc bộ gõ có sẵn của hệ điều hành, cứ gõ như bình thường. Nếu máy chưa cài bộ gõ tiếng Việt, bạn có thể gõ thẳng kiểu Telex hoặc VNI vào ô tìm kiếm: daan vaanj (Telex) hay da6n va6n5 (VNI) đều được hiểu là dân vận.',
        '## Mẹo',
        'Muốn tìm rộng, hãy dùng ít từ nhưng đặc trưng; muốn thu hẹp, hãy thêm từ. Mỗi kết quả kèm một đoạn trích, trong đó các từ bạn tìm được tô sáng. Mở bài rồi nhấn Ctrl+F để tìm các từ đó ngay trong bài.',
      ],
      en: [
        'Press / or Ctrl+K, type a few words and press Enter. Search looks through the titles, leads and full text of every saved article, and it works offline.',
        '## With or without tone marks',
        'You do not have to type diacritics. Typing dan van finds articles containing “dân vận”, and chinh quyen so finds “chính quyền số”. Tone marks still matter for ranking: articles that match exactly what you typed come first. For example, ban without marks matches bản, bàn, bạn and bán; type bản with its tone mark and the articles containing exactly bản are listed first.',
        '## Phrases',
        'Put words in double quotes to find them next to each other and in that order: "chuyển đổi số" finds that exact phrase, not articles that merely mention the three words in different places. Quotes work with unaccented text too, for example "chuyen doi so".',
        '## Typing with Telex or VNI',
        'If you use a Vietnamese keyboard such as Unikey or the one built into your operating system, type as you normally would. If the computer has no Vietnamese keyboard, you can type Telex or VNI directly into the search box: daan vaanj (Telex) and da6n va6n5 (VNI) are both understood as dân vận.',
        '## Tips',
        'For a broad search, use a few distinctive words; to narrow it, add more. Each result comes with an excerpt in which the words you searched for are highlighted. Open an article and press Ctrl+F to find those words inside it.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-05T02:00:00.000Z',
  },
  {
    slug: 'bookmarks-and-collections',
    category: CATEGORY.notes,
    title: {
      vi: 'Dấu trang và bộ sưu tập',
      en: 'Bookmarks and collections',
    },
    lead: {
      vi: 'Đánh dấu trang những bài bạn muốn đọc lại, rồi nhóm chúng thành các bộ sưu tập theo chủ đề, công việc hoặc báo cáo.',
      en: 'Bookmark the articles you want to come back to, and group them into collections by topic, project or report.',
    },
    paragraphs: {
      vi: [
        'Để đánh dấu trang một bài viết, chọn nút dấu trang trong trình đọc hoặc nhấn b. Tất cả bài đã đánh dấu được liệt kê trong mục Dấu trang, bài đánh dấu gần đây nhất nằm trên cùng. Nhấn b lần nữa để bỏ dấu trang.',
        '## Bộ sưu tập',
        'Bộ sưu tập là một nhóm dấu trang có tên riêng, ví dụ “Báo cáo quý” hay “Chuyển đổi số”. Tạo bộ sưu tập mới trong mục Dấu trang, rồi thêm bài vào đó ngay từ trình đọc. Một bài có thể thuộc nhiều bộ sưu tập cùng lúc. Đổi tên hay xóa bộ sưu tập không bao giờ xóa các bài viết trong đó.',
        '## Xuất',
        'Chọn Xuất để lưu dấu trang ra tệp. Có hai định dạng. JSON giữ lại đầy đủ mọi thứ: dấu trang, bộ sưu tập và thời điểm bạn thêm chúng; hãy dùng định dạng này khi chuyển sang máy khác hoặc để sao lưu. HTML cho trình duyệt là tệp dấu trang chuẩn mà Chrome, Edge, Firefox và Safari đều nhập được; mỗi bộ sưu tập trở thành một thư mục và mỗi dấu trang dẫn tới bài gốc trên cổng thông tin.',
        '## Nhập',
        'Chọn Nhập rồi chọn tệp JSON đã xuất từ Đọc lưu trữ, hoặc tệp dấu trang HTML xuất từ trình duyệt. Các thư mục sẽ trở thành bộ sưu tập. Dấu trang được khớp với bài viết trong kho của bạn theo địa chỉ bài. Nhập cùng một tệp hai lần cũng không tạo ra bản trùng lặp.',
      ],
      en: [
        'To bookmark an article, choose the bookmark button in the reader or press b. All bookmarked articles are listed under Bookmarks, most recently bookmarked first. Press b again to remove the bookmark.',
        '## Collections',
        'A collection is a named group of bookmarks, for example “Quarterly report” or “Digital transformation”. Create a new collection under Bookmarks, then add articles to it straight from the reader. An article can belong to several collections at once. Renaming or deleting a collection never deletes the articles in it.',
        '## Export',
        'Choose Export to save your bookmarks to a file. There are two formats. JSON keeps everything: bookmarks, collections and the dates you added them; use it to move to another computer or as a backup. Browser HTML is the standard bookmarks file that Chrome, Edge, Firefox and Safari can all import; each collection becomes a folder and each bookmark links to the original article on the portal.',
        '## Import',
        'Choose Import and pick a JSON file exported from Archive Reader, or an HTML bookmarks file exported from a browser. Folders become collections. Bookmarks are matched to the articles in your archive by their address. Importing the same file twice does not create duplicates.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-04T02:00:00.000Z',
  },
  {
    slug: 'highlights-notes-and-tags',
    category: CATEGORY.notes,
    title: {
      vi: 'Tô sáng, ghi chú và gắn thẻ',
      en: 'Highlights, notes and tags',
    },
    lead: {
      vi: 'Ghi chép ngay trong lúc đọc: tô sáng đoạn văn, viết ghi chú, gắn thẻ, rồi xuất tất cả ra khi đến lúc viết báo cáo.',
      en: 'Mark up articles as you read: highlight passages, write notes, add tags, and export everything when it is time to write a report.',
    },
    paragraphs: {
      vi: [
        '## Tô sáng và thêm ghi chú',
        'Bôi đen một đoạn văn trong bài rồi chọn Tô sáng. Để thêm ghi chú, chọn Thêm ghi chú trên đoạn vừa chọn, hoặc nhấp vào một đoạn đã tô sáng. Ghi chú là văn bản thuần, dài ngắn tùy ý.',
        '## Thẻ',
        'Thẻ giúp bạn tìm lại ghi chú trên nhiều bài viết khác nhau. Gắn cho ghi chú những thẻ như ngân sách, giáo dục hay cần theo dõi; trong lúc gõ, ứng dụng sẽ gợi ý các thẻ bạn đã dùng. Mục Ghi chú liệt kê mọi đoạn tô sáng và ghi chú; bạn có thể lọc theo thẻ hoặc tìm kiếm trong ghi chú.',
        '## Xuất cho báo cáo',
        'Chọn Xuất trong mục Ghi chú. Tệp xuất gồm từng đoạn đã tô sáng, ghi chú và thẻ của bạn, cùng tiêu đề, ngày đăng và đường dẫn tới bài gốc, nhờ đó mỗi trích dẫn đều truy được nguồn gốc. Nếu chỉ cần ghi chú của một thẻ, hãy lọc trước rồi mới xuất.',
        '## Khi cổng sửa bài viết',
        'Cổng thông tin đôi khi đính chính hoặc cập nhật bài sau khi đăng. Khi đó, lần đồng bộ tiếp theo sẽ lưu phiên bản mới, còn các đoạn tô sáng và ghi chú của bạn vẫn gắn với đúng những đoạn văn ấy, kể cả khi phần chữ xung quanh đã thay đổi. Nếu chính đoạn được tô sáng bị viết lại hoặc bị xóa, ghi chú cũng không mất: nó vẫn nằm trong bài, hiển thị đoạn chữ bạn đã tô sáng ban đầu và được gắn nhãn để bạn xem lại.',
      ],
      en: [
        '## Highlight and add a note',
        'Select some text in an article and choose Highlight. To add a note, choose Add note on the selection, or click a passage you have already highlighted. Notes are plain text and can be as long as you need.',
        '## Tags',
        'Tags help you find your notes again across many articles. Give a note tags such as budget, education or follow-up; as you type, the app suggests tags you have used before. The Notes view lists all your highlights and notes; you can filter it by tag or search within your notes.',
        '## Export for reports',
        'Choose Export in the Notes view. The export includes each highlighted passage with your note and tags, along with the article’s title, publication date and a link to the original, so every quotation can be traced back to its source. If you only need the notes for one tag, filter first and then export.',
        '## When the portal edits an article',
        'Portals sometimes correct or update articles after publishing them. When that happens, the next sync saves the new version, and your highlights and notes stay attached to the same passages, even if the text around them has changed. If a highlighted passage itself was rewritten or removed, the note is not lost: it stays with the article, shows the text you originally highlighted, and is labelled so you can review it.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-03T02:00:00.000Z',
  },
  {
    slug: 'offline-packs',
    category: CATEGORY.offline,
    title: {
      vi: 'Gói ngoại tuyến và làm việc khi không có mạng',
      en: 'Offline packs and working without a network',
    },
    lead: {
      vi: 'Mọi thứ bạn đã lưu đều dùng được khi không có mạng. Gói ngoại tuyến giúp bảo đảm những bài cần thiết đã được lưu sẵn trước khi bạn cần đến.',
      en: 'Everything you have saved works without a connection. Offline packs make sure the right articles are saved before you need them.',
    },
    paragraphs: {
      vi: [
        '## Những gì dùng được khi ngoại tuyến',
        'Khi không có mạng, bạn vẫn mở và đọc được mọi bài đã lưu cùng hình ảnh đã tải, tìm kiếm trong toàn bộ kho bài, dùng dấu trang và bộ sưu tập, tô sáng, ghi chú và xuất dữ liệu. Khi mất kết nối, ứng dụng hiển thị biểu tượng ngoại tuyến và vẫn hoạt động bình thường. Chỉ vài việc cần có mạng: đồng bộ, Mở bài gốc và những hình ảnh chưa được tải về (khi đó một khung giữ chỗ sẽ hiện ra thay cho ảnh).',
        '## Gói ngoại tuyến',
        'Gói ngoại tuyến là tập hợp những bài viết bạn muốn giữ đầy đủ trên máy, thường được chuẩn bị trước chuyến đi: gồm các nguồn, chuyên mục và khoảng thời gian đã chọn, có hoặc không kèm hình ảnh. Mở mục Gói ngoại tuyến để xem từng gói cùng dung lượng, số bài và kết quả của lần kiểm tra độ đầy đủ gần nhất.',
        'Tại đó, bạn có thể cập nhật gói để tải thêm các bài mới đăng kể từ khi chuẩn bị cùng những mục còn thiếu, kiểm tra lại gói, hoặc xóa gói để giải phóng dung lượng ổ đĩa. Xóa gói chỉ xóa những bản tải về không còn cần đến ở nơi khác; các bài bạn đã đánh dấu trang, tô sáng hoặc ghi chú luôn được giữ lại.',
        '## Khi có mạng trở lại',
        'Khi có mạng trở lại, đồng bộ theo lịch sẽ tự chạy tiếp, và mọi việc bạn làm lúc ngoại tuyến vẫn được giữ nguyên. Nếu đang dùng mạng chậm hoặc mạng tính phí theo dung lượng, hãy tạm dừng các nguồn hoặc đặt lịch đồng bộ là Tắt cho đến khi có mạng tốt.',
      ],
      en: [
        '## What works offline',
        'Without a network you can still open and read every saved article with its downloaded images, search the whole archive, use bookmarks and collections, highlight, take notes and export. When the connection drops, the app shows an offline indicator and carries on as usual. Only a few things need the network: syncing, Open original, and images that were not downloaded, which show a placeholder instead.',
        '## Offline packs',
        'An offline pack is a set of articles you want to keep complete on your computer, usually prepared before a trip: the sources, categories and date range you chose, with or without images. Open Offline packs to see each pack with its size, the number of articles and the result of its latest completeness check.',
        'From there you can update a pack, which downloads articles published since it was prepared along with any missing items; check it again; or remove it to free disk space. Removing a pack only deletes downloaded copies that nothing else needs; articles you have bookmarked, highlighted or annotated are always kept.',
        '## When the connection returns',
        'Once you are back online, scheduled syncs resume on their own, and everything you did offline stays as it is. If you are on a slow connection or one that charges by data, pause your sources or set their schedule to Off until you are back on a good network.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-02T02:00:00.000Z',
  },
  {
    slug: 'language-theme-and-privacy',
    category: CATEGORY.settings,
    title: {
      vi: 'Ngôn ngữ, giao diện và quyền riêng tư',
      en: 'Language, theme and privacy',
    },
    lead: {
      vi: 'Chọn ngôn ngữ và giao diện cho ứng dụng, đồng thời tìm hiểu Đọc lưu trữ lưu những gì, lưu ở đâu và gửi gì qua mạng.',
      en: 'Choose the language and look of the app, and learn what Archive Reader stores, where it keeps it, and what it sends over the network.',
    },
    paragraphs: {
      vi: [
        '## Ngôn ngữ và giao diện',
        'Mở Cài đặt để chuyển ngôn ngữ giao diện giữa Tiếng Việt và English. Thay đổi có hiệu lực ngay; các bài viết vẫn giữ nguyên ngôn ngữ mà cổng đã đăng, còn phần hướng dẫn này hiển thị theo ngôn ngữ giao diện. Trong mục Giao diện, chọn màu nền Sáng, Tối hoặc Sepia; các thiết lập văn bản của trình đọc như cỡ chữ và giãn dòng cũng nằm ở đây.',
        '## Thiết lập do bộ phận công nghệ thông tin cài sẵn',
        'Ở một số cơ quan, bộ phận công nghệ thông tin cài sẵn một số thiết lập cho mọi người, chẳng hạn danh sách nguồn, lịch đồng bộ hay việc có tải hình ảnh hay không. Những thiết lập này hiển thị kèm biểu tượng khóa và dòng chú thích “Do cơ quan của bạn quản lý”, và không thể thay đổi trong ứng dụng. Nếu thiết lập nào gây trở ngại cho công việc, hãy liên hệ bộ phận công nghệ thông tin.',
        '## Dữ liệu được lưu ở đâu',
        'Mọi thứ ứng dụng lưu lại, gồm bài viết, hình ảnh, chỉ mục tìm kiếm, dấu trang, bộ sưu tập, đoạn tô sáng, ghi chú và thiết lập, chỉ nằm trên máy tính này, trong thư mục dữ liệu của ứng dụng thuộc hồ sơ người dùng của bạn: trên Windows là %APPDATA%\\Archive Reader, trên macOS là ~/Library/Application Support/Archive Reader, trên Linux là ~/.config/Archive Reader. Mỗi tài khoản người dùng trên máy có kho dữ liệu riêng. Để giữ một bản sao, hãy xuất dấu trang và ghi chú, hoặc sao lưu thư mục đó khi ứng dụng đã đóng.',
        '## Quyền riêng tư',
        'Đọc lưu trữ không cần tài khoản và không thu thập số liệu thống kê. Ứng dụng chỉ kết nối tới địa chỉ của các nguồn do bạn hoặc bộ phận công nghệ thông tin thêm vào, để tải bài viết và hình ảnh. Lịch sử đọc, nội dung tìm kiếm, dấu trang và ghi chú của bạn không bao giờ rời khỏi máy tính, trừ khi chính bạn xuất chúng ra. Mở bài gốc chỉ chuyển địa chỉ bài viết cho trình duyệt web, và trình duyệt sẽ tải trang như thường lệ.',
      ],
      en: [
        '## Language and theme',
        'Open Settings to switch the interface language between Tiếng Việt and English. The change applies at once; articles stay in the language the portal published them in, and this guide follows the interface language. Under Appearance, choose the Light, Dark or Sepia theme; the reader’s text settings, such as font size and line spacing, are also kept there.',
        '## Settings preset by IT',
        'In some organisations, the IT team presets settings for everyone, such as the list of sources, the sync schedule or whether images are downloaded. These settings are shown with a lock and the note “Managed by your organisation”, and cannot be changed in the app. If one of them gets in the way of your work, contact your IT team.',
        '## Where your data is stored',
        'Everything the app saves, including articles, images, the search index, bookmarks, collections, highlights, notes and settings, is stored only on this computer, in the app’s data folder in your user profile: on Windows %APPDATA%\\Archive Reader, on macOS ~/Library/Application Support/Archive Reader, on Linux ~/.config/Archive Reader. Each user account on the computer has its own data. To keep a copy, export your bookmarks and notes, or back up that folder while the app is closed.',
        '## Privacy',
        'Archive Reader needs no account and does not collect statistics. It connects only to the addresses of the sources that you or your IT team added, to fetch articles and images. Your reading history, searches, bookmarks and notes never leave your computer unless you export them yourself. Open original simply hands the article’s address to your web browser, which then loads the page as usual.',
      ],
    },
    author: AUTHOR,
    publishedAt: '2026-03-01T02:00:00.000Z',
  },
];
