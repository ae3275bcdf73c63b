import Dexie, { type Collection, type InsertType } from 'dexie';
import type { ArchiveDb } from './ArchiveDb';
import { indexKeysInPages, type ArticleIndexRange } from './indexKeysInPages';
import { followRefiledArticles, refileEpoch } from './refileReadState';
import { DEFAULT_LIST_FILTER, publishedRange, type ListFilter } from './listFilter';
import type { ArticleRow, ReadStateRow } from './rows';
import type { Language } from './settings';

export interface ListQuery extends Partial<ListFilter> {
  /** null = every source. */
  sourceId: string | null;
  language: Language;
}

export interface ListOptions {
  /**
   * Ids the "unread" filter keeps even though they are read now: the articles opened while that filter is
   * on, so reading one does not pull it out from under the reader.
   */
  keep?: ReadonlySet<string>;
}

const GUIDE_SOURCE = 'guide';
const otherGuidePrefix = (language: Language) => `guide:${language === 'vi' ? 'en' : 'vi'}:`;
type ArticleCollection = Collection<ArticleRow, string, InsertType<ArticleRow, 'id'>>;

/**
 * Article ids for the list in display order, from indexes only: keys, never rows, so 100,000 articles
 * cost a few megabytes and no body or metadata is read. The list renders rows for the visible window.
 *
 * The order comes from the narrowest compound index ([category+…] before [sourceId+…] before the plain
 * one, with the date range as its bounds); every other condition is a set of keys from its own table.
 * Bookmarked and annotated are small sets, so with either on the rows themselves are filtered instead.
 */
export async function listArticleIds(db: ArchiveDb, query: ListQuery, options: ListOptions = {}): Promise<string[]> {
  const q = { ...DEFAULT_LIST_FILTER, ...query };
  const hidden = otherGuidePrefix(q.language);
  if (q.bookmarked || q.annotated) return listFromMarkedSet(db, q, hidden, options);

  const { lo, hi } = publishedRange(q);
  let ids = q.sort === 'views' ? await keysByViews(db, q, lo, hi) : await keysByDate(db, q, lo, hi);
  if (q.category !== null && q.sourceId !== null) {
    const inSource = new Set(await indexKeysInPages(db, dateRange({ ...q, category: null }, lo, hi)));
    ids = ids.filter((id) => inSource.has(id));
  }
  if (q.unread) {
    const read = await readIds(db, q);
    ids = ids.filter((id) => !read.has(id) || options.keep?.has(id));
  }
  return ids.filter((id) => !id.startsWith(hidden));
}

export interface ListHead {
  /** The first ids in display order. */
  ids: string[];
  /** How many ids the full list has. */
  total: number;
}

/**
 * The top of the list and its length, from a short index walk and a count: what the first paint needs,
 * in a few milliseconds at any size. null when the query needs the full key set anyway (read state,
 * bookmarks or notes, category and source together); the caller then waits for listArticleIds.
 */
