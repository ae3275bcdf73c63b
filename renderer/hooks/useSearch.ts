import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SearchFilters } from '../data/searchFilters';
import type { Language } from '../data/settings';
import { searchClient, type SearchQuery } from '../workers/search/searchClient';
import type { IndexStatus, ResultRow } from '../workers/search/searchProtocol';
import { startBackgroundWork, useStartupDone } from './useStartupGate';

/** Results are fetched a page at a time, as the virtual list scrolls to them. */
const PAGE = 24;
/** Results as you type, without a query per keystroke. */
const DEBOUNCE_MS = 120;
/** While articles are being indexed, shown results refresh at most this often. */
const REFRESH_MS = 1000;

export interface SearchResults {
  /** The query (as typed) these results answer. */
  query: string;
  total: number;
  /** Rows by position; positions not fetched yet are absent. */
  rows: ReadonlyMap<number, ResultRow>;
  /** The query as searched when it was read as Telex/VNI. */
  searchedAs: string | null;
  matchedAll: boolean;
}

export interface SearchState {
  /** null for an empty query, and until the first answer arrives. */
  results: SearchResults | null;
  /** A newer query than the one shown is on its way. */
  pending: boolean;
  error: string | null;
  /** Asks for the rows in [start, end) (the virtual list's window). */
  loadRange(start: number, end: number): void;
}

const NOT_STARTED: IndexStatus = { phase: 'loading', indexed: 0, pending: 0, error: null };

/**
 * The search index's state (loading, indexing, ready), as the worker reports it. The worker starts after
 * the first list has painted (loading its index would hold IndexedDB), or at the first query typed.
 */
export function useSearchIndexStatus(): IndexStatus {
  const started = useStartupDone();
  const client = useMemo(() => (started ? searchClient() : null), [started]);
  return useSyncExternalStore(
    useCallback((onChange) => (client ? client.onStatus(onChange) : () => {}), [client]),
    () => client?.status ?? NOT_STARTED,
  );
}

/** Debounced search with filters in the worker; results refresh while new articles are indexed. */
export function useSearchResults(query: string, filters: SearchFilters, language: Language): SearchState {
  const status = useSearchIndexStatus();
  // Created on the first search, not at mount: see useSearchIndexStatus.
  const client = useMemo(() => ({ search: (q: SearchQuery) => searchClient().search(q) }), []);
  const typed = query.trim() !== '';
  useEffect(() => {
    if (typed) startBackgroundWork();
  }, [typed]);
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), query.trim() ? DEBOUNCE_MS : 0);
    return () => clearTimeout(t);
  }, [query]);

  // Throttled, not debounced: a long sync indexes continuously and results should still grow.
  const [tick, setTick] = useState(0);
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (refresh.current) return;
    refresh.current = setTimeout(() => {
      refresh.current = null;
      setTick((n) => n + 1);
    }, REFRESH_MS);
  }, [status.indexed, status.phase]);
  useEffect(() => () => void (refresh.current && clearTimeout(refresh.current)), []);

  // What was answered, by key: "pending" must hold from the keystroke until the answer to exactly
  // this query, filters and language is on screen, never showing an older answer as current.
  const [answer, setAnswer] = useState<{ key: string; results: SearchResults | null; error: string | null }>({ key: '', results: null, error: null });
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const filtersKey = JSON.stringify(filters);
  const wanted = debounced.trim() ? JSON.stringify([debounced, filtersKey, language]) : '';
  const asked = useRef({ query: debounced, filters, language });

  useEffect(() => {
    const g = ++generation.current;
    requested.current = new Set([0]);
    asked.current = { query: debounced, filters, language };
    if (!wanted) {
      setAnswer({ key: '', results: null, error: null });
      return;
    }
    client.search({ query: debounced, filters, language, offset: 0, limit: PAGE }).then(
      (res) => {
        if (generation.current !== g) return;
        const results = { query: debounced, total: res.total, rows: new Map(res.rows.map((r, i) => [i, r])), searchedAs: res.searchedAs, matchedAll: res.matchedAll };
        setAnswer({ key: wanted, results, error: null });
      },
      (err: Error) => {
        if (generation.current !== g) return;
        setAnswer((prev) => ({ key: wanted, results: prev.results, error: err.message }));
      },
    );
    // filters is compared by value through wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, wanted, tick]);

  const loadRange = useCallback(
    (start: number, end: number) => {
      const g = generation.current;
      const { query: q, filters: f, language: l } = asked.current;
      if (!q.trim()) return;
      for (let p = Math.floor(start / PAGE); p * PAGE < end; p++) {
        if (requested.current.has(p)) continue;
        requested.current.add(p);
        void client.search({ query: q, filters: f, language: l, offset: p * PAGE, limit: PAGE }).then(
          (res) => {
            if (generation.current !== g) return;
            setAnswer((prev) => {
              if (!prev.results) return prev;
              const rows = new Map(prev.results.rows);
              res.rows.forEach((r, i) => rows.set(res.offset + i, r));
              return { ...prev, results: { ...prev.results, rows } };
            });
          },
          () => requested.current.delete(p),
        );
      }
    },
    [client],
  );

  return { results: answer.results, pending: debounced !== query || answer.key !== wanted, error: answer.error, loadRange };
}
