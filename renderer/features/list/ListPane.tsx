import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltered } from '../../data/listFilter';
import type { Browse } from '../../hooks/useArticleList';
import { useBookmarkActions } from '../../hooks/useBookmarks';
import { BookmarksView } from '../bookmarks/BookmarksView';
import { ArticleList, type ArticleListHandle, type ListSelectionProps } from './ArticleList';
import { ListToolbar } from './ListToolbar';
import './list.css';
import { formatNumber } from '../../i18n/formatDate';

interface Props extends ListSelectionProps {
  browse: Browse;
}

/** The middle column: the article list with its filters, or the Bookmarks view, one at a time. */
export const ListPane = forwardRef<ArticleListHandle, Props>(function ListPane({ browse, activeId, openId, onActivate, onOpen, onToggleRead }, ref) {
  const { t, i18n } = useTranslation();
  const actions = useBookmarkActions();
  const count = browse.total;
  const listProps = { activeId, openId, onActivate, onOpen, onToggleRead, onToggleBookmark: (id: string) => void actions.toggle(id) };

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="view-switch" role="group" aria-label={t('list.mode.label')}>
        <button type="button" aria-pressed={browse.view === 'articles'} onClick={() => browse.setView('articles')}>
          {t('list.mode.articles')}
        </button>
        <button type="button" aria-pressed={browse.view === 'bookmarks'} onClick={() => browse.setView('bookmarks')}>
          {t('list.mode.bookmarks')}
        </button>
      </div>
      {browse.view === 'articles' ? (
        <>
          <h2 id="list-heading" className="pane-title">
            {t('list.heading')}{' '}
            {count !== undefined && <span className="muted">({t('list.count', { count, formatted: formatNumber(count, i18n.language) })})</span>}
          </h2>
          <ListToolbar browse={browse} shown={count} />
          <ArticleList ref={ref} ids={browse.ids} total={browse.total} label={t('list.heading')} emptyText={t(browse.ready && count === 0 && isFiltered(browse.filter) ? 'list.emptyFiltered' : 'list.empty')} {...listProps} />
        </>
      ) : (
        <BookmarksView ref={ref} browse={browse} {...listProps} />
      )}
    </section>
  );
});

