/** An image that belongs to an article, referenced by absolute URL; the blob lives in the images table. */
export interface ArticleImage {
  url: string;
  caption: string;
}

/** A link the portal itself lists under "Các bài viết khác". */
export interface RelatedLink {
  url: string;
  title: string;
}

/**
 * What main's extractor produces from one article page. Everything is NFC-normalised;
 * `html` is already sanitized (the renderer sanitizes again before display).
 */
export interface ExtractedArticle {
  /** Final URL after redirects, tracking parameters stripped. */
  url: string;
  /** rel=canonical when present (absolute, tracking parameters stripped), else `url`. */
  canonicalUrl: string;
  title: string;
  lead: string;
  /** Sanitized article body HTML: paragraphs, images with captions; no site chrome, no author line. */
  html: string;
  /** Plain text of the body, paragraphs separated by "\n". */
  text: string;
  author: string;
  /** ISO 8601 in UTC; the portal's local time is UTC+7. Empty string when unknown. */
  publishedAt: string;
  /**
   * How much of `publishedAt` the page stated. "day": only dd/mm/yyyy was shown, so `publishedAt`
   * is local midnight (UTC+7) of that day and the UI should show the date without a time.
   */
  publishedAtPrecision?: 'day' | 'minute' | 'second';
  updatedAt: string;
  views: number | null;
  category: string;
  images: ArticleImage[];
  related: RelatedLink[];
  /** SHA-256 (hex) over title, lead and text: changes when the portal edits the article. */
  contentHash: string;
}

/** An article as stored in the renderer's database. */
export interface Article extends ExtractedArticle {
  id: string;
  sourceId: string;
  fetchedAt: string;
  removedUpstream: boolean;
  etag?: string;
  lastModified?: string;
}
