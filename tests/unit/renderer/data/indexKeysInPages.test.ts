import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { indexKeysInPages, type ArticleIndexRange } from '../../../../renderer/data/indexKeysInPages';
import { article, closeAll, freshDb } from './articleFixtures';

afterEach(closeAll);

const byDate: ArticleIndexRange = { index: 'publishedAt', lower: Dexie.minKey, upper: Dexie.maxKey, keyOf: (a) => a.publishedAt };
const inCategory = (category: string, lo: string, hi: string): ArticleIndexRange => ({
  index: '[category+publishedAt]', lower: [category, lo], upper: [category, hi], keyOf: (a) => [a.category, a.publishedAt],
});

/** 40 articles over 6 dates, so runs of equal keys straddle every page boundary of the small pages used here. */
async function seeded() {
  const db = freshDb();
  const rows = Array.from({ length: 40 }, (_, i) =>
    article(`a${String((i * 17) % 40).padStart(2, '0')}`, {
      publishedAt: `2026-01-0${1 + (i % 6)}T00:00:00.000Z`,
      category: i % 3 === 0 ? 'Xã hội' : 'Kinh tế',
      views: i % 5,
    }),
  );
  await db.articles.bulkPut(rows);
  return db;
}

describe('indexKeysInPages', () => {
  it('reads the same keys in the same order as one getAllKeys, whatever the page size', async () => {
    const db = await seeded();
    const whole = (await db.articles.orderBy('publishedAt').primaryKeys()) as string[];
    expect(whole).toHaveLength(40);
    for (const page of [1, 2, 3, 5, 7, 39, 40, 41, 1000]) {
      expect(await indexKeysInPages(db, byDate, page)).toEqual(whole);
    }
  });

  it('keeps to a bounded range of a compound index', async () => {
    const db = await seeded();
    const range = inCategory('Kinh tế', '2026-01-02', '2026-01-05');
    const whole = (await db.articles.where(range.index).between(range.lower, range.upper, true, false).primaryKeys()) as string[];
    expect(whole.length).toBeGreaterThan(10);
    for (const page of [1, 4, 6, 100]) expect(await indexKeysInPages(db, range, page)).toEqual(whole);
  });

  it('pages through many equal keys (views) without losing or repeating any', async () => {
    const db = await seeded();
    const range: ArticleIndexRange = { index: 'views', lower: Dexie.minKey, upper: Dexie.maxKey, keyOf: (a) => a.views ?? 0 };
    const whole = (await db.articles.orderBy('views').primaryKeys()) as string[];
    const paged = await indexKeysInPages(db, range, 3);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(40);
  });

  it('never lists an article twice when a write moves it across a page boundary mid-read', async () => {
    const db = await seeded();
    const first = ((await db.articles.orderBy('publishedAt').primaryKeys()) as string[])[0];
    const get = db.articles.get.bind(db.articles);
    let moved = false;
    // Between the first page and the next, sync re-dates the first article to the newest date.
    db.articles.get = (async (key: string) => {
      if (!moved) {
        moved = true;
        await db.articles.update(first, { publishedAt: '2026-02-01T00:00:00.000Z' });
      }
      return get(key);
    }) as typeof db.articles.get;
    const paged = await indexKeysInPages(db, byDate, 7);
    expect(moved).toBe(true);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toHaveLength(40);
  });

  it('gives nothing for an empty range', async () => {
    const db = freshDb();
    expect(await indexKeysInPages(db, byDate, 3)).toEqual([]);
  });
});