export async function listArticleHead(db: ArchiveDb, query: ListQuery, limit: number): Promise<ListHead | null> {
  const q = { ...DEFAULT_LIST_FILTER, ...query };
  if (q.unread || q.bookmarked || q.annotated || (q.category !== null && q.sourceId !== null)) return null;
  const { lo, hi } = publishedRange(q);
  if (q.sort === 'views' && (lo || hi)) return null;
  const hidden = otherGuidePrefix(q.language);
  const inScope = (a: ArticleRow) =>
    (q.category === null || a.category === q.category) &&
    (q.sourceId === null || a.sourceId === q.sourceId) &&
    (!lo || a.publishedAt >= lo) &&
    (!hi || a.publishedAt < hi);
  // Dexie collections are mutable (reverse, limit): a fresh one for each read.
  const dates = () => dateCollection(db, q, lo, hi);
  const byViews = (): ArticleCollection =>
    q.category !== null
      ? db.articles.where('[category+views]').between([q.category, Dexie.minKey], [q.category, Dexie.maxKey])
      : q.sourceId !== null
        ? db.articles.where('[sourceId+views]').between([q.sourceId, Dexie.minKey], [q.sourceId, Dexie.maxKey])
        : db.articles.orderBy('views');
  const ordered = () => (q.sort === 'views' ? byViews().reverse() : q.sort === 'oldest' ? dates() : dates().reverse());
  // All reads at once (every round trip counts at startup): the guide's other language hides a handful
  // of ids, so a few more keys than asked cover them; the rare shortfall reads again below.
  const spare = 24;
  const [hiddenRows, inRange, counted, keys] = await Promise.all([
    db.articles.where('lang').equals(q.language === 'vi' ? 'en' : 'vi').toArray(),
    dates().count(),
    q.sort === 'views' ? byViews().count() : Promise.resolve(0),
    ordered().limit(limit + spare).primaryKeys() as Promise<string[]>,
  ]);
  const hiddenInScope = hiddenRows.filter(inScope);
  // Articles without views come last; with fewer counted ones than a screenful the full list is as quick.
  if (q.sort === 'views' && counted < limit + hiddenInScope.filter((a) => a.views !== null).length) return null;
  let head = keys.filter((id) => !id.startsWith(hidden));
  if (head.length < limit && keys.length === limit + spare) {
    head = ((await ordered().limit(limit + hiddenInScope.length).primaryKeys()) as string[]).filter((id) => !id.startsWith(hidden));
  }
  return { ids: head.slice(0, limit), total: Math.max(0, inRange - hiddenInScope.length) };
}

/**
 * Reads, cheaply, every index range a query's list depends on, so a live query around it re-runs exactly
 * when the list may have changed: index counts, never the keys themselves (a live query that reads
 * 100,000 keys also tracks each of them, which costs more than the read).
 */
export async function watchListInputs(db: ArchiveDb, query: ListQuery): Promise<void> {
  const q = { ...DEFAULT_LIST_FILTER, ...query };
  const { lo, hi } = publishedRange(q);
  // One range over both guide languages: anyOf() counts with a cursor, a round trip per guide article.
  const reads: Promise<unknown>[] = [dateCollection(db, q, lo, hi).count(), db.articles.where('lang').between('en', 'vi', true, true).count()];
  if (q.sort === 'views') reads.push(db.articles.orderBy('views').count());
  if (q.category !== null && q.sourceId !== null) reads.push(dateCollection(db, { ...q, category: null }, lo, hi).count());
  if (q.unread) {
    reads.push(db.sources.count());
    if (q.category !== null) reads.push(db.readState.where('[category+read]').equals([q.category, 1]).count());
    else reads.push(db.readState.where('[sourceId+read]').between([Dexie.minKey, 0], [Dexie.maxKey, 1]).count());
  }
  if (q.bookmarked) reads.push(db.bookmarks.count());
  if (q.annotated) reads.push(db.annotations.count());
  await Promise.all(reads);
}

/** The date index that serves a query: by category, by source, or all, bounded by the date range. */
function dateRange(q: ListQuery, lo: string | null, hi: string | null): ArticleIndexRange {
  const lower = lo ?? Dexie.minKey;
  const upper = hi ?? Dexie.maxKey;
  if (q.category != null) return { index: '[category+publishedAt]', lower: [q.category, lower], upper: [q.category, upper], keyOf: (a) => [a.category, a.publishedAt] };
  if (q.sourceId !== null) return { index: '[sourceId+publishedAt]', lower: [q.sourceId, lower], upper: [q.sourceId, upper], keyOf: (a) => [a.sourceId, a.publishedAt] };
  return { index: 'publishedAt', lower, upper, keyOf: (a) => a.publishedAt };
}

function dateCollection(db: ArchiveDb, q: ListQuery, lo: string | null, hi: string | null): ArticleCollection {
  const r = dateRange(q, lo, hi);
  return db.articles.where(r.index).between(r.lower, r.upper, true, false);
}

async function keysByDate(db: ArchiveDb, q: ListQuery, lo: string | null, hi: string | null): Promise<string[]> {
  // Forward key reads are IndexedDB's fast path (getAllKeys); reversing the array in memory is cheaper
  // than a reverse cursor over 100,000 entries.
  const keys = await indexKeysInPages(db, dateRange(q, lo, hi));
  return q.sort === 'oldest' ? keys : keys.reverse();
}

