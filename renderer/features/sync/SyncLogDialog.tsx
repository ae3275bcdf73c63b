import { useTranslation } from 'react-i18next';
import type { SyncRunRow } from '../../data/rows';
import { useSyncState } from '../../hooks/useSyncController';
import { useSyncLog } from '../../hooks/useSyncLog';
import { formatDateTime } from '../../i18n/formatDate';
import { describeFailure, describeSyncError } from './describeFailure';
import { formatBytes, formatCount } from './formatSync';
import { ModalDialog } from './ModalDialog';

const FAILURES_SHOWN = 100;

/** Past runs, newest first: when, how it went, what it counted, and every URL it could not get, and why. */
export function SyncLogDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const log = useSyncLog();
  const { runs: active } = useSyncState();
  const activeIds = new Set(active.map((r) => r.runId));

  return (
    <ModalDialog title={t('sync.log.title')} onClose={onClose} className="sync-log">
      {log && log.runs.length === 0 && <p className="muted">{t('sync.log.empty')}</p>}
      {log && log.runs.length > 0 && (
        <ol className="sync-log-list">
          {log.runs.map((run) => (
            <RunEntry key={run.id} run={run} titles={log.titles} active={activeIds.has(run.id)} />
          ))}
        </ol>
      )}
    </ModalDialog>
  );
}

function RunEntry({ run, titles, active }: { run: SyncRunRow; titles: Record<string, string>; active: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const result = run.result ?? (active ? 'running' : 'interrupted');
  const names = run.sourceIds.map((id) => titles[id] ?? t('sync.log.removedSource')).join(', ');
  const n = (x: number) => formatCount(x, lang);
  const c = run.counters;
  const sourceErrors = (run.perSource ?? []).filter((p) => p.error && p.result === 'failed');
  return (
    <li className={`sync-run is-${result}`}>
      <h3 className="sync-run-title">{t('sync.log.run', { time: formatDateTime(run.startedAt, lang), result: t(`sync.result.${result}`) })}</h3>
      <p className="muted">
        {t('sync.log.sources', { names })}
        {run.filter ? ` · ${t('sync.log.trip')}` : ''}
      </p>
      {c ? (
        <p>
          {t('sync.log.counts', {
            found: n(c.found),
            fetched: n(c.fetched),
            notModified: n(c.notModified),
            stored: n(c.stored),
            images: n(c.images),
            bytes: formatBytes(c.bytes, lang),
            failed: n(c.failed),
          })}
        </p>
      ) : (
        <p>{t('sync.log.countsShort', { stored: n(run.stored), failed: n(run.failed) })}</p>
      )}
      {sourceErrors.map((p) => (
        <p key={p.sourceId} className="error-text">
          {t('sync.log.sourceError', { name: titles[p.sourceId] ?? t('sync.log.removedSource'), reason: describeSyncError(t, p.error) })}
        </p>
      ))}
      {run.failures.length > 0 && (
        <>
          <p>{t('sync.log.failures', { count: run.failures.length })}</p>
          <ul className="sync-failures">
            {run.failures.slice(0, FAILURES_SHOWN).map((f, i) => (
              <li key={`${f.url}-${i}`}>
                <span className="failure-url">{f.url}</span>
                <span className="failure-reason">{describeFailure(t, f)}</span>
              </li>
            ))}
          </ul>
          {run.failures.length > FAILURES_SHOWN && <p className="muted">{t('sync.log.more', { count: run.failures.length - FAILURES_SHOWN })}</p>}
        </>
      )}
    </li>
  );
}
