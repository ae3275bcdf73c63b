import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCompleteness, estimateTripSize, listedCategories, tripArticles, tripCategories, tripFilterOf } from '../../../../renderer/data/tripQueries';
import { articleRow, closeDbs, freshDb, sourceRow, storeArticles } from './syncFixtures';

afterEach(closeDbs);

const all = { sourceIds: ['a'], categories: [] as string[] };

describe('prepare for a trip', () => {
  it('selects by source, category and inclusive date range, as the sync filter does', async () => {
    const db = freshDb();
    await db.sources.put(sourceRow('a'));
    await storeArticles(db, [
      ...Array.from({ length: 10 }, (_, i) => articleRow('a', i)),
      articleRow('a', 50, { publishedAt: '', category: 'Thể thao' }),
      articleRow('a', 51, { category: '' }),
      articleRow('a', 52, { removed: 1 }),
      articleRow('b', 60),
    ]);
    expect(await tripArticles(db, all)).toHaveLength(12);
    const sport = await tripArticles(db, { ...all, categories: ['Thể thao'] });
    // Odd i are sport; the undated one is sport; the uncategorised one passes as the sync filter lets it.
    expect(sport.map((a) => a.title).sort()).toEqual(['Bài số 1', 'Bài số 3', 'Bài số 5', 'Bài số 50', 'Bài số 51', 'Bài số 7', 'Bài số 9']);
    // Days 3..5 of March are articles 2, 3, 4; the undated article passes too.
    const ranged = await tripArticles(db, { ...all, from: '2026-03-03', to: '2026-03-05' });
    expect(ranged.map((a) => a.title).sort()).toEqual(['Bài số 2', 'Bài số 3', 'Bài số 4', 'Bài số 50']);
    expect(tripFilterOf({ ...all, categories: ['X'], from: '2026-01-01' })).toEqual({ categories: ['X'], from: '2026-01-01' });
    expect(tripFilterOf(all)).toBeUndefined();
  });

  it('says x of y complete and lists articles missing their body or any image', async () => {
    const db = freshDb();
    await db.sources.put(sourceRow('a'));
    const rows = Array.from({ length: 6 }, (_, i) => articleRow('a', i));
    rows[4].images.push({ url: 'https://a.example.vn/anh/extra.png', caption: '' });
    await storeArticles(db, rows);
    await db.images.delete('https://a.example.vn/anh/extra.png');
    await db.images.delete(rows[1].images[0].url);
    await db.bodies.delete(rows[2].id);
    await db.bodies.put({ id: rows[3].id, html: '', text: '  ' });

    const result = await checkCompleteness(db, all);
    expect(result.total).toBe(6);
    expect(result.complete).toBe(2);
    const byTitle = Object.fromEntries(result.incomplete.map((a) => [a.title, a]));
    expect(byTitle['Bài số 1']).toMatchObject({ missingBody: false, missingImages: 1 });
    expect(byTitle['Bài số 2']).toMatchObject({ missingBody: true, missingImages: 0 });
    expect(byTitle['Bài số 3']).toMatchObject({ missingBody: true });
    expect(byTitle['Bài số 4']).toMatchObject({ missingBody: false, missingImages: 1 });
    expect((await checkCompleteness(db, { ...all, categories: ['Giáo dục'] })).complete).toBe(1);
  });

  it('estimates size from stored bodies and images, pricing missing images at the average', async () => {
    const db = freshDb();
    await db.sources.put(sourceRow('a'));
    expect(await estimateTripSize(db, all)).toBeNull();
    const rows = Array.from({ length: 4 }, (_, i) => articleRow('a', i));
    await storeArticles(db, rows);
    await db.images.delete(rows[0].images[0].url);
    const estimate = (await estimateTripSize(db, all))!;
    expect(estimate).toMatchObject({ articles: 4, images: 4, missingImages: 1 });
    const bodyBytes = rows.reduce((s, r) => s + new TextEncoder().encode(`<p>${r.title}</p>${r.title}`).length, 0);
    expect(estimate.bytes).toBe(Math.round(bodyBytes + 4 * 1000));
  });

  it('offers the categories of stored articles and the ones the site lists', async () => {
    const db = freshDb();
    await db.sources.put(
      sourceRow('a', {
        discovered: {
          url: 'https://a.example.vn', finalUrl: 'https://a.example.vn/', kind: 'portal', title: 'Tin mới', feeds: [], sitemaps: [],
          listings: [
            { url: 'https://a.example.vn/', title: 'Tin mới' },
            { url: 'https://a.example.vn/chuyen-muc/du-lich', title: 'Du lịch' },
            { url: 'https://a.example.vn/chuyen-muc/tat-ca?trang=2', title: 'Sau »' },
          ],
        },
      }),
    );
    await storeArticles(db, [articleRow('a', 1), articleRow('b', 2)]);
    expect(await tripCategories(db, ['a'])).toEqual(['Du lịch', 'Thể thao']);
    expect(await tripCategories(db, ['b'])).toEqual(['Giáo dục']);
    expect(listedCategories(undefined)).toEqual([]);
  });
});
