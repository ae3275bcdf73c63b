import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../shared/model/sync';
import type { SourceWithCounts } from '../../hooks/useSources';
import { formatRelative } from '../../i18n/formatDate';
import { describeSyncError } from '../sync/describeFailure';
import { SourceMenu } from './SourceMenu';

interface Props {
  source: SourceWithCounts;
  title: string;
  selected: boolean;
  newCount: number;
  /** Present while a run that includes this source is active (progress null until the first report). */
  running: { progress: SyncProgress | null; sourceIds: string[] } | null;
  onSelect(): void;
  onSync(): void;
  onStop(): void;
  onEdit(): void;
  onTogglePause(): void;
  onRemove(): void;
}

/** One source in the sidebar: open it, its badges, its last sync, and its sync button and menu. */
export function SourceRow({ source, title, selected, newCount, running, onSelect, onSync, onStop, onEdit, onTogglePause, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const isGuide = source.kind === 'guide';

  // Progress is counted per run: a count shown on one source of a larger run would mislead.
  const runCount = running?.progress && running.sourceIds.length === 1 ? running.progress.stored : null;
  const state = running
    ? runCount !== null
      ? t('sync.source.syncingStored', { count: runCount })
      : t('sync.source.syncing')
    : source.paused
      ? t('sync.source.paused')
      : !source.lastSyncAt || !source.lastSyncResult
        ? t('sync.source.never')
        : t('sync.source.last', { result: t(`sync.result.${source.lastSyncResult}`), when: formatRelative(source.lastSyncAt, i18n.language) });

  return (
    <li className={`source-row${source.paused ? ' is-paused' : ''}`} data-source-id={source.id}>
      <button type="button" className="source-item" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="source-title">{title}</span>
        <span className="source-badges">
          {newCount > 0 && (
            <span className="badge badge-new">
              <span aria-hidden="true">{t('sync.source.newBadge', { count: newCount })}</span>
              <span className="visually-hidden">{t('sync.source.newLabel', { count: newCount })}</span>
            </span>
          )}
          {source.unread > 0 && (
            <span className="badge" aria-label={t('sources.unread', { count: source.unread })}>
              {source.unread}
            </span>
          )}
        </span>
      </button>
      {!isGuide && (
        <div className="source-sync">
          <span className={`source-state${source.lastSyncResult === 'failed' && !running ? ' is-failed' : ''}`}>{state}</span>
          {!running && source.lastSyncError && source.lastSyncResult === 'failed' && (
            <span className="source-error">{t('sync.source.error', { reason: describeSyncError(t, source.lastSyncError) })}</span>
          )}
          <span className="source-actions">
            {running ? (
              <button type="button" className="small" aria-label={t('sync.source.stopLabel', { title })} onClick={onStop}>
                {t('sync.source.stop')}
              </button>
            ) : (
              <button type="button" className="small" aria-label={t('sync.source.syncNowLabel', { title })} disabled={source.paused} onClick={onSync}>
                {t('sync.source.syncNow')}
              </button>
            )}
            <SourceMenu
              label={t('sync.source.menuLabel', { title })}
              actions={[
                { id: 'edit', label: t('sync.source.edit'), run: onEdit },
                { id: 'pause', label: source.paused ? t('sync.source.resume') : t('sync.source.pause'), run: onTogglePause },
                { id: 'remove', label: t('sync.source.remove'), run: onRemove },
              ]}
            />
          </span>
        </div>
      )}
    </li>
  );
}
