import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { combineCategoryCounts, countCategoryReads, countCategoryTotals, listArticleHead, listArticleIds, markQueryRead, watchListInputs, type CategoryCount, type ListQuery } from '../data/articleQueries';
import { listBookmarks, type BookmarkEntry } from '../data/bookmarksRepo';
import { db } from '../data/db';
import { DEFAULT_LIST_FILTER, type ListFilter } from '../data/listFilter';
import type { ArticleRow } from '../data/rows';
import { readSetting, writeSetting, type BrowseView, type Language } from '../data/settings';
import { useQuietQuery } from './useQuietQuery';

interface BrowseSettings {
  language: Language;
  sourceId: string | null;
  filter: ListFilter;
  view: BrowseView;
  collectionId: string | null;
}

const BROWSE_DEFAULTS: BrowseSettings = { language: 'vi', sourceId: null, filter: DEFAULT_LIST_FILTER, view: 'articles', collectionId: null };

async function readBrowseSettings(): Promise<BrowseSettings> {
  const [language, sourceId, filter, view, collectionId] = await Promise.all([
    readSetting(db, 'language'),
    readSetting(db, 'selectedSourceId'),
    readSetting(db, 'listFilter'),
    readSetting(db, 'browseView'),
    readSetting(db, 'bookmarksCollectionId'),
  ]);
  // A filter saved by an older version may lack newer fields.
  return { language, sourceId, filter: { ...DEFAULT_LIST_FILTER, ...filter }, view, collectionId };
}

export interface Browse {
  /** False until the saved view and filter are read; nothing is queried before, so startup runs one query. */
  ready: boolean;
  view: BrowseView;
  setView(view: BrowseView): void;
  filter: ListFilter;
  setFilter(patch: Partial<ListFilter>): void;
  clearFilter(): void;
  sourceId: string | null;
  language: Language;
  collectionId: string | null;
  setCollectionId(id: string | null): void;
  /**
   * Ids the current view shows, in order; undefined while the first query runs. Right after a start or a
   * filter change it may hold only the top of the list (see `total`) while the rest loads.
   */
  ids: string[] | undefined;
  /** Length of the whole list, known before all its ids are. */
  total: number | undefined;
  /** The Bookmarks view's entries, including bookmarks of articles the archive does not hold. */
  bookmarks: BookmarkEntry[] | undefined;
  /** The query behind the article list, for "mark all as read". */
  query: ListQuery;
}

/**
 * The list's state: which view (articles or bookmarks), the saved filter, and the ids to show. The
 * unread filter keeps the articles opened under it (`openId`) until the filter changes, so reading an
 * article does not make it vanish from the list the reader just used.
 */
