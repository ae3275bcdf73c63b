export type FeedErrorCode =
  /** Claims to be a feed/sitemap but is not well-formed XML or JSON. */
  | 'malformed-feed'
  /** Well-formed, but not a format we read (e.g. an HTML page where a feed was expected). */
  | 'unsupported-format'
  /** OPML file that is not well-formed or has no <opml>/<body>. */
  | 'malformed-opml';

/** Parse failures; `message` is plain English (with line/column when known), the UI translates by `code`. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly code: FeedErrorCode;
  readonly line?: number;
  readonly column?: number;

  constructor(code: FeedErrorCode, message: string, position?: { line?: number; column?: number }) {
    super(message);
    this.code = code;
    if (position?.line !== undefined) this.line = position.line;
    if (position?.column !== undefined) this.column = position.column;
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError;
}