async function keysByViews(db: ArchiveDb, q: ListQuery, lo: string | null, hi: string | null): Promise<string[]> {
  const range: ArticleIndexRange =
    q.category != null
      ? { index: '[category+views]', lower: [q.category, Dexie.minKey], upper: [q.category, Dexie.maxKey], keyOf: (a) => [a.category, a.views ?? 0] }
      : q.sourceId !== null
        ? { index: '[sourceId+views]', lower: [q.sourceId, Dexie.minKey], upper: [q.sourceId, Dexie.maxKey], keyOf: (a) => [a.sourceId, a.views ?? 0] }
        : { index: 'views', lower: Dexie.minKey, upper: Dexie.maxKey, keyOf: (a) => a.views ?? 0 };
  const byViews = (await indexKeysInPages(db, range)).reverse();
  // Articles without a view count (null is not an index key) come last, newest first; the date index
  // also supplies the date range, so it is read whenever either is needed.
  const total = lo || hi ? -1 : await dateCollection(db, q, null, null).count();
  if (total === byViews.length) return byViews;
  const byDate = await keysByDate(db, { ...q, sort: 'newest' }, lo, hi);
  const inRange = new Set(byDate);
  const counted = new Set(byViews);
  return [...byViews.filter((id) => inRange.has(id)), ...byDate.filter((id) => !counted.has(id))];
}

/** Read article ids in the query's scope, from the read-state indexes. */
async function readIds(db: ArchiveDb, q: ListQuery): Promise<Set<string>> {
  if (q.category != null) return new Set((await db.readState.where('[category+read]').equals([q.category, 1]).primaryKeys()) as string[]);
  const sources = q.sourceId !== null ? [q.sourceId] : ((await db.sources.toCollection().primaryKeys()) as string[]);
  const read = new Set<string>();
  for (const s of sources) {
    for (const id of (await db.readState.where('[sourceId+read]').equals([s, 1]).primaryKeys()) as string[]) read.add(id);
  }
  return read;
}

async function listFromMarkedSet(db: ArchiveDb, q: ListQuery & ListFilter, hidden: string, options: ListOptions): Promise<string[]> {
  let candidates: string[] | null = null;
  if (q.bookmarked) candidates = (await db.bookmarks.toCollection().primaryKeys()) as string[];
  if (q.annotated) {
    const annotated = new Set((await db.annotations.orderBy('articleId').uniqueKeys()) as string[]);
    candidates = candidates ? candidates.filter((id) => annotated.has(id)) : [...annotated];
  }
  const ids = (candidates ?? []).filter((id) => !id.startsWith(hidden));
  const [rows, reads] = await Promise.all([db.articles.bulkGet(ids), q.unread ? db.readState.bulkGet(ids) : Promise.resolve([])]);
  const { lo, hi } = publishedRange(q);
  const kept = rows.filter((a, i): a is ArticleRow => {
    if (!a) return false;
    if (q.sourceId !== null && a.sourceId !== q.sourceId) return false;
    if (q.category !== null && a.category !== q.category) return false;
    if ((lo && a.publishedAt < lo) || (hi && a.publishedAt >= hi)) return false;
    if (q.unread && reads[i]?.read === 1 && !options.keep?.has(a.id)) return false;
    return true;
  });
  kept.sort(compareRows(q.sort));
  return kept.map((a) => a.id);
}

/** The same order the indexes give, for rows sorted in memory (ties broken by id, as IndexedDB does). */
function compareRows(sort: ListFilter['sort']): (a: ArticleRow, b: ArticleRow) => number {
  const byId = (a: ArticleRow, b: ArticleRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byDate = (a: ArticleRow, b: ArticleRow) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : byId(a, b));
  if (sort === 'oldest') return byDate;
  if (sort === 'newest') return (a, b) => byDate(b, a);
  return (a, b) => {
    if (a.views === null || b.views === null) return a.views === b.views ? byDate(b, a) : a.views === null ? 1 : -1;
    return a.views !== b.views ? b.views - a.views : byId(b, a);
  };
}

