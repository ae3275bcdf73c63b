import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRow } from '../../data/rows';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { describeSyncError } from '../sync/describeFailure';
import { ModalDialog } from '../sync/ModalDialog';

interface Props {
  source: SourceRow;
  onClose(): void;
  onRemoved(message: string): void;
}

/** Confirms removal and says up front how many articles go and how many stay because the user saved them. */
export function RemoveSourceDialog({ source, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const admin = useSourceAdmin();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [plan, setPlan] = useState<{ remove: number; keep: number } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    admin.planRemoval(source.id).then(
      (p) => alive && setPlan(p),
      (err) => alive && setError(describeSyncError(t, err)),
    );
    return () => {
      alive = false;
    };
  }, [admin, source.id, t]);

  const remove = async () => {
    setBusy(true);
    try {
      const r = await admin.remove(source.id);
      onRemoved(t('sync.remove.done', r));
    } catch (err) {
      setError(describeSyncError(t, err));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('sync.remove.title', { title: source.title })} onClose={onClose} role="alertdialog" initialFocus={cancelRef}>
      {plan ? (
        <>
          <p>{t('sync.remove.body', { count: plan.remove })}</p>
          {plan.keep > 0 && <p>{t('sync.remove.keep', { count: plan.keep })}</p>}
        </>
      ) : (
        <p>{t('sync.remove.counting')}</p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={!plan || busy} onClick={() => void remove()}>
          {t('sync.remove.confirm')}
        </button>
        <button type="button" ref={cancelRef} onClick={onClose}>
          {t('sync.dialog.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
