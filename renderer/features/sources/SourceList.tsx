import { useTranslation } from 'react-i18next';
import type { SourceWithCounts } from '../../hooks/useSources';

interface Props {
  sources: SourceWithCounts[];
  selectedId: string | null;
  onSelect(id: string | null): void;
}

export function SourceList({ sources, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const title = (s: SourceWithCounts) => (s.kind === 'guide' ? t('sources.guide') : s.title);
  return (
    <nav className="sources" aria-label={t('sources.heading')}>
      <h2 className="pane-title">{t('sources.heading')}</h2>
      <ul>
        <li>
          <button type="button" className="source-item" aria-current={selectedId === null ? 'true' : undefined} onClick={() => onSelect(null)}>
            <span className="source-title">{t('sources.all')}</span>
          </button>
        </li>
        {sources.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="source-item"
              aria-current={selectedId === s.id ? 'true' : undefined}
              onClick={() => onSelect(s.id)}
            >
              <span className="source-title">{title(s)}</span>
              {s.unread > 0 && (
                <span className="badge" aria-label={t('sources.unread', { count: s.unread })}>
                  {s.unread}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
