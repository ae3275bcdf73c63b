import Dexie from 'dexie';
import type { SearchDoc } from '../../shared/search/index';
import type { ArchiveDb } from './ArchiveDb';
import { publishedRange } from './listFilter';
import type { ArticleRow } from './rows';
import type { SearchFilters } from './searchFilters';
import type { Language } from './settings';

/**
 * What the search index reads from the store: articles as `SearchDoc`s, the keys that tell whether it
 * is up to date, and the id sets that search filters combine with.
 */

/**
 * The content hash as the index remembers it. 16 hex digits of a SHA-256 still tell an edit from no
 * edit, at a quarter of the memory for 100,000 articles.
 */
export const shortHash = (contentHash: string | undefined) => (contentHash ?? '').slice(0, 16);

export function toSearchDoc(article: ArticleRow, text: string): SearchDoc {
  return {
    id: article.id,
    title: article.title,
    lead: article.lead,
    text,
    author: article.author,
    captions: article.images.map((i) => i.caption).filter(Boolean),
    category: article.category,
    sourceId: article.sourceId,
    publishedAt: article.publishedAt,
    contentHash: shortHash(article.contentHash),
  };
}

export interface DocsToIndex {
  /** Articles whose content differs from what `indexed` says (or that it lacks), with their bodies. */
  docs: SearchDoc[];
  /** `fetchedAt` of every article read, changed or not. */
  fetchedAt: string[];
  /** Ids no longer in the store. */
  missing: string[];
}

/**
 * Reads the given articles for indexing. An article whose hash matches `indexed` is skipped before
 * its body is read, so a notification about an unchanged article (or a startup check) costs one row.
 */
export async function readDocsToIndex(db: ArchiveDb, ids: readonly string[], indexed: ReadonlyMap<string, string>): Promise<DocsToIndex> {
  const articles = await db.articles.bulkGet([...ids]);
  const missing: string[] = [];
  const changed: ArticleRow[] = [];
  const fetchedAt: string[] = [];
  articles.forEach((a, i) => {
    if (!a) {
      missing.push(ids[i]);
      return;
    }
    fetchedAt.push(a.fetchedAt);
    if (indexed.get(a.id) !== shortHash(a.contentHash)) changed.push(a);
  });
  const bodies = changed.length ? await db.bodies.bulkGet(changed.map((a) => a.id)) : [];
  return { docs: changed.map((a, i) => toSearchDoc(a, bodies[i]?.text ?? '')), fetchedAt, missing };
}

/** Every article id, from the primary key alone (no row is read). */
export async function allArticleIds(db: ArchiveDb): Promise<string[]> {
  return (await db.articles.toCollection().primaryKeys()) as string[];
}

/** Ids of articles fetched at or after `iso`, from the fetchedAt index alone. */
export async function articleIdsFetchedSince(db: ArchiveDb, iso: string): Promise<string[]> {
  return (await db.articles.where('fetchedAt').aboveOrEqual(iso).primaryKeys()) as string[];
}

/** Guide articles exist in both UI languages; results show the reader's language only. */
export function hiddenGuidePrefix(language: Language): string {
  return `guide:${language === 'vi' ? 'en' : 'vi'}:`;
}

/**
 * Ids allowed by the metadata filters (source, category, dates), from compound indexes only; null when
 * none is set. Cached by the caller until articles change.
 */
export async function metadataFilterIds(db: ArchiveDb, f: SearchFilters): Promise<Set<string> | null> {
  const { lo, hi } = publishedRange(f);
  if (f.sourceId === null && f.category === null && !lo && !hi) return null;
  const lower = lo ?? Dexie.minKey;
  const upper = hi ?? Dexie.maxKey;
  const keys = async (index: string, prefix: string | null): Promise<string[]> => {
    const coll =
      prefix === null
        ? db.articles.where(index).between(lower, upper, true, false)
        : db.articles.where(index).between([prefix, lower], [prefix, upper], true, false);
    return (await coll.primaryKeys()) as string[];
  };
  let ids: string[];
  if (f.category !== null) {
    ids = await keys('[category+publishedAt]', f.category);
    if (f.sourceId !== null) {
      const inSource = new Set(await keys('[sourceId+publishedAt]', f.sourceId));
      ids = ids.filter((id) => inSource.has(id));
    }
  } else if (f.sourceId !== null) {
    ids = await keys('[sourceId+publishedAt]', f.sourceId);
  } else {
    ids = await keys('publishedAt', null);
  }
  return new Set(ids);
}

/** Ids allowed by the bookmarked / annotated filters (small tables, read fresh); null when neither is set. */
export async function markedFilterIds(db: ArchiveDb, f: Pick<SearchFilters, 'bookmarked' | 'annotated'>): Promise<Set<string> | null> {
  let ids: Set<string> | null = null;
  if (f.bookmarked) ids = new Set((await db.bookmarks.toCollection().primaryKeys()) as string[]);
  if (f.annotated) {
    const annotated = (await db.annotations.orderBy('articleId').uniqueKeys()) as string[];
    ids = ids ? new Set(annotated.filter((id) => ids!.has(id))) : new Set(annotated);
  }
  return ids;
}

export interface ResultSource {
  article: ArticleRow;
  /** Lead and body text: where snippets come from. */
  text: string;
}

/** Rows and body text for a page of results, in the given order; ids no longer stored are left out. */
export async function readResultSources(db: ArchiveDb, ids: readonly string[]): Promise<ResultSource[]> {
  const [articles, bodies] = await Promise.all([db.articles.bulkGet([...ids]), db.bodies.bulkGet([...ids])]);
  const out: ResultSource[] = [];
  articles.forEach((article, i) => {
    if (!article) return;
    const text = [article.lead, bodies[i]?.text ?? ''].filter(Boolean).join('\n');
    out.push({ article, text });
  });
  return out;
}
