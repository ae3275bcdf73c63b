import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../hooks/useSearch';
import { formatDay } from '../../i18n/formatDate';
import { Highlighted } from './Highlighted';

export const RESULT_HEIGHT = 124;

export const resultDomId = (listId: string, index: number) => `${listId}-r${index}`;

interface Props {
  id: string;
  label: string;
  results: SearchResults;
  activeIndex: number;
  sourceTitle(sourceId: string): string;
  onActivate(index: number): void;
  onOpen(id: string): void;
  loadRange(start: number, end: number): void;
  /** The same keys as the search field: arrows move, Enter opens. */
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
}

/**
 * The results as a listbox, driven from the search field or from itself (aria-activedescendant): only
 * the rows in view exist in the DOM, and their titles and snippets are fetched for that window only.
 */
export function SearchResultList({ id, label, results, activeIndex, sourceTitle, onActivate, onOpen, loadRange, onKeyDown }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RESULT_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (results.total > 0) loadRange(first, last + 1);
  }, [first, last, results, loadRange]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const activeShown = activeIndex >= first && activeIndex <= last && results.rows.has(activeIndex);
  return (
    <div
      ref={scrollRef}
      id={id}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      className="search-results-scroll"
      aria-activedescendant={activeShown ? resultDomId(id, activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="search-results" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = results.rows.get(item.index);
          const style = { transform: `translateY(${item.start}px)`, height: RESULT_HEIGHT };
          const common = {
            id: resultDomId(id, item.index),
            role: 'option' as const,
            'aria-selected': item.index === activeIndex,
            'aria-posinset': item.index + 1,
            'aria-setsize': results.total,
            className: `search-result${item.index === activeIndex ? ' is-active' : ''}`,
            style,
          };
          if (!row) {
            return (
              <div key={`pending-${item.index}`} {...common}>
                <span className="search-result-title muted">…</span>
              </div>
            );
          }
          const meta = [row.publishedAt ? formatDay(row.publishedAt, i18n.language) : '', row.category, sourceTitle(row.sourceId)].filter(Boolean).join(' · ');
          return (
            <div
              key={row.id}
              {...common}
              data-article-id={row.id}
              onClick={() => {
                onActivate(item.index);
                onOpen(row.id);
              }}
            >
              <span className="search-result-title">
                <Highlighted segments={row.title} />
              </span>
              <span className="search-result-meta">
                {meta}
                {row.removed && <span className="row-removed">{` · ${t('list.removedBadge')}`}</span>}
              </span>
              <span className="search-result-snippet">
                <Highlighted segments={row.snippet} />
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
