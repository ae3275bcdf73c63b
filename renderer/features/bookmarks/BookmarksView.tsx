import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchive } from '../../api/ArchiveContext';
import type { Browse } from '../../hooks/useArticleList';
import { useCollections } from '../../hooks/useBookmarks';
import { ArticleList, type ArticleListHandle, type ListSelectionProps } from '../list/ArticleList';
import { BookmarkTransfer } from './BookmarkTransfer';
import { CollectionManager } from './CollectionManager';
import './bookmarks.css';
import { formatNumber } from '../../i18n/formatDate';

interface Props extends ListSelectionProps {
  browse: Browse;
  onToggleBookmark(id: string): void;
}

/** Bookmarks without an article are usually a handful; a huge browser import should not flood the pane. */
const MISSING_SHOWN = 100;
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * Bookmarked articles, newest bookmark first, optionally one collection's; collection management and
 * export/import live here too. Bookmarks of articles the archive does not hold yet (imported before a
 * sync) are listed apart, with a link to the original.
 */
export const BookmarksView = forwardRef<ArticleListHandle, Props>(function BookmarksView({ browse, ...listProps }, ref) {
  const { t, i18n } = useTranslation();
  const { api } = useArchive();
  const collections = useCollections();
  const [managing, setManaging] = useState(false);
  const count = browse.ids?.length;
  const missing = browse.bookmarks?.filter((e) => !e.article) ?? [];
  const selected = collections?.find((c) => c.id === browse.collectionId);

  return (
    <>
      <h2 id="list-heading" className="pane-title">
        {t('bookmarks.heading')}{' '}
        {count !== undefined && <span className="muted">({t('bookmarks.count', { count, formatted: formatNumber(count, i18n.language) })})</span>}
      </h2>
      <div className="list-toolbar">
        <div className="list-toolbar-row">
          <label className="inline-field">
            <span>{t('bookmarks.collectionFilter')}</span>
            <select value={selected ? selected.id : ''} onChange={(e) => browse.setCollectionId(e.target.value || null)}>
              <option value="">{t('bookmarks.allBookmarks')}</option>
              {collections?.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('bookmarks.collectionOption', { name: c.name, count: c.count })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" aria-expanded={managing} onClick={() => setManaging(!managing)}>
            {t('bookmarks.manage')}
          </button>
        </div>
        {managing && <CollectionManager collections={collections ?? []} onDeleted={(id) => id === browse.collectionId && browse.setCollectionId(null)} />}
        <BookmarkTransfer />
      </div>
      <ArticleList
        ref={ref}
        ids={browse.ids}
        label={t('bookmarks.listLabel')}
        emptyText={selected ? t('bookmarks.emptyCollection') : t('bookmarks.empty')}
        {...listProps}
      />
      {missing.length > 0 && (
        <section className="missing-bookmarks" aria-labelledby="missing-bookmarks-heading">
          <h3 id="missing-bookmarks-heading" className="pane-title">
            {t('bookmarks.missingHeading', { count: missing.length })}
          </h3>
          <ul>
            {missing.slice(0, MISSING_SHOWN).map(({ bookmark }) => {
              const url = bookmark.url ?? bookmark.articleId;
              return (
                <li key={bookmark.articleId}>
                  <span className="missing-title">{bookmark.title ?? url}</span>
                  {isWebUrl(url) && (
                    <button type="button" onClick={() => void api.openExternal(url)} aria-label={t('bookmarks.openMissing', { title: bookmark.title ?? url })}>
                      {t('reader.openOriginal')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {missing.length > MISSING_SHOWN && <p className="muted">{t('bookmarks.missingMore', { count: missing.length - MISSING_SHOWN })}</p>}
        </section>
      )}
    </>
  );
});
