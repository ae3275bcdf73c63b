/** What a parsed document is. RSS 1.0 (RDF) reports 'rss' with `format: 'rss1'`. */
export type FeedDocumentKind = 'rss' | 'atom' | 'jsonfeed' | 'sitemap' | 'sitemapindex';

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'jsonfeed' | 'sitemap' | 'sitemapindex';

export interface FeedItem {
  /** Absolute http(s) URL, fragment and utm_* style tracking parameters removed. */
  url: string;
  title?: string;
  /** ISO 8601 (UTC). */
  publishedAt?: string;
  updatedAt?: string;
  category?: string;
  author?: string;
  /** Plain text. */
  summary?: string;
}

/**
 * One parsed feed or sitemap. For a sitemap index the items are the child
 * sitemaps (url + updatedAt from <lastmod>); for a urlset they are pages.
 */
export interface FeedDocument {
  kind: FeedDocumentKind;
  format: FeedFormat;
  /** Empty string when the document has none (sitemaps). */
  title: string;
  /** The site the feed belongs to (RSS channel link, Atom alternate, JSON Feed home_page_url). */
  siteUrl?: string;
  items: FeedItem[];
}

/** Validators remembered for one feed, sitemap or listing page (structurally shared/model/sync DocState). */
export interface DocValidators {
  etag?: string;
  lastModified?: string;
  /** For a sitemap index: its child sitemaps, so an unchanged (304) index can still be walked. */
  children?: string[];
}

/** Minimal fetch the feed helpers need; `Fetcher.fetch` (bound) satisfies it. */
export type FetchLike = (
  url: string,
  options?: { signal?: AbortSignal; accept?: string; etag?: string; lastModified?: string },
) => Promise<{
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  notModified?: boolean;
  etag?: string;
  lastModified?: string;
}>;
