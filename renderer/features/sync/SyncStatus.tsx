import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../data/syncController';
import { useSyncController, useSyncState } from '../../hooks/useSyncController';
import { describeSyncError } from './describeFailure';
import { formatBytes, formatCount, formatDuration } from './formatSync';
import './sync.css';

/** The status line's sentence while syncing (live counts, bytes, time left), or after, or on a store error. */
export function syncStatusText(t: TFunction, language: string, state: SyncState, ready: string): string {
  if (state.storeError) return t('sync.status.storeError', { reason: describeSyncError(t, state.storeError) });
  if (state.startError) return t('sync.status.startError', { reason: describeSyncError(t, state.startError) });
  if (state.runs.length) {
    if (state.runs.every((r) => r.cancelling)) return t('sync.status.cancelling');
    const reports = state.runs.map((r) => r.progress).filter((p) => p !== null);
    if (!reports.length) return t('sync.status.starting');
    const sum = (k: 'found' | 'fetched' | 'stored' | 'images' | 'bytes') => reports.reduce((s, p) => s + p[k], 0);
    if (sum('found') === 0) return t('sync.status.discovering');
    const n = (x: number) => formatCount(x, language);
    const text = t('sync.status.progress', {
      found: n(sum('found')),
      fetched: n(sum('fetched')),
      stored: n(sum('stored')),
      images: n(sum('images')),
      bytes: formatBytes(sum('bytes'), language),
    });
    const etas = reports.map((p) => p.etaSeconds).filter((s): s is number => s !== null);
    return etas.length ? `${text} · ${t('sync.status.eta', { eta: formatDuration(Math.max(...etas), language) })}` : text;
  }
  const last = state.recent[0];
  if (last) {
    const finished = t('sync.status.finished', { result: t(`sync.result.${last.result}`), stored: formatCount(last.stored, language), failed: formatCount(last.failed, language) });
    return `${finished} · ${ready}`;
  }
  return ready;
}

export function SyncStatusText({ ready }: { ready: string }) {
  const { t, i18n } = useTranslation();
  const state = useSyncState();
  return <>{syncStatusText(t, i18n.language, state, ready)}</>;
}

/** Cancels every active run; only there while something runs. */
export function SyncCancelButton() {
  const { t } = useTranslation();
  const controller = useSyncController();
  const { runs } = useSyncState();
  if (!runs.length) return null;
  return (
    <button type="button" className="small" disabled={runs.every((r) => r.cancelling)} onClick={() => void controller.cancelAll()}>
      {t('sync.status.cancel')}
    </button>
  );
}
