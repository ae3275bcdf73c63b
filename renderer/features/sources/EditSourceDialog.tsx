import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRow } from '../../data/rows';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { describeSyncError } from '../sync/describeFailure';
import { ModalDialog } from '../sync/ModalDialog';
import { mergeOptions, SourceChoices, type SourceSettings } from './SourceChoices';

interface Props {
  source: SourceRow;
  onClose(): void;
}

export function EditSourceDialog({ source, onClose }: Props) {
  const { t } = useTranslation();
  const admin = useSourceAdmin();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(source.title);
  const [settings, setSettings] = useState<SourceSettings>({
    feedUrls: source.feedUrls,
    backfillUrls: source.backfillUrls,
    downloadImages: source.downloadImages,
    schedule: source.schedule,
  });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const options = mergeOptions(source.discovered, source);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!settings.feedUrls.length && !settings.backfillUrls.length) {
      setError(t('sync.add.nothingChosen'));
      return;
    }
    setBusy(true);
    try {
      await admin.update(source.id, { ...settings, title });
      onClose();
    } catch (err) {
      setError(describeSyncError(t, err));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('sync.edit.title', { title: source.title })} onClose={onClose} initialFocus={titleRef}>
      <form onSubmit={save}>
        <label className="field">
          <span>{t('sync.add.nameLabel')}</span>
          <input ref={titleRef} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <SourceChoices options={options} value={settings} onChange={setSettings} />
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('sync.edit.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('sync.dialog.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
