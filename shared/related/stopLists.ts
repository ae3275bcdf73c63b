/**
 * Hand-made from the corpus' highest-df syllables (see `highestDfTerms` in
 * scripts/eval-related.ts). Tiered, because Vietnamese function syllables double as halves
 * of content words: "không" is "not" but also the first half of "không khí" (air) and the
 * second of "hàng không" (aviation), so a single list would either keep noise or delete
 * real words. Anything common that is left is discounted by idf.
 */

/**
 * Particles that (almost) never sit inside a content word: any bigram containing one is
 * noise ("của các", "cho biết", "đã có"), and so is the particle on its own.
 */
export const BIGRAM_BREAKING_SYLLABLES: ReadonlySet<string> = new Set(
  `của và là các những đã sẽ đang thì mà này với cũng rằng nhưng hoặc nếu rất vẫn đều được
   cho tại đến khi như nên còn ở nhiều một để`.split(/\s+/u),
);

/**
 * Too vague to be a term on their own; a bigram built from two of them ("có thể", "trong
 * khi") is dropped too, but one stop syllable next to a content syllable is kept
 * ("thể thao", "điều trị", "trẻ em", "thế giới").
 */
export const STOP_SYLLABLES: ReadonlySet<string> = new Set([
  ...BIGRAM_BREAKING_SYLLABLES,
  ...`có không trong từ theo về ra vào lên qua sau trước trên dưới đó đây kia ấy nào gì ai
   việc điều cái sự mỗi mọi cả hơn nhất thế vậy nhau chúng ta tôi họ mình cùng giữa ngoài
   bên hết luôn tuy dù nhằm thêm vừa mới từng hiện nay thể ông bà anh chị em bị lại chỉ do
   vì bởi hay làm khác tới thấy chưa quá bằng khiến ngay giúp so xem muốn thường gồm biết
   cần phải ngày tháng năm giờ lúc nơi đi`.split(/\s+/u),
]);

/**
 * Discourse phrases made of content syllables ("tuy nhiên" = however): idf already makes
 * them weak, but they must never be offered as the reason two articles are related.
 */
export const STOP_BIGRAMS: ReadonlySet<string> = new Set([
  'tuy nhiên', 'ngoài ra', 'bên cạnh', 'vì vậy', 'do đó', 'đồng thời', 'hiện nay', 'hiện tại',
  'thời gian', 'thời điểm', 'đầu tiên', 'trường hợp', 'tiếp tục', 'xảy ra', 'diễn ra',
  'bắt đầu', 'đặc biệt', 'liên quan', 'chia sẻ', 'khả năng', 'vấn đề', 'sử dụng', 'thực hiện',
]);
