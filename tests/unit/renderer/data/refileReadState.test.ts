import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../renderer/data/applySyncBatch';
import { countCategoryReads, markManyRead, setRead } from '../../../../renderer/data/articleQueries';
import { followRefiledArticles } from '../../../../renderer/data/refileReadState';
import type { SyncBatch, SyncedArticle } from '../../../../shared/model/sync';
import { article, closeAll, freshDb, source } from './articleFixtures';

afterEach(closeAll);

const URL_A = 'https://portal.example/bai-viet/a.html';

function extracted(category: string, contentHash: string): SyncedArticle {
  return {
    url: URL_A, canonicalUrl: URL_A, title: 'Bài a', lead: '', html: '<p>Nội dung</p>', text: 'Nội dung', author: 'Trần Văn B',
    publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', views: 10, category,
    images: [], related: [], contentHash, fetchedAt: '2026-01-02T00:00:00.000Z',
  };
}

const batch = (category: string, contentHash: string, batchId: number): SyncBatch => ({
  runId: 'r1', batchId, sourceId: 'p1', articles: [extracted(category, contentHash)], images: [], removedUrls: [],
});

describe('read state follows an article the portal re-files', () => {
  it('moves the read row when a sync batch changes the category', async () => {
    const db = freshDb();
    await db.sources.put(source('p1'));
    await applySyncBatch(db, batch('Xã hội', 'h1', 1));
    await setRead(db, URL_A, true);
    expect(await countCategoryReads(db, ['Xã hội', 'Kinh tế'], 'vi')).toEqual({ 'Xã hội': 1, 'Kinh tế': 0 });

    await applySyncBatch(db, batch('Kinh tế', 'h2', 2));
    expect((await db.readState.get(URL_A))?.category).toBe('Kinh tế');
    expect(await countCategoryReads(db, ['Xã hội', 'Kinh tế'], 'vi')).toEqual({ 'Xã hội': 0, 'Kinh tế': 1 });
    // Read state itself is untouched.
    expect((await db.readState.get(URL_A))?.read).toBe(1);
  });

  it('repairs a read row written from an article row read before sync re-filed it', async () => {
    const db = freshDb();
    const before = article('a', { category: 'Xã hội' });
    await db.articles.put({ ...before, category: 'Kinh tế' });
    // What setRead wrote from the row it had read before the batch landed.
    await db.readState.put({ articleId: before.id, sourceId: 'p1', category: 'Xã hội', read: 1, progress: 0, updatedAt: '2026-01-02T00:00:00.000Z' });

    expect(await followRefiledArticles(db, [before])).toBe(1);
    expect((await db.readState.get(before.id))?.category).toBe('Kinh tế');
    // Nothing to do when the article kept its category.
    expect(await followRefiledArticles(db, [{ ...before, category: 'Kinh tế' }])).toBe(0);
  });

  it('mark all as read follows an article re-filed by a batch that landed between its read and its write', async () => {
    const db = freshDb();
    await db.sources.put(source('p1'));
    await applySyncBatch(db, batch('Xã hội', 'h1', 1));
    const bulkGet = db.articles.bulkGet.bind(db.articles);
    // The batch lands right after mark-all-read has read the article rows.
    db.articles.bulkGet = (async (keys: string[]) => {
      const rows = await bulkGet(keys);
      db.articles.bulkGet = bulkGet;
      await applySyncBatch(db, batch('Kinh tế', 'h2', 2));
      return rows;
    }) as typeof db.articles.bulkGet;
    expect(await markManyRead(db, [URL_A])).toBe(1);
    expect(await db.readState.get(URL_A)).toMatchObject({ read: 1, category: 'Kinh tế' });
  });
});
