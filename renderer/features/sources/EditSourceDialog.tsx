import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRow } from '../../data/rows';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { describeSyncError } from '../sync/describeFailure';
import { ModalDialog } from '../sync/ModalDialog';
import { mergeOptions, type SourceSettings } from './SourceChoices';
import { SourceForm } from './SourceForm';

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
      <SourceForm
        title={title}
        onTitle={setTitle}
        titleRef={titleRef}
        options={options}
        settings={settings}
        onSettings={setSettings}
        error={
          error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )
        }
        busy={busy}
        submitLabel={t('sync.edit.save')}
        onSubmit={save}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
