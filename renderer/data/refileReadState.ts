import type { ArchiveDb } from './ArchiveDb';
import type { ArticleRow, ReadStateRow } from './rows';

/**
 * Read-state rows carry their article's category, so "read in category X" is one index count; when the
 * portal re-files an article, its row must follow or that category's unread count stays off by one.
 * Runs in its own transaction on readState alone: sync batches and read-state writes never wait for each
 * other. A crash between a batch and this leaves the old category until the row is next written, and
 * every write takes the article's current one.
 */
let epoch = 0;

/**
 * Bumped whenever a batch re-files articles in this window: a bulk read-state write can compare it before
 * and after, and re-check its rows only when it moved (re-reading 2,000 articles per chunk of a "mark all
 * read" for an event that almost never happens would double its reads).
 */
export function refileEpoch(): number {
  return epoch;
}

export async function refileReadState(db: ArchiveDb, categories: ReadonlyMap<string, string>): Promise<number> {
  if (categories.size === 0) return 0;
  epoch++;
  return db.transaction('rw', db.readState, async () => {
    const rows = await db.readState.bulkGet([...categories.keys()]);
    const moved: ReadStateRow[] = [];
    for (const row of rows) {
      const category = row && categories.get(row.articleId);
      if (row && category !== undefined && row.category !== category) moved.push({ ...row, category });
    }
    if (moved.length) await db.readState.bulkPut(moved);
    return moved.length;
  });
}

/**
 * For a read-state write made from article rows read before it: an article that sync re-filed in
 * between would have been written with its old category (sync's own refile may have run first).
 */
export async function followRefiledArticles(db: ArchiveDb, written: readonly ArticleRow[]): Promise<number> {
  const current = await db.articles.bulkGet(written.map((a) => a.id));
  const moved = new Map<string, string>();
  current.forEach((a, i) => {
    if (a && a.category !== written[i].category) moved.set(a.id, a.category);
  });
  return refileReadState(db, moved);
}
