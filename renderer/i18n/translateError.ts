import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/apiError';

// Codes a feature owns are translated in that feature's own locale file.
const FEATURE_CODES: Array<[RegExp, string]> = [[/^(proxy-|network-settings-)/, 'network.errors.codes']];
const codeNamespace = (code: string) => FEATURE_CODES.find(([re]) => re.test(code))?.[1] ?? 'errors.codes';

/** A readable, translated sentence for any error: known codes get their own text. */
export function translateError(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const key = `${codeNamespace(err.code)}.${err.code}`;
    const text = t(key, { ...err.params, message: err.message, defaultValue: '' });
    if (text) return text;
    return t('errors.codes.internal', { message: err.message });
  }
  return t('errors.codes.internal', { message: err instanceof Error ? err.message : String(err) });
}