/** Unread articles of one source as the reader sees it: two index counts (the guide counts its UI language only). */
export async function countUnread(db: ArchiveDb, sourceId: string, language: Language): Promise<number> {
  const [total, read] = await Promise.all([countSourceTotals(db, [sourceId], language), countSourceReads(db, [sourceId], language)]);
  return Math.max(0, (total[sourceId] ?? 0) - (read[sourceId] ?? 0));
}

/**
 * Articles per source as the reader sees them (the guide in its UI language only). These change only
 * with the articles, so marking one read never recounts them: with `countSourceReads` the unread count
 * is their difference.
 */
export async function countSourceTotals(db: ArchiveDb, sourceIds: readonly string[], language: Language): Promise<Record<string, number>> {
  const counts = await Promise.all(
    sourceIds.map((id) =>
      id === GUIDE_SOURCE
        ? db.articles.where('lang').equals(language).count()
        : db.articles.where('[sourceId+publishedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).count(),
    ),
  );
  return Object.fromEntries(sourceIds.map((id, i) => [id, counts[i]]));
}

/** Read articles per source, from the read-state index (the guide's other language left out). */
export async function countSourceReads(db: ArchiveDb, sourceIds: readonly string[], language: Language): Promise<Record<string, number>> {
  const hidden = otherGuidePrefix(language);
  const counts = await Promise.all(
    sourceIds.map(async (id) => {
      const range = db.readState.where('[sourceId+read]').equals([id, 1]);
      if (id !== GUIDE_SOURCE) return range.count();
      return ((await range.primaryKeys()) as string[]).filter((k) => !k.startsWith(hidden)).length;
    }),
  );
  return Object.fromEntries(sourceIds.map((id, i) => [id, counts[i]]));
}

export interface CategoryCount {
  category: string;
  total: number;
  unread: number;
}

/** Articles per category as the reader sees them (the guide's other language left out); changes only with the articles. */
export async function countCategoryTotals(db: ArchiveDb, language: Language): Promise<Record<string, number>> {
  const [categories, hiddenGuide] = await Promise.all([
    db.articles.orderBy('category').uniqueKeys() as Promise<string[]>,
    db.articles.where('lang').equals(language === 'vi' ? 'en' : 'vi').toArray(),
  ]);
  const named = categories.filter((c) => c !== '');
  const totals = await Promise.all(
    named.map((category) => db.articles.where('[category+publishedAt]').between([category, Dexie.minKey], [category, Dexie.maxKey]).count()),
  );
  return Object.fromEntries(named.map((c, i) => [c, totals[i] - hiddenGuide.filter((a) => a.category === c).length]));
}

/** Read articles per category, from the read-state index (the guide's other language left out). */
export async function countCategoryReads(db: ArchiveDb, categories: readonly string[], language: Language): Promise<Record<string, number>> {
  const hidden = otherGuidePrefix(language);
  const [reads, hiddenRead] = await Promise.all([
    Promise.all(categories.map((c) => db.readState.where('[category+read]').equals([c, 1]).count())),
    // The guide's read rows are a handful: which of them are in the hidden language.
    db.readState.where('[sourceId+read]').equals([GUIDE_SOURCE, 1]).toArray(),
  ]);
  const hiddenByCategory = new Map<string, number>();
  for (const r of hiddenRead) if (r.category !== undefined && r.articleId.startsWith(hidden)) hiddenByCategory.set(r.category, (hiddenByCategory.get(r.category) ?? 0) + 1);
  return Object.fromEntries(categories.map((c, i) => [c, reads[i] - (hiddenByCategory.get(c) ?? 0)]));
}

/** Categories with their totals and unread counts, in display order, from the two halves above. */
export function combineCategoryCounts(totals: Record<string, number>, reads: Record<string, number>): CategoryCount[] {
  return Object.entries(totals)
    .filter(([, total]) => total > 0)
    .map(([category, total]) => ({ category, total, unread: Math.max(0, total - (reads[category] ?? 0)) }))
    .sort((a, b) => a.category.localeCompare(b.category, 'vi'));
}

/**
 * Every category with its article and unread counts, from index counts only. The guide's articles in
 * the other UI language are subtracted, so its categories appear once, in the reader's language.
 */
export async function countByCategory(db: ArchiveDb, language: Language): Promise<CategoryCount[]> {
  const totals = await countCategoryTotals(db, language);
  return combineCategoryCounts(totals, await countCategoryReads(db, Object.keys(totals), language));
}

function readRow(article: ArticleRow, prev: ReadStateRow | undefined, patch: Partial<ReadStateRow>, now: Date): ReadStateRow {
  return {
    articleId: article.id,
    sourceId: article.sourceId,
    category: article.category,
    read: prev?.read ?? 0,
    progress: prev?.progress ?? 0,
    ...patch,
    updatedAt: now.toISOString(),
  };
}

// Writes lock only the read-state table: a read-write transaction over articles would hold every list
// and reader read of that table until it commits, which on a busy disk takes a second or more. The
// article is read just before, in a read-only transaction, for the source and category it copies.

export async function setRead(db: ArchiveDb, articleId: string, read: boolean, now = new Date()): Promise<void> {
  const article = await db.articles.get(articleId);
  if (!article) return;
  await db.transaction('rw', db.readState, async () => {
    const prev = await db.readState.get(articleId);
    if (prev && prev.read === (read ? 1 : 0) && prev.category === article.category) return;
    await db.readState.put(readRow(article, prev, { read: read ? 1 : 0 }, now));
  });
  // The write locks readState only, so a sync batch may have re-filed the article since it was read.
  await followRefiledArticles(db, [article]);
}

/** Remembers how far down an article the reader got (0…1), so reopening it continues there. */
export async function setProgress(db: ArchiveDb, articleId: string, progress: number, now = new Date()): Promise<void> {
  const value = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  const prev = await db.readState.get(articleId);
  if (prev && Math.abs(prev.progress - value) < 0.001) return;
  const article = prev ? undefined : await db.articles.get(articleId);
  if (!prev && !article) return;
  await db.transaction('rw', db.readState, async () => {
    const current = await db.readState.get(articleId);
    if (current) await db.readState.update(articleId, { progress: value, updatedAt: now.toISOString() });
    else if (article) await db.readState.put(readRow(article, undefined, { progress: value }, now));
  });
}

export async function getProgress(db: ArchiveDb, articleId: string): Promise<number> {
  return (await db.readState.get(articleId))?.progress ?? 0;
}

export interface MarkReadOptions {
  /** Rows per transaction: small enough that each commit is quick and the UI keeps painting between them. */
  batchSize?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  now?: Date;
}

/**
 * Marks many articles read in batches, each its own short transaction, yielding to the event loop in
 * between so 100,000 rows never freeze the window. Already-read rows are skipped (no write). Returns
 * how many changed; an abort stops after the current batch and keeps what is done.
 */
export async function markManyRead(db: ArchiveDb, ids: readonly string[], options: MarkReadOptions = {}): Promise<number> {
  const size = options.batchSize ?? 2000;
  const now = options.now ?? new Date();
  let changed = 0;
  for (let start = 0; start < ids.length; start += size) {
    if (options.signal?.aborted) break;
    const chunk = ids.slice(start, start + size);
    const before = refileEpoch();
    const articles = await db.articles.bulkGet(chunk);
    changed += await db.transaction('rw', db.readState, async () => {
      const prev = await db.readState.bulkGet(chunk);
      const rows: ReadStateRow[] = [];
      articles.forEach((a, i) => {
        if (a && prev[i]?.read !== 1) rows.push(readRow(a, prev[i], { read: 1 }, now));
      });
      await db.readState.bulkPut(rows);
      return rows.length;
    });
    // A batch re-filed articles meanwhile: rows written from the rows read before it may be stale.
    if (refileEpoch() !== before) await followRefiledArticles(db, articles.filter((a): a is ArticleRow => a !== undefined));
    options.onProgress?.(Math.min(ids.length, start + size), ids.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return changed;
}

/** "Mark all as read" for exactly what the list shows under a query. */
export async function markQueryRead(db: ArchiveDb, query: ListQuery, options: MarkReadOptions = {}): Promise<number> {
  return markManyRead(db, await listArticleIds(db, query), options);
}