export function useBrowse(openId: string | null): Browse {
  const settings = useLiveQuery(readBrowseSettings, []);
  const ready = settings !== undefined;
  // What the user just chose shows at once (a checkbox must not bounce back while the setting is
  // written and read back); the stored values take over when they catch up.
  const [chosen, setChosen] = useState<Partial<Pick<BrowseSettings, 'filter' | 'view' | 'collectionId'>>>({});
  const inflight = useRef(0);
  useEffect(() => {
    if (!settings) return;
    setChosen((c) => {
      if (inflight.current === 0) return Object.keys(c).length ? {} : c;
      const left = Object.fromEntries(Object.entries(c).filter(([k, v]) => JSON.stringify(settings[k as keyof BrowseSettings]) !== JSON.stringify(v)));
      return Object.keys(left).length === Object.keys(c).length ? c : left;
    });
  }, [settings]);
  const s = useMemo(() => ({ ...(settings ?? BROWSE_DEFAULTS), ...chosen }), [settings, chosen]);
  const query = useMemo<ListQuery>(() => ({ ...s.filter, sourceId: s.sourceId, language: s.language }), [s.filter, s.sourceId, s.language]);
  const scope = `${s.view}\n${JSON.stringify(query)}`;

  // Kept ids belong to one scope (view + query); any change of filter starts again from the open article.
  const unread = s.filter.unread;
  const fresh = () => new Set(unread && openId ? [openId] : []);
  const [keep, setKeep] = useState<{ scope: string; ids: Set<string> }>(() => ({ scope, ids: fresh() }));
  const kept = keep.scope === scope ? keep.ids : fresh();
  useEffect(() => {
    setKeep((prev) => {
      if (prev.scope !== scope) return { scope, ids: new Set(unread && openId ? [openId] : []) };
      if (!unread || !openId || prev.ids.has(openId)) return prev;
      return { scope, ids: new Set([...prev.ids, openId]) };
    });
  }, [openId, scope, unread]);

  const list = useIdList(ready && s.view === 'articles', query, kept);
  const hidden = `guide:${s.language === 'vi' ? 'en' : 'vi'}:`;
  const bookmarks = useLiveQuery(
    () => (ready && s.view === 'bookmarks' ? listBookmarks(db, s.collectionId, hidden) : undefined),
    [ready, s.view, s.collectionId, hidden],
  );
  const bookmarkIds = useMemo(() => bookmarks?.filter((e) => e.article).map((e) => e.bookmark.articleId), [bookmarks]);

  const filterRef = useRef(s.filter);
  filterRef.current = s.filter;
  const choose = useCallback(<K extends 'filter' | 'view' | 'collectionId'>(field: K, key: 'listFilter' | 'browseView' | 'bookmarksCollectionId', value: BrowseSettings[K]) => {
    if (field === 'filter') filterRef.current = value as ListFilter;
    setChosen((c) => ({ ...c, [field]: value }));
    inflight.current++;
    void writeSetting(db, key, value as never).finally(() => inflight.current--);
  }, []);
  const setFilter = useCallback((patch: Partial<ListFilter>) => choose('filter', 'listFilter', { ...filterRef.current, ...patch }), [choose]);
  const clearFilter = useCallback(() => choose('filter', 'listFilter', { ...DEFAULT_LIST_FILTER, sort: filterRef.current.sort }), [choose]);
  const setView = useCallback((view: BrowseView) => choose('view', 'browseView', view), [choose]);
  const setCollectionId = useCallback((id: string | null) => choose('collectionId', 'bookmarksCollectionId', id), [choose]);

  return {
    ready,
    view: s.view,
    setView,
    filter: s.filter,
    setFilter,
    clearFilter,
    sourceId: s.sourceId,
    language: s.language,
    collectionId: s.collectionId,
    setCollectionId,
    ids: s.view === 'articles' ? list?.ids : bookmarkIds,
    total: s.view === 'articles' ? list?.total : bookmarkIds?.length,
    bookmarks,
    query,
  };
}

/** Ids shown before the whole list has loaded: a screenful and some. */
const HEAD_SIZE = 60;
/** Rows a tall window shows at once, plus the overscan above and below. */
const FIRST_SCREEN = 24;

interface IdList {
  queryKey: string;
  ids: string[];
  total: number;
  complete: boolean;
}

/**
 * The article list's ids, outside Dexie's live-query tracking: a live query over 100,000 keys also
 * records every key it returned, which costs more than reading them. A cheap live query over index
 * counts (watchListInputs) says when to reload instead; reloads coalesce, so a sync writing batch after
 * batch costs one reload at a time. A new query paints its first rows from a short index walk
 * (listArticleHead) while the full key list loads.
 */
