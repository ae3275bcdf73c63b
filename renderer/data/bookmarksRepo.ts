import type { ArchiveDb } from './ArchiveDb';
import type { ArticleRow, BookmarkRow, CollectionRow } from './rows';

/**
 * Bookmarks and collections. A collection is a folder of bookmarks: putting an article in a collection
 * bookmarks it, and removing a bookmark takes it out of every collection, so the two never disagree.
 */

export class CollectionNameError extends Error {
  constructor(readonly reason: 'empty' | 'duplicate') {
    super(`collection name ${reason}`);
  }
}

const cleanName = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim();

export async function isBookmarked(db: ArchiveDb, articleId: string): Promise<boolean> {
  return (await db.bookmarks.get(articleId)) !== undefined;
}

export async function setBookmarked(db: ArchiveDb, articleId: string, on: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.bookmarks, db.collectionItems], async () => {
    if (on) {
      if (!(await db.bookmarks.get(articleId))) await db.bookmarks.put({ articleId, createdAt: now.toISOString() });
      return;
    }
    await db.bookmarks.delete(articleId);
    await db.collectionItems.where('articleId').equals(articleId).delete();
  });
}

/** Flips the bookmark; returns the new state. */
export async function toggleBookmark(db: ArchiveDb, articleId: string, now = new Date()): Promise<boolean> {
  const on = !(await isBookmarked(db, articleId));
  await setBookmarked(db, articleId, on, now);
  return on;
}

async function assertFreeName(db: ArchiveDb, name: string, exceptId?: string): Promise<string> {
  const clean = cleanName(name);
  if (!clean) throw new CollectionNameError('empty');
  const lower = clean.toLocaleLowerCase('vi');
  const all = await db.collections.toArray();
  if (all.some((c) => c.id !== exceptId && c.name.toLocaleLowerCase('vi') === lower)) throw new CollectionNameError('duplicate');
  return clean;
}

export async function createCollection(db: ArchiveDb, name: string, now = new Date()): Promise<CollectionRow> {
  return db.transaction('rw', db.collections, async () => {
    const row: CollectionRow = { id: crypto.randomUUID(), name: await assertFreeName(db, name), createdAt: now.toISOString() };
    await db.collections.add(row);
    return row;
  });
}

export async function renameCollection(db: ArchiveDb, id: string, name: string): Promise<void> {
  await db.transaction('rw', db.collections, async () => {
    const clean = await assertFreeName(db, name, id);
    await db.collections.update(id, { name: clean });
  });
}

/** Deletes the collection; its bookmarks stay bookmarked. */
export async function deleteCollection(db: ArchiveDb, id: string): Promise<void> {
  await db.transaction('rw', [db.collections, db.collectionItems], async () => {
    await db.collectionItems.where('collectionId').equals(id).delete();
    await db.collections.delete(id);
  });
}

export async function setInCollection(db: ArchiveDb, collectionId: string, articleId: string, inside: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.bookmarks, db.collections, db.collectionItems], async () => {
    if (!inside) {
      await db.collectionItems.delete([collectionId, articleId]);
      return;
    }
    if (!(await db.collections.get(collectionId))) return;
    if (!(await db.bookmarks.get(articleId))) await db.bookmarks.put({ articleId, createdAt: now.toISOString() });
    await db.collectionItems.put({ collectionId, articleId, addedAt: now.toISOString() });
  });
}

export interface CollectionWithCount extends CollectionRow {
  count: number;
}

export async function listCollections(db: ArchiveDb): Promise<CollectionWithCount[]> {
  const collections = await db.collections.toArray();
  const counts = await Promise.all(collections.map((c) => db.collectionItems.where('collectionId').equals(c.id).count()));
  return collections.map((c, i) => ({ ...c, count: counts[i] })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Ids of the collections an article is in. */
export async function collectionsOf(db: ArchiveDb, articleId: string): Promise<string[]> {
  return (await db.collectionItems.where('articleId').equals(articleId).toArray()).map((i) => i.collectionId);
}

export interface BookmarkEntry {
  bookmark: BookmarkRow;
  /** undefined when the archive does not hold the article (yet): e.g. imported before the first sync. */
  article: ArticleRow | undefined;
}

/**
 * Bookmarks newest first, optionally only one collection's. Guide bookmarks in the other UI language
 * are left out, as the list leaves them out.
 */
export async function listBookmarks(db: ArchiveDb, collectionId: string | null, hiddenPrefix = ''): Promise<BookmarkEntry[]> {
  let bookmarks: BookmarkRow[];
  if (collectionId === null) bookmarks = await db.bookmarks.orderBy('createdAt').reverse().toArray();
  else {
    const ids = (await db.collectionItems.where('collectionId').equals(collectionId).toArray()).map((i) => i.articleId);
    bookmarks = (await db.bookmarks.bulkGet(ids)).filter((b): b is BookmarkRow => !!b);
    bookmarks.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }
  if (hiddenPrefix) bookmarks = bookmarks.filter((b) => !b.articleId.startsWith(hiddenPrefix));
  const articles = await db.articles.bulkGet(bookmarks.map((b) => b.articleId));
  return bookmarks.map((bookmark, i) => ({ bookmark, article: articles[i] }));
}
