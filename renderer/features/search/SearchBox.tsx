import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasSearchFilters, NO_SEARCH_FILTERS, type SearchFilters } from '../../data/searchFilters';
import type { Language } from '../../data/settings';
import { useSearchIndexStatus, useSearchResults } from '../../hooks/useSearch';
import type { SourceWithCounts } from '../../hooks/useSources';
import { formatNumber } from '../../i18n/formatDate';
import { SearchEmpty } from './SearchEmpty';
import { SearchFiltersBar } from './SearchFiltersBar';
import { resultDomId, SearchResultList } from './SearchResultList';
import './search.css';

interface Props {
  sources: readonly SourceWithCounts[];
  language: Language;
  onOpen(id: string): void;
}

const PAGE_STEP = 5;

const typingTarget = (el: EventTarget | null) =>
  el instanceof HTMLElement && !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');

/**
 * The search field in the top bar (Ctrl+K or / from anywhere) and, while there is a query, the results
 * panel over the sidebar and list: count, filters, results as you type, or help when nothing matched.
 * Opening a result shows it in the reader and leaves the panel open for the next one.
 */
export function SearchBox({ sources, language, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_SEARCH_FILTERS);
  const [open, setOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [place, setPlace] = useState({ top: 0, bottom: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const ids = useId();
  const listId = `${ids}-results`;
  const panelId = `${ids}-panel`;
  const filtersId = `${ids}-filters`;
  const status = useSearchIndexStatus();
  const { results, pending, error, loadRange } = useSearchResults(query, filters, language);
  const shown = open && query.trim() !== '';
  const total = results?.total ?? 0;

  const sourceTitle = useCallback(
    (id: string) => {
      const s = sources.find((x) => x.id === id);
      return !s ? '' : s.kind === 'guide' ? t('sources.guide') : s.title;
    },
    [sources, t],
  );

  // A new answer starts with nothing highlighted; Enter then opens the first result.
  useEffect(() => setActiveIndex(-1), [results?.query, filters]);

  useLayoutEffect(() => {
    if (!shown) return;
    // Over the sidebar and list: between the top bar and the status line, i.e. level with <main>.
    const measure = () => {
      const main = document.querySelector('main')?.getBoundingClientRect();
      const top = main?.top ?? inputRef.current?.closest('header')?.getBoundingClientRect().bottom ?? 0;
      setPlace({ top, bottom: main ? Math.max(0, window.innerHeight - main.bottom) : 0 });
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [shown]);

  const focusField = useCallback(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.select();
    if (input.value.trim()) setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        focusField();
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingTarget(e.target)) {
        e.preventDefault();
        focusField();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusField]);

  const close = () => {
    setOpen(false);
    if (panelRef.current?.contains(document.activeElement)) inputRef.current?.focus();
  };

  const openResult = (id: string) => {
    onOpen(id);
    // On a narrow window the panel covers the reader: step aside so the article shows.
    if (window.matchMedia('(max-width: 900px)').matches) setOpen(false);
  };

  const openAt = (index: number) => {
    const row = results?.rows.get(index);
    if (row) openResult(row.id);
  };

  // Keys shared by the field (combobox) and the list: arrows move, Enter opens, Esc closes.
  const onNavKey = (e: KeyboardEvent<HTMLElement>, inList: boolean) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const last = total - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(last, activeIndex + 1),
      ArrowUp: () => Math.max(0, activeIndex - 1),
      PageDown: () => Math.min(last, Math.max(0, activeIndex) + PAGE_STEP),
      PageUp: () => Math.max(0, activeIndex - PAGE_STEP),
      ...(inList ? { Home: () => 0, End: () => last } : {}),
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      if (shown) close();
      else setQuery('');
      return;
    }
    if (e.key === 'Enter') {
      if (!shown || !total) return;
      e.preventDefault();
      openAt(Math.max(0, activeIndex));
      return;
    }
    const move = moves[e.key];
    if (!move || !total) return;
    e.preventDefault();
    setOpen(true);
    setActiveIndex(move());
  };

  const indexing = status.phase !== 'ready';
  const filterCount = [filters.sourceId !== null, filters.category !== null, filters.from !== '' || filters.to !== '', filters.bookmarked, filters.annotated].filter(Boolean).length;
  const activeId = shown && activeIndex >= 0 && results?.rows.has(activeIndex) ? resultDomId(listId, activeIndex) : undefined;

  return (
    <div className="search-box" role="search" aria-label={t('search.landmark')}>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        className="search-field"
        aria-label={t('search.field')}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="Control+K /"
        aria-expanded={shown}
        aria-controls={shown ? (results && total > 0 ? listId : panelId) : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => query.trim() && setOpen(true)}
        onKeyDown={(e) => onNavKey(e, false)}
      />
      {shown && (
        <section ref={panelRef} id={panelId} className="search-panel" aria-label={t('search.panel')} aria-busy={pending} style={place}>
          <div className="search-panel-head">
            <p className="search-count" aria-live="polite">
              {results ? t('search.count', { count: total, formatted: formatNumber(total, i18n.language) }) : t('search.searching')}
            </p>
            <button type="button" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen(!filtersOpen)}>
              {filterCount ? t('search.filters.buttonActive', { count: filterCount }) : t('search.filters.button')}
            </button>
            <button type="button" onClick={close} aria-keyshortcuts="Escape">
              {t('search.close')}
            </button>
          </div>
          {filtersOpen && (
            <SearchFiltersBar
              id={filtersId}
              filters={filters}
              sources={sources}
              language={language}
              sourceTitle={sourceTitle}
              onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
              onClear={() => setFilters(NO_SEARCH_FILTERS)}
            />
          )}
          {indexing && (
            <p className="search-note">
              {status.phase === 'loading' ? t('search.loadingIndex') : t('search.indexing', { count: status.pending, formatted: formatNumber(status.pending, i18n.language) })}
            </p>
          )}
          {(error || status.error) && (
            <p className="search-note" role="alert">
              {error
                ? t('search.error', { message: error })
                : t(status.error?.code === 'disk-full' ? 'search.diskFull' : 'search.indexError', { message: status.error?.message })}
            </p>
          )}
          {results?.searchedAs && <p className="search-note">{t('search.searchedAs', { query: results.searchedAs })}</p>}
          {results && !results.matchedAll && total > 0 && <p className="search-note">{t('search.partial')}</p>}
          {results && total === 0 && !pending && (
            <SearchEmpty
              query={results.query}
              filtered={hasSearchFilters(filters)}
              indexing={indexing}
              onSearch={(q) => {
                setQuery(q);
                inputRef.current?.focus();
              }}
              onClearFilters={() => setFilters(NO_SEARCH_FILTERS)}
            />
          )}
          {results && total > 0 && (
            <SearchResultList
              id={listId}
              label={t('search.results')}
              results={results}
              activeIndex={activeIndex}
              sourceTitle={sourceTitle}
              onActivate={setActiveIndex}
              onOpen={openResult}
              loadRange={loadRange}
              onKeyDown={(e) => onNavKey(e, true)}
            />
          )}
        </section>
      )}
    </div>
  );
}
