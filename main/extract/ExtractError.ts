/**
 * Why a page could not be turned into an article. The UI translates by `code`;
 * `message` is plain English for logs.
 */
export type ExtractErrorCode =
  /** The page declares a charset we cannot decode; decoding anyway would store mojibake. */
  | 'unsupported-charset'
  /** The response is not an HTML document (image, PDF, feed, ...). */
  | 'not-html'
  /** The page is HTML but carries no article body (404 page, listing, empty shell). */
  | 'not-an-article';

export interface ExtractErrorDetails {
  charset?: string;
  contentType?: string;
  url?: string;
}

export class ExtractError extends Error {
  readonly code: ExtractErrorCode;
  readonly details: ExtractErrorDetails;

  constructor(code: ExtractErrorCode, message: string, details: ExtractErrorDetails = {}) {
    super(message);
    this.name = 'ExtractError';
    this.code = code;
    this.details = details;
  }
}

export function isExtractError(err: unknown): err is ExtractError {
  return err instanceof ExtractError;
}
