import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../../data/articleQueries';
import { useMarkAllRead } from '../../hooks/useArticleList';
import { formatNumber } from '../../i18n/formatDate';

/**
 * "Mark all as read" for what the list shows. It asks once (it can touch 100,000 articles and cannot
 * be undone in one step), then writes in batches and reports progress while the list stays usable.
 */
export function MarkAllRead({ query, shown }: { query: ListQuery; shown: number | undefined }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [run, progress] = useMarkAllRead();
  const fmt = (n: number) => formatNumber(n, i18n.language);

  return (
    <div className="mark-all">
      {!confirming && !progress && (
        <button type="button" disabled={!shown} onClick={() => (setConfirming(true), setDone(null))}>
          {t('list.markAll.button')}
        </button>
      )}
      {confirming && (
        <div role="group" aria-label={t('list.markAll.button')} className="mark-all-confirm">
          <span>{t('list.markAll.confirm', { count: shown ?? 0, formatted: fmt(shown ?? 0) })}</span>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              void run(query).then(setDone);
            }}
          >
            {t('list.markAll.yes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('list.markAll.no')}
          </button>
        </div>
      )}
      <span aria-live="polite" className="muted mark-all-status">
        {progress
          ? t('list.markAll.progress', { done: fmt(progress.done), total: fmt(progress.total) })
          : done !== null
            ? t('list.markAll.done', { count: done, formatted: fmt(done) })
            : ''}
      </span>
    </div>
  );
}
