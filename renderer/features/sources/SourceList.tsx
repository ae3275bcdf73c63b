import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRow as SourceRowData } from '../../data/rows';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { useSyncController, useSyncState } from '../../hooks/useSyncController';
import { useSyncNewCounts } from '../../hooks/useSyncNewCounts';
import type { SourceWithCounts } from '../../hooks/useSources';
import { SyncLogDialog } from '../sync/SyncLogDialog';
import { TripDialog } from '../trip/TripDialog';
import { AddSourceDialog } from './AddSourceDialog';
import { EditSourceDialog } from './EditSourceDialog';
import { OpmlButtons } from './OpmlButtons';
import { RemoveSourceDialog } from './RemoveSourceDialog';
import { SourceRow } from './SourceRow';
import './sources.css';

interface Props {
  sources: SourceWithCounts[];
  selectedId: string | null;
  onSelect(id: string | null): void;
}

type OpenDialog =
  | { kind: 'add' }
  | { kind: 'edit'; source: SourceRowData }
  | { kind: 'remove'; source: SourceRowData }
  | { kind: 'log' }
  | { kind: 'trip' }
  | null;

export function SourceList({ sources, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const admin = useSourceAdmin();
  const controller = useSyncController();
  const { runs } = useSyncState();
  const newCounts = useSyncNewCounts();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const title = (s: SourceWithCounts) => (s.kind === 'guide' ? t('sources.guide') : s.title);
  const runFor = (id: string) => runs.find((r) => r.sourceIds.includes(id)) ?? null;

  const syncAll = async () => {
    const ids = sources.filter((s) => s.kind !== 'guide' && !s.paused && !controller.isRunning(s.id)).map((s) => s.id);
    setMessage(ids.length ? null : { text: t('sync.toolbar.nothingToSync') });
    // A refusal from main shows in the status line.
    if (ids.length) await controller.start(ids);
  };

  return (
    <nav className="sources" aria-label={t('sources.heading')}>
      <h2 className="pane-title">{t('sources.heading')}</h2>
      <div className="source-toolbar" role="group" aria-label={t('sync.toolbar.label')}>
        <button type="button" onClick={() => setDialog({ kind: 'add' })}>
          {t('sync.toolbar.add')}
        </button>
        <button type="button" onClick={() => void syncAll()}>
          {t('sync.toolbar.syncAll')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'log' })}>
          {t('sync.toolbar.log')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'trip' })}>
          {t('sync.toolbar.trip')}
        </button>
        <OpmlButtons onMessage={setMessage} />
      </div>
      <div className="source-message" aria-live="polite">
        {message && !message.error && <p>{message.text}</p>}
      </div>
      {message?.error && (
        <p role="alert" className="source-message error-text">
          {message.text}
        </p>
      )}
      <ul>
        <li>
          <button type="button" className="source-item" aria-current={selectedId === null ? 'true' : undefined} onClick={() => onSelect(null)}>
            <span className="source-title">{t('sources.all')}</span>
          </button>
        </li>
        {sources.map((s) => (
          <SourceRow
            key={s.id}
            source={s}
            title={title(s)}
            selected={selectedId === s.id}
            newCount={newCounts[s.id] ?? 0}
            running={runFor(s.id)}
            onSelect={() => {
              onSelect(s.id);
              if (s.kind !== 'guide') void admin.markSeen(s.id);
            }}
            onSync={() => void controller.start([s.id])}
            onStop={() => void controller.cancelSource(s.id)}
            onEdit={() => setDialog({ kind: 'edit', source: s })}
            onTogglePause={() => void admin.setPaused(s.id, !s.paused)}
            onRemove={() => setDialog({ kind: 'remove', source: s })}
          />
        ))}
      </ul>
      {dialog?.kind === 'add' && (
        <AddSourceDialog
          onClose={() => setDialog(null)}
          onAdded={(added) => {
            setDialog(null);
            setMessage({ text: t('sync.add.added', { title: added }) });
          }}
        />
      )}
      {dialog?.kind === 'edit' && <EditSourceDialog source={dialog.source} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && (
        <RemoveSourceDialog
          source={dialog.source}
          onClose={() => setDialog(null)}
          onRemoved={(text) => {
            setDialog(null);
            setMessage({ text });
          }}
        />
      )}
      {dialog?.kind === 'log' && <SyncLogDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'trip' && <TripDialog sources={sources.filter((s) => s.kind !== 'guide')} onClose={() => setDialog(null)} />}
    </nav>
  );
}
