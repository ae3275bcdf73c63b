import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import { useListRows, type ListRow } from '../../hooks/useArticleList';
import { markFirstListPainted } from '../../hooks/useStartupGate';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/formatDate';
import { ListRowView, ROW_HEIGHT, rowDomId, type RowText } from './ListRowView';

export interface ArticleListHandle {
  focus(): void;
}

/** Which article is active and open, and what a list does with it: shared by the list and the Bookmarks view. */
export interface ListSelectionProps {
  activeId: string | null;
  openId: string | null;
  onActivate(id: string): void;
  onOpen(id: string): void;
  onToggleRead(id: string, read: boolean): void;
}

interface Props extends ListSelectionProps {
  /** undefined while the first query runs: nothing is shown rather than a false "empty". */
  ids: string[] | undefined;
  /** Length of the whole list; more than `ids.length` while the rest of the ids load. */
  total?: number;
  /** Accessible name of the listbox. */
  label: string;
  emptyText: string;
  onToggleBookmark(id: string): void;
}

const ROW_BLOCK = 32;
const NO_IDS: string[] = [];

/**
 * A listbox over article ids: only the rows in view (plus overscan) exist in the DOM, and their data is
 * read for that window only, so 100,000 articles scroll like 100. Keys: ↑ ↓ j k PageUp PageDown Home End
 * move, Enter or Space opens, m toggles read, b toggles the bookmark.
 */
export const ArticleList = forwardRef<ArticleListHandle, Props>(function ArticleList(
  { ids: maybeIds, total, label, emptyText, activeId, openId, onActivate, onOpen, onToggleRead, onToggleBookmark },
  ref,
) {
  const ids = maybeIds ?? NO_IDS;
  const count = Math.max(ids.length, total ?? 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are read in aligned blocks around the window, so a fast scroll starts a new read every few dozen
  // rows rather than on every frame.
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;
  const blockStart = Math.max(0, Math.floor(first / ROW_BLOCK) * ROW_BLOCK - ROW_BLOCK);
  const blockEnd = Math.ceil((last + 1) / ROW_BLOCK) * ROW_BLOCK + ROW_BLOCK;
  const blockIds = useMemo(() => ids.slice(blockStart, blockEnd), [ids, blockStart, blockEnd]);
  const rows = useListRows(blockIds);
  // Positions by id: a linear search (about a millisecond over 100,000 ids) behind a one-entry memo, since
  // renders ask for the same few ids; a full id → index map would cost a long task on the first click.
  const lastFound = useRef<{ ids: string[]; id: string; index: number } | null>(null);
  const indexOf = (id: string | null) => {
    if (!id) return -1;
    const hit = lastFound.current;
    if (hit && hit.ids === ids && hit.id === id) return hit.index;
    const index = ids.indexOf(id);
    lastFound.current = { ids, id, index };
    return index;
  };
  const activeIndex = indexOf(activeId);

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  const { t, i18n } = useTranslation();
  const text = useMemo<RowText>(
    () => ({
      language: i18n.language,
      unread: t('list.unread'),
      bookmarked: t('list.bookmarked'),
      removed: t('list.removedBadge'),
      views: (count) => t('list.views', { count, formatted: formatNumber(count, i18n.language) }),
    }),
    [t, i18n.language],
  );

  // Stable for the memoised rows; always calls the latest handlers.
  const handlers = useRef({ onActivate, onOpen });
  handlers.current = { onActivate, onOpen };
  const pick = useCallback((id: string) => {
    handlers.current.onActivate(id);
    handlers.current.onOpen(id);
  }, []);

  // Background work (search and related indexes) waits for the first rows, or the empty message, on screen.
  const painted = maybeIds !== undefined && (count === 0 || rows.size > 0);
  useEffect(() => {
    if (painted) requestAnimationFrame(() => setTimeout(markFirstListPainted, 0));
  }, [painted]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const move = (delta: number) => {
    if (ids.length === 0) return;
    const next = Math.min(ids.length - 1, Math.max(0, (activeIndex < 0 ? -1 : activeIndex) + delta));
    onActivate(ids[next]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const active: ListRow | undefined = activeId ? rows.get(activeId) : undefined;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      PageDown: () => move(pageRows),
      PageUp: () => move(-pageRows),
      Home: () => ids.length && onActivate(ids[0]),
      End: () => ids.length && onActivate(ids[ids.length - 1]),
      Enter: () => activeId && onOpen(activeId),
      ' ': () => activeId && onOpen(activeId),
      m: () => active && onToggleRead(active.article.id, !active.read),
      b: () => activeId && onToggleBookmark(activeId),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  if (maybeIds === undefined) return <div className="list-scroll" aria-busy="true" />;
  if (count === 0) return <p className="empty">{emptyText}</p>;
  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeId && rows.has(activeId) && activeIndex >= 0 ? rowDomId(activeId) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && (!activeId || activeIndex < 0) && ids.length) onActivate(openId && indexOf(openId) >= 0 ? openId : ids[0]);
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const id: string | undefined = ids[item.index];
          return (
            <ListRowView
              key={id ?? `pending-${item.index}`}
              id={id}
              index={item.index}
              start={item.start}
              setSize={count}
              row={id ? rows.get(id) : undefined}
              active={id !== undefined && id === activeId}
              current={id !== undefined && id === openId}
              text={text}
              onPick={pick}
            />
          );
        })}
      </div>
    </div>
  );
});
