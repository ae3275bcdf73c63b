import type { IndexableType } from 'dexie';
import type { ArchiveDb } from './ArchiveDb';
import type { ArticleRow } from './rows';

/** A range of one articles index, and how to compute that index's key from a row. */
export interface ArticleIndexRange {
  index: string;
  lower: IndexableType;
  /** Exclusive. */
  upper: IndexableType;
  keyOf(row: ArticleRow): IndexableType;
}

/**
 * One getAllKeys of 100,000 ids is unpacked in a single task on the window's thread (measured: 50–60 ms
 * of CPU, the one long task left while the list loads); pages of this size are tasks of ~10 ms with the
 * window free to paint and handle input between them.
 */
export const KEY_PAGE = 20_000;

/**
 * Primary keys of an index range in index order (index key, then primary key, as IndexedDB orders
 * them), read a page at a time. Each page ends at some index key; the entries sharing that key are read
 * whole with an `equals`, and the next page starts strictly after it, so ties never straddle a page.
 */
export async function indexKeysInPages(db: ArchiveDb, range: ArticleIndexRange, page = KEY_PAGE): Promise<string[]> {
  const where = () => db.articles.where(range.index);
  const out: string[] = [];
  let from = range.lower;
  let includeFrom = true;
  for (;;) {
    const keys = (await where().between(from, range.upper, includeFrom, false).limit(page).primaryKeys()) as string[];
    for (const key of keys) out.push(key);
    if (keys.length < page) break;
    const last = await db.articles.get(keys[keys.length - 1]);
    // Deleted since the page was read: the store is changing under us, so read the range in one go.
    if (!last) return (await where().between(range.lower, range.upper, true, false).primaryKeys()) as string[];
    const lastKey = range.keyOf(last);
    const ties = (await where().equals(lastKey).primaryKeys()) as string[];
    const tied = new Set(ties);
    let taken = 0;
    for (let i = keys.length - 1; i >= 0 && tied.has(keys[i]); i--) taken++;
    for (let i = taken; i < ties.length; i++) out.push(ties[i]);
    from = lastKey;
    includeFrom = false;
  }
  if (out.length <= page) return out;
  // A write between two pages can move an article across a boundary. The count (done by the store, off
  // this thread) tells whether one did; only then is the list checked for repeats, which costs a 100k
  // Set on this thread.
  const count = await where().between(range.lower, range.upper, true, false).count();
  return count === out.length ? out : [...new Set(out)];
}
