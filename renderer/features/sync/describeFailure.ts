import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api/apiError';
import { translateError } from '../../i18n/translateError';

const KNOWN = new Set([
  'timeout', 'network', 'malformed-feed', 'malformed-opml', 'unsupported-format', 'too-large', 'robots-disallowed', 'redirect-loop',
  'not-an-article', 'not-html', 'not-an-image', 'unsupported-charset', 'extract-failed', 'cancelled', 'disk-full', 'store-failed',
  'store-timeout', 'host-unreachable',
]);

export interface FailureLike {
  code: string;
  message: string;
  status?: number;
}

/** Why a page, feed or file could not be had, in plain translated words, from its code and HTTP status. */
export function describeFailure(t: TFunction, f: FailureLike): string {
  if (f.code === 'http-status' && f.status) {
    const s = f.status;
    const key = s === 404 || s === 410 ? 'gone' : s === 401 || s === 403 ? 'forbidden' : s === 429 ? 'throttled' : s >= 500 ? 'server' : 'http';
    return t(`sync.reasons.${key}`, { status: s });
  }
  if (f.code === 'http-status') return t('sync.reasons.http', { status: '?' });
  if (KNOWN.has(f.code)) return t(`sync.reasons.${f.code}`);
  return translateError(t, { code: f.code, message: f.message });
}

/** The same for an error thrown by an API call (discovery, OPML), where the status rides in params. */
export function describeSyncError(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const status = Number(err.params?.status);
    return describeFailure(t, { code: err.code, message: err.message, ...(Number.isFinite(status) && status > 0 ? { status } : {}) });
  }
  return translateError(t, err);
}
