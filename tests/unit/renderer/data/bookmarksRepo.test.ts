import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CollectionNameError,
  collectionsOf,
  createCollection,
  deleteCollection,
  isBookmarked,
  listBookmarks,
  listCollections,
  renameCollection,
  setInCollection,
  toggleBookmark,
} from '../../../../renderer/data/bookmarksRepo';
import { article, closeAll, freshDb, urlOf } from './articleFixtures';

afterEach(closeAll);

describe('bookmarks and collections', () => {
  it('toggles a bookmark on and off', async () => {
    const db = freshDb();
    await db.articles.put(article('a'));
    expect(await toggleBookmark(db, urlOf('a'))).toBe(true);
    expect(await isBookmarked(db, urlOf('a'))).toBe(true);
    expect(await toggleBookmark(db, urlOf('a'))).toBe(false);
    expect(await isBookmarked(db, urlOf('a'))).toBe(false);
  });

  it('creates, renames and deletes collections with clean, unique names', async () => {
    const db = freshDb();
    const trip = await createCollection(db, '  Công   tác  Huế ');
    expect(trip.name).toBe('Công tác Huế');
    await expect(createCollection(db, 'công tác huế')).rejects.toBeInstanceOf(CollectionNameError);
    await expect(createCollection(db, '   ')).rejects.toMatchObject({ reason: 'empty' });
    const other = await createCollection(db, 'Báo cáo quý');
    await expect(renameCollection(db, other.id, 'CÔNG TÁC HUẾ')).rejects.toMatchObject({ reason: 'duplicate' });
    await renameCollection(db, other.id, 'Báo cáo năm');
    await renameCollection(db, trip.id, 'Công tác Huế');
    expect((await listCollections(db)).map((c) => c.name)).toEqual(['Báo cáo năm', 'Công tác Huế']);
    await deleteCollection(db, other.id);
    expect((await listCollections(db)).map((c) => c.name)).toEqual(['Công tác Huế']);
  });

  it('puts an article in several collections; a collection implies a bookmark and unbookmarking empties them', async () => {
    const db = freshDb();
    await db.articles.bulkPut([article('a'), article('b', { publishedAt: '2026-02-01T00:00:00.000Z' })]);
    const one = await createCollection(db, 'Một');
    const two = await createCollection(db, 'Hai');
    await setInCollection(db, one.id, urlOf('a'), true, new Date('2026-03-01T00:00:00Z'));
    await setInCollection(db, two.id, urlOf('a'), true);
    await setInCollection(db, two.id, urlOf('b'), true, new Date('2026-03-02T00:00:00Z'));
    expect(await isBookmarked(db, urlOf('a'))).toBe(true);
    expect((await collectionsOf(db, urlOf('a'))).sort()).toEqual([one.id, two.id].sort());
    expect((await listCollections(db)).map((c) => [c.name, c.count])).toEqual([
      ['Hai', 2],
      ['Một', 1],
    ]);
    expect((await listBookmarks(db, null)).map((e) => e.article?.title)).toEqual(['Bài b', 'Bài a']);
    expect((await listBookmarks(db, one.id)).map((e) => e.bookmark.articleId)).toEqual([urlOf('a')]);

    await setInCollection(db, two.id, urlOf('b'), false);
    expect(await isBookmarked(db, urlOf('b'))).toBe(true);
    expect((await listBookmarks(db, two.id)).map((e) => e.bookmark.articleId)).toEqual([urlOf('a')]);

    await toggleBookmark(db, urlOf('a'));
    expect(await collectionsOf(db, urlOf('a'))).toEqual([]);
    expect((await listCollections(db)).map((c) => c.count)).toEqual([0, 0]);

    // Deleting a collection keeps its bookmarks.
    await setInCollection(db, one.id, urlOf('b'), true);
    await deleteCollection(db, one.id);
    expect(await isBookmarked(db, urlOf('b'))).toBe(true);
    expect(await db.collectionItems.count()).toBe(0);
    // A deleted collection cannot receive articles.
    await setInCollection(db, one.id, urlOf('b'), true);
    expect(await db.collectionItems.count()).toBe(0);
  });

  it('lists bookmarks of articles not in the archive, and hides the other guide language', async () => {
    const db = freshDb();
    await db.bookmarks.bulkPut([
      { articleId: 'https://portal.example/chua-co.html', createdAt: '2026-01-02', title: 'Chưa đồng bộ', url: 'https://portal.example/chua-co.html' },
      { articleId: 'guide:en:welcome', createdAt: '2026-01-01' },
    ]);
    const all = await listBookmarks(db, null, 'guide:en:');
    expect(all).toHaveLength(1);
    expect(all[0].article).toBeUndefined();
    expect(all[0].bookmark.title).toBe('Chưa đồng bộ');
  });
});
