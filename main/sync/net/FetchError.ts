export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'robots-disallowed'
  | 'network'
  | 'cancelled'
  | 'redirect-loop'
  /** The proxy answered 407: missing or wrong credentials. */
  | 'proxy-auth'
  /** The system proxy for the URL is one the fetcher cannot use (SOCKS, QUIC) and offers no DIRECT fallback. */
  | 'proxy-unsupported';

export interface FetchErrorInit {
  url: string;
  status?: number;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The only error the fetcher throws. `message` is plain English for logs;
 * the UI translates by `code` (and `status` for 'http-status').
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: FetchErrorCode, message: string, init: FetchErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

export function isFetchError(e: unknown): e is FetchError {
  return e instanceof FetchError;
}
