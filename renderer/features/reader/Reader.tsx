import { forwardRef, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchive } from '../../api/ArchiveContext';
import type { OpenArticle } from '../../hooks/useArticle';
import { formatDateTime, formatRelative } from '../../i18n/formatDate';
import { sanitizeArticleHtml } from './sanitizeArticleHtml';

interface Props {
  open: OpenArticle | null | undefined;
  sourceTitle: string;
  onToggleRead(id: string, read: boolean): void;
  onBack(): void;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export const Reader = forwardRef<HTMLElement, Props>(function Reader({ open, sourceTitle, onToggleRead, onBack }, ref) {
  const { t, i18n } = useTranslation();
  const { api } = useArchive();
  const html = useMemo(() => (open?.body ? sanitizeArticleHtml(open.body.html) : ''), [open?.body]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };

  const article = open?.article;
  return (
    <section className="reader-pane" aria-label={t('reader.heading')} ref={ref} tabIndex={-1} onKeyDown={onKeyDown}>
      {open === null && <p className="reader-empty">{t('reader.empty')}</p>}
      {open && article && (
        <article aria-labelledby="reader-title">
          <div className="reader-toolbar">
            <button type="button" className="only-narrow" onClick={onBack}>
              {t('reader.backToList')}
            </button>
            <button type="button" onClick={() => onToggleRead(article.id, !open.read)}>
              {open.read ? t('reader.markUnread') : t('reader.markRead')}
            </button>
            {isWebUrl(article.url) && (
              <button type="button" onClick={() => void api.openExternal(article.url)}>
                {t('reader.openOriginal')}
              </button>
            )}
          </div>
          <header className="reader-header">
            {article.category && <p className="reader-kicker">{article.category}</p>}
            <h2 id="reader-title" className="reader-title">
              {article.title}
            </h2>
            <p className="reader-meta">
              <span>
                {t('reader.published', { date: formatDateTime(article.publishedAt, i18n.language) })} ({formatRelative(article.publishedAt, i18n.language)})
              </span>
              {article.author && <span>{t('reader.by', { author: article.author })}</span>}
              {article.views !== null && <span>{t('reader.views', { count: article.views })}</span>}
              <span>{sourceTitle}</span>
            </p>
            {article.removed === 1 && <p className="notice">{t('reader.removedUpstream')}</p>}
          </header>
          {article.lead && <p className="reader-lead">{article.lead}</p>}
          <div className="reader-body" dangerouslySetInnerHTML={{ __html: html }} />
        </article>
      )}
    </section>
  );
});
