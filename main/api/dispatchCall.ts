import { API_METHODS, type ApiMethod, type ArchiveApi } from '../../shared/api/archiveApi';
import { argSchemas } from '../../shared/api/argSchemas';
import type { ApiError, ApiResult } from '../../shared/api/apiError';
import type { Logger } from '../log/createLogger';

const KNOWN = new Set<string>(API_METHODS);

export function toApiError(err: unknown): ApiError {
  if (err && typeof err === 'object' && typeof (err as ApiError).code === 'string') {
    const e = err as ApiError;
    return { code: e.code, message: String(e.message ?? e.code), ...(e.params ? { params: e.params } : {}) };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The one entry point both hosts use: refuses unknown methods, validates the argument against the
 * contract's schema, and turns any throw into a data error so nothing host-specific leaks out.
 */
export async function dispatchCall(
  handlers: ArchiveApi,
  method: string,
  arg: unknown,
  logger?: Logger,
): Promise<ApiResult<unknown>> {
  if (!KNOWN.has(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${method}`, params: { method } } };
  }
  const m = method as ApiMethod;
  const parsed = argSchemas[m].safeParse(arg);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ');
    logger?.warn(`rejected ${m}: ${detail}`);
    return { ok: false, error: { code: 'invalid-argument', message: `Invalid argument for ${m}: ${detail}`, params: { method: m } } };
  }
  try {
    const fn = handlers[m] as (a: unknown) => Promise<unknown>;
    const value = await fn.call(handlers, parsed.data);
    return { ok: true, value };
  } catch (err) {
    const error = toApiError(err);
    logger?.[error.code === 'internal' ? 'error' : 'warn'](`${m} failed: ${error.code}: ${error.message}`);
    return { ok: false, error };
  }
}