function useIdList(enabled: boolean, query: ListQuery, keep: ReadonlySet<string> | null): IdList | undefined {
  const queryKey = JSON.stringify(query);
  const keepKey = keep ? [...keep].join('\n') : '';
  const signal = useLiveQuery(
    async () => {
      if (!enabled) return undefined;
      await watchListInputs(db, query);
      return {};
    },
    [enabled, queryKey],
  );
  const [list, setList] = useState<IdList | undefined>(undefined);
  const latest = useRef({ queryKey, query, keep, shown: undefined as IdList | undefined });
  latest.current = { queryKey, query, keep, shown: list };
  const runner = useRef({ busy: false, again: false });

  // A new query paints its top at once: the head and its first screen of rows, read together, without
  // waiting for the live signal (at startup every round trip waits behind other features' reads).
  useEffect(() => {
    if (!enabled) return;
    const { queryKey: key, query: q } = latest.current;
    if (latest.current.shown?.queryKey === key) return;
    void (async () => {
      const head = await listArticleHead(db, q, HEAD_SIZE);
      if (!head || latest.current.queryKey !== key) return;
      (await readRows(head.ids.slice(0, FIRST_SCREEN))).store(rowCache, { articles: true, flags: true });
      if (latest.current.queryKey !== key) return;
      setList((prev) => (prev?.queryKey === key && prev.complete ? prev : { queryKey: key, ids: head.ids, total: head.total, complete: false }));
    })();
  }, [enabled, queryKey]);

  useEffect(() => {
    if (!signal) return;
    const r = runner.current;
    if (r.busy) {
      r.again = true;
      return;
    }
    r.busy = true;
    void (async () => {
      try {
        do {
          r.again = false;
          const { queryKey: k, query: qq, keep: kk } = latest.current;
          const ids = await listArticleIds(db, qq, { keep: kk ?? undefined });
          // A result for a query no longer shown is dropped; `again` is set and the loop reloads.
          if (latest.current.queryKey === k) setList({ queryKey: k, ids, total: ids.length, complete: true });
        } while (r.again);
      } finally {
        r.busy = false;
      }
    })();
  }, [signal, queryKey, keepKey]);

  return list;
}

export interface ListRow {
  article: ArticleRow;
  read: boolean;
  bookmarked: boolean;
}

const ROW_CACHE_LIMIT = 2000;

interface Flags {
  read: boolean;
  bookmarked: boolean;
}

// Live queries that read one row of a table re-run on any write to it: a cheap "this table changed" signal.
const watchArticles = async () => (await db.articles.limit(1).toArray(), {});
const watchFlags = async () => (await Promise.all([db.readState.limit(1).toArray(), db.bookmarks.limit(1).toArray()]), {});

