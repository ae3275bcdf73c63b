/**
 * Errors cross the process boundary as data, never as thrown objects, so both hosts
 * (Electron IPC and the browser-mode WebSocket) deliver the same shape. The renderer
 * translates by `code`; `message` is an English fallback for logs.
 */
export interface ApiError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class ApiCallError extends Error implements ApiError {
  readonly code: string;
  readonly params?: Record<string, string | number>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.params = error.params;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
