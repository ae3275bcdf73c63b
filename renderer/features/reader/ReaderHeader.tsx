import { useTranslation } from 'react-i18next';
import type { ArticleRow } from '../../data/rows';
import { formatDateTime, formatDay, formatRelative, formatNumber } from '../../i18n/formatDate';

/** Title and everything known about the article: category, dates, author, views, source, removal. */
export function ReaderHeader({ article, sourceTitle }: { article: ArticleRow; sourceTitle: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dayOnly = article.publishedAtPrecision === 'day';
  const published = article.publishedAt ? (dayOnly ? formatDay(article.publishedAt, lang) : formatDateTime(article.publishedAt, lang)) : '';
  // An edit worth mentioning: later than publication by more than a few minutes.
  const edited = article.updatedAt && article.publishedAt && Date.parse(article.updatedAt) - Date.parse(article.publishedAt) > 5 * 60_000;

  return (
    <header className="reader-header">
      {article.category && (
        <p className="reader-kicker">
          <span className="visually-hidden">{t('reader.categoryLabel')} </span>
          {article.category}
        </p>
      )}
      <h2 id="reader-title" className="reader-title">
        {article.title}
      </h2>
      <p className="reader-meta">
        {published && (
          <span>
            {t('reader.publishedLabel')} <time dateTime={article.publishedAt}>{published}</time>{' '}
            <span className="muted">({formatRelative(article.publishedAt, lang)})</span>
          </span>
        )}
        {edited && (
          <span>
            {t('reader.updatedLabel')} <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt, lang)}</time>
          </span>
        )}
        {article.author && <span>{t('reader.by', { author: article.author })}</span>}
        {article.views !== null && <span>{t('reader.views', { count: article.views, formatted: formatNumber(article.views, lang) })}</span>}
        {sourceTitle && <span>{t('reader.source', { source: sourceTitle })}</span>}
      </p>
      {article.removed === 1 && (
        <p className="notice reader-removed">
          <strong>{t('list.removedBadge')}</strong> {t('reader.removedUpstream')}
        </p>
      )}
    </header>
  );
}
