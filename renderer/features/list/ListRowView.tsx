import { memo } from 'react';
import type { ListRow } from '../../hooks/useArticleList';
import { formatRelative } from '../../i18n/formatDate';

/** Translated bits every row uses, made once per language by the list (a translation hook per row costs more than the row). */
export interface RowText {
  language: string;
  unread: string;
  bookmarked: string;
  removed: string;
  views(count: number): string;
}

export const ROW_HEIGHT = 76;
export const rowDomId = (id: string) => `row-${id.replace(/[^\w-]/g, '_')}`;

interface Props {
  /** undefined while the id itself is still loading (the top of a long list is shown first). */
  id: string | undefined;
  index: number;
  start: number;
  setSize: number;
  row: ListRow | undefined;
  active: boolean;
  current: boolean;
  text: RowText;
  onPick(id: string): void;
}

/**
 * One option of the article listbox. Memoised: while scrolling, rows already on screen keep their props
 * and skip rendering; only rows coming into view are built.
 */
export const ListRowView = memo(function ListRowView({ id, index, start, setSize, row, active, current, text, onPick }: Props) {
  const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT };
  if (!id) {
    return (
      <div role="option" aria-selected={false} aria-posinset={index + 1} aria-setsize={setSize} className="list-row" style={style}>
        <span className="row-title muted">…</span>
      </div>
    );
  }
  const views = row?.article.views;
  return (
    <div
      id={rowDomId(id)}
      role="option"
      aria-selected={active}
      aria-current={current ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-read={row?.read ? 'true' : 'false'}
      data-bookmarked={row?.bookmarked ? 'true' : 'false'}
      className={`list-row${row?.read ? ' is-read' : ''}${active ? ' is-active' : ''}`}
      style={style}
      onClick={() => onPick(id)}
    >
      {row ? (
        <>
          <span className="row-title">
            {!row.read && <span className="unread-dot" aria-hidden="true" />}
            {row.article.title}
            {!row.read && <span className="visually-hidden">{` (${text.unread})`}</span>}
          </span>
          <span className="row-meta">
            {row.bookmarked && (
              <span className="row-mark" title={text.bookmarked}>
                <span className="star-icon is-on" aria-hidden="true" />
                <span className="visually-hidden">{`${text.bookmarked}, `}</span>
              </span>
            )}
            {row.article.removed === 1 && <span className="row-removed">{text.removed}</span>}
            <span>
              {formatRelative(row.article.publishedAt, text.language)}
              {row.article.category ? ` · ${row.article.category}` : ''}
              {views != null ? ` · ${text.views(views)}` : ''}
            </span>
          </span>
        </>
      ) : (
        <span className="row-title muted">…</span>
      )}
    </div>
  );
});
