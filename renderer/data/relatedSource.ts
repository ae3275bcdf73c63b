import type { ArchiveDb } from './ArchiveDb';
import type { ArticleRow } from './rows';

/** What the related-articles index needs to know about a stored article without reading its body. */
export interface IndexableArticle {
  id: string;
  /** Changes when the portal edits the article; an unchanged article is never re-indexed. */
  hash: string;
  publishedAt: string;
  fetchedAt: string;
  lang?: 'vi' | 'en';
}

/** An article's indexed text plus what the explanation of a match needs. */
export interface RelatedInput extends IndexableArticle {
  title: string;
  lead: string;
  text: string;
  category: string;
}

const PAGE = 1000;

export const contentHashOf = (a: Pick<ArticleRow, 'contentHash' | 'updatedAt' | 'fetchedAt'>): string =>
  a.contentHash || `${a.updatedAt}|${a.fetchedAt}`;

const indexable = (a: ArticleRow): IndexableArticle => ({ id: a.id, hash: contentHashOf(a), publishedAt: a.publishedAt, fetchedAt: a.fetchedAt, lang: a.lang });

/**
 * Every stored article, a page at a time by primary key: rows carry image and link lists, so 100,000 of
 * them at once would be a needless memory peak for the few fields kept here.
 */
export async function listIndexableArticles(db: ArchiveDb): Promise<IndexableArticle[]> {
  const out: IndexableArticle[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ArticleRow[] = await (after === null ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(PAGE).toArray();
    for (const a of page) out.push(indexable(a));
    if (page.length < PAGE) return out;
    after = page[page.length - 1].id;
  }
}

/**
 * Every stored article id, newest first, from keys alone (the date index, then any id it lacks): what a
 * loaded index compares itself with on start-up, without reading 100,000 rows.
 */
export async function articleIdsNewestFirst(db: ArchiveDb): Promise<string[]> {
  const [byDate, total] = await Promise.all([
    db.articles.orderBy('publishedAt').primaryKeys() as Promise<string[]>,
    db.articles.count(),
  ]);
  byDate.reverse();
  // Every article has a date key in practice; only a row without one costs the second key read.
  if (byDate.length === total) return byDate;
  const dated = new Set(byDate);
  const all = (await db.articles.toCollection().primaryKeys()) as string[];
  return [...byDate, ...all.filter((id) => !dated.has(id))];
}

/** What the index needs to know of these articles (no bodies), in order; unknown ids are skipped. */
export async function readIndexableArticles(db: ArchiveDb, ids: readonly string[]): Promise<IndexableArticle[]> {
  const rows = await db.articles.bulkGet([...ids]);
  return rows.filter((a): a is ArticleRow => a !== undefined).map(indexable);
}

/** Title, lead, body text and category of the given articles, in order; unknown ids are skipped. */
export async function readRelatedInputs(db: ArchiveDb, ids: readonly string[]): Promise<RelatedInput[]> {
  const [articles, bodies] = await db.transaction('r', db.articles, db.bodies, () => Promise.all([db.articles.bulkGet([...ids]), db.bodies.bulkGet([...ids])]));
  const out: RelatedInput[] = [];
  articles.forEach((a, i) => {
    if (!a) return;
    out.push({ ...indexable(a), title: a.title, lead: a.lead, text: bodies[i]?.text ?? '', category: a.category });
  });
  return out;
}
