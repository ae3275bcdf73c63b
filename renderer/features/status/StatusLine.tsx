import { useTranslation } from 'react-i18next';
import { useArticleCount } from '../../hooks/useArticleCount';
import { SyncCancelButton, SyncStatusText } from '../sync/SyncStatus';

/** The bottom line where background work reports itself; idle, it says how much is stored. */
export function StatusLine({ hostLabel }: { hostLabel: string }) {
  const { t, i18n } = useTranslation();
  const count = useArticleCount(i18n.language === 'en' ? 'en' : 'vi');
  return (
    <footer className="status-line">
      <span role="status" aria-live="polite">
        <SyncStatusText ready={t('status.ready', { count })} />
      </span>
      <SyncCancelButton />
      <span className="muted">{hostLabel}</span>
    </footer>
  );
}
