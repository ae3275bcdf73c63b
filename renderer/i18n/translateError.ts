import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/apiError';

/** A readable, translated sentence for any error: known codes get their own text. */
export function translateError(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const key = `errors.codes.${err.code}`;
    const text = t(key, { ...err.params, message: err.message, defaultValue: '' });
    if (text) return text;
    return t('errors.codes.internal', { message: err.message });
  }
  return t('errors.codes.internal', { message: err instanceof Error ? err.message : String(err) });
}
