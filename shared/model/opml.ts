import type { SourceKind } from './source';

/** One subscription read from, or written to, an OPML file. */
export interface OpmlSubscription {
  url: string;
  title: string;
  kind: SourceKind;
  /** The site the feed belongs to, when the file says. */
  htmlUrl?: string;
  /** Enclosing folder outlines, joined with " / ". */
  category?: string;
}

export interface OpmlImport {
  entries: OpmlSubscription[];
  /** Outlines that looked like subscriptions but had no usable http(s) URL. */
  skipped: number;
}