function remember<V>(cache: Map<string, V>, id: string, value: V) {
  cache.delete(id);
  cache.set(id, value);
  if (cache.size > ROW_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/** Rows read so far, shared by the list and the Bookmarks view, and primed with the first screen at startup. */
const rowCache = {
  articles: new Map<string, ArticleRow | null>(),
  flags: new Map<string, Flags>(),
  rows: new Map<string, ListRow>(),
  av: undefined as unknown,
  fv: undefined as unknown,
};

/** Reads rows for `ids` into the cache; the first screen's rows come this way before the list first renders. */
async function readRows(ids: string[], what: { articles: boolean; flags: boolean } = { articles: true, flags: true }) {
  const [articles, reads, marks] = await Promise.all([
    what.articles && ids.length ? db.articles.bulkGet(ids) : Promise.resolve([]),
    what.flags && ids.length ? db.readState.bulkGet(ids) : Promise.resolve([]),
    what.flags && ids.length ? db.bookmarks.bulkGet(ids) : Promise.resolve([]),
  ]);
  return {
    store(into: typeof rowCache, parts: { articles: boolean; flags: boolean }) {
      if (parts.articles && what.articles) ids.forEach((id, i) => remember(into.articles, id, articles[i] ?? null));
      if (parts.flags && what.flags) ids.forEach((id, i) => remember(into.flags, id, { read: reads[i]?.read === 1, bookmarked: marks[i] !== undefined }));
    },
  };
}

/**
 * Rows for the ids on screen (and a block around them): only ids not seen yet are read, once each, with
 * plain reads instead of live queries, which would track every key and re-read the whole window on each
 * scroll step. Two cheap live signals say when the article table or read/bookmark state changed; the
 * window is then read again (showing the previous values meanwhile, so nothing flashes).
 */
export function useListRows(ids: string[]): Map<string, ListRow> {
  const articlesVersion = useLiveQuery(watchArticles, []);
  const flagsVersion = useLiveQuery(watchFlags, []);
  const cache = useRef(rowCache);
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const latest = useRef({ av: articlesVersion as unknown, fv: flagsVersion as unknown });
  latest.current = { av: articlesVersion, fv: flagsVersion };
  const key = ids.join('\n');

  useEffect(() => {
    if (!articlesVersion || !flagsVersion) return;
    const c = cache.current;
    const staleA = c.av !== articlesVersion;
    const staleF = c.fv !== flagsVersion;
    const needA = staleA ? ids : ids.filter((id) => !c.articles.has(id));
    const needF = staleF ? ids : ids.filter((id) => !c.flags.has(id));
    // The cache is shared (the list's first screen is primed into it, and the Bookmarks view fills it too):
    // rows this render did not find may have arrived since, without a read of this component's own.
    if (needA.length === 0 && needF.length === 0) {
      bump();
      return;
    }
    // Read after this frame: a scroll step renders at once, and a block passed over in a fast flick is
    // never read at all. Re-reading rows already shown (their flags changed: an article was opened and
    // marked read) waits for an idle moment, so those hundred reads never queue ahead of the next
    // article's own.
    const fresh = ids.some((id) => !c.articles.has(id) || !c.flags.has(id));
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
    const cancelIdle = (globalThis as { cancelIdleCallback?: (h: number) => void }).cancelIdleCallback;
    const handle = !fresh && idle ? idle(() => void read(), { timeout: 500 }) : undefined;
    const timer = handle === undefined ? setTimeout(() => void read(), 0) : undefined;
    const read = async () => {
      const [a, f] = await Promise.all([readRows(needA, { articles: true, flags: false }), readRows(needF, { articles: false, flags: true })]);
      // Values read before a newer change signal may be older than it; that signal's own read follows.
      const { av, fv } = latest.current;
      if (av === articlesVersion) {
        c.av = av;
        a.store(c, { articles: true, flags: false });
      }
      if (fv === flagsVersion) {
        c.fv = fv;
        f.store(c, { articles: false, flags: true });
      }
      bump();
    };
    return () => {
      clearTimeout(timer);
      if (handle !== undefined) cancelIdle?.(handle);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is ids by value
  }, [key, articlesVersion, flagsVersion]);

  return useMemo(() => {
    void tick;
    const c = cache.current;
    const rows = new Map<string, ListRow>();
    for (const id of ids) {
      const article = c.articles.get(id);
      if (!article) continue;
      const flags = c.flags.get(id);
      // The same object while nothing changed, so memoised rows skip rendering.
      const prev = c.rows.get(id);
      const row =
        prev && prev.article === article && prev.read === (flags?.read ?? false) && prev.bookmarked === (flags?.bookmarked ?? false)
          ? prev
          : { article, read: flags?.read ?? false, bookmarked: flags?.bookmarked ?? false };
      remember(c.rows, id, row);
      rows.set(id, row);
    }
    return rows;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is ids by value; tick marks new reads
  }, [key, tick]);
}

const watchArticleRows = () => db.articles.limit(1).toArray();
const watchReadRows = () => db.readState.limit(1).toArray();

/**
 * Categories with their unread counts, for the category filter. Totals follow the articles and read
 * counts the read state, each recounted at a quiet moment (useQuietQuery), not while an article opens.
 */
export function useCategoryCounts(language: Language): CategoryCount[] | undefined {
  const totals = useQuietQuery(() => countCategoryTotals(db, language), [language], watchArticleRows);
  const categories = useMemo(() => (totals ? Object.keys(totals) : []), [totals]);
  const reads = useQuietQuery(() => countCategoryReads(db, categories, language), [categories, language], watchReadRows);
  return useMemo(() => (totals && reads ? combineCategoryCounts(totals, reads) : undefined), [totals, reads]);
}

export interface MarkAllProgress {
  done: number;
  total: number;
}

/** "Mark all as read" for a query, in batches, with progress; returns a starter and the current progress. */
export function useMarkAllRead(): [(query: ListQuery) => Promise<number>, MarkAllProgress | null] {
  const [progress, setProgress] = useState<MarkAllProgress | null>(null);
  const run = useCallback(async (query: ListQuery) => {
    setProgress({ done: 0, total: 0 });
    try {
      return await markQueryRead(db, query, { onProgress: (done, total) => setProgress({ done, total }) });
    } finally {
      setProgress(null);
    }
  }, []);
  return [run, progress];
}
