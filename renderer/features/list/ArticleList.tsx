import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useListRows } from '../../hooks/useArticleList';
import { formatRelative } from '../../i18n/formatDate';

export interface ArticleListHandle {
  focus(): void;
}

interface Props {
  ids: string[];
  activeId: string | null;
  openId: string | null;
  onActivate(id: string): void;
  onOpen(id: string): void;
}

const ROW_HEIGHT = 76;
const rowDomId = (id: string) => `row-${id.replace(/[^\w-]/g, '_')}`;

/**
 * A listbox over article ids: only the rows in view (plus overscan) exist in the DOM, and their data is
 * read for that window only, so 100,000 articles scroll like 100.
 */
export const ArticleList = forwardRef<ArticleListHandle, Props>(function ArticleList({ ids, activeId, openId, onActivate, onOpen }, ref) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = useMemo(() => items.map((it) => ids[it.index]).filter(Boolean), [items, ids]);
  const rows = useListRows(visibleIds);
  const activeIndex = activeId ? ids.indexOf(activeId) : -1;

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

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
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <h2 id="list-heading" className="pane-title">
        {t('list.heading')} <span className="muted">({t('list.count', { count: ids.length })})</span>
      </h2>
      {ids.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <div
          ref={scrollRef}
          className="list-scroll"
          role="listbox"
          aria-label={t('list.heading')}
          tabIndex={0}
          aria-activedescendant={activeId && rows?.has(activeId) ? rowDomId(activeId) : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => {
            if (!activeId && ids.length) onActivate(openId && ids.includes(openId) ? openId : ids[0]);
          }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = ids[item.index];
              const row = rows?.get(id);
              return (
                <div
                  key={id}
                  id={rowDomId(id)}
                  role="option"
                  aria-selected={id === activeId}
                  aria-current={id === openId ? 'true' : undefined}
                  aria-posinset={item.index + 1}
                  aria-setsize={ids.length}
                  data-read={row?.read ? 'true' : 'false'}
                  className={`list-row${row?.read ? ' is-read' : ''}${id === activeId ? ' is-active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => {
                    onActivate(id);
                    onOpen(id);
                  }}
                >
                  {row ? (
                    <>
                      <span className="row-title">
                        {!row.read && <span className="unread-dot" aria-hidden="true" />}
                        {row.article.title}
                        {!row.read && <span className="visually-hidden">{` (${t('list.unread')})`}</span>}
                      </span>
                      <span className="row-meta">
                        {formatRelative(row.article.publishedAt, i18n.language)}
                        {row.article.category ? ` · ${row.article.category}` : ''}
                        {row.article.removed ? ` · ${t('reader.removedUpstream')}` : ''}
                      </span>
                    </>
                  ) : (
                    <span className="row-title muted">…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
});
