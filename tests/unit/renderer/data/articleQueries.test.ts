import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import {
  combineCategoryCounts,
  countByCategory,
  countCategoryReads,
  countCategoryTotals,
  countSourceReads,
  countSourceTotals,
  countUnread,
  getProgress,
  listArticleHead,
  listArticleIds,
  markManyRead,
  markQueryRead,
  setProgress,
  setRead,
  type ListQuery,
} from '../../../../renderer/data/articleQueries';
import { setBookmarked } from '../../../../renderer/data/bookmarksRepo';
import { guideArticleId, seedGuide } from '../../../../renderer/data/seedGuide';
import { GUIDE_ARTICLES } from '../../../../shared/guide/guideArticles';
import { article, closeAll, freshDb, source, urlOf } from './articleFixtures';

afterEach(closeAll);

const names = (ids: string[]) => ids.map((id) => /bai-viet\/(\w+)\.html$/.exec(id)?.[1] ?? id);

/**
 * Five articles over two sources and two categories. Dates are UTC; the portal's day (UTC+7) matters for
 * the range tests: d is 1 March in Hanoi although 28 February in UTC, e is still 28 February.
 */
async function seed(db: ArchiveDb) {
  await db.sources.bulkPut([source('p1'), source('p2')]);
  await db.articles.bulkPut([
    article('a', { sourceId: 'p1', category: 'Xã hội', publishedAt: '2026-03-01T10:00:00.000Z', views: 500 }),
    article('b', { sourceId: 'p1', category: 'Thể thao', publishedAt: '2026-03-02T10:00:00.000Z', views: 50 }),
    article('c', { sourceId: 'p2', category: 'Xã hội', publishedAt: '2026-03-03T10:00:00.000Z', views: null }),
    article('d', { sourceId: 'p2', category: 'Thể thao', publishedAt: '2026-02-28T20:00:00.000Z', views: 900 }),
    article('e', { sourceId: 'p1', category: 'Xã hội', publishedAt: '2026-02-28T16:30:00.000Z', views: 500, removed: 1 }),
  ]);
}

const q = (over: Partial<ListQuery> = {}): ListQuery => ({ sourceId: null, language: 'vi', ...over });

describe('listArticleIds', () => {
  let db: ArchiveDb;
  beforeEach(async () => {
    db = freshDb();
    await seed(db);
  });

  it('orders by date either way and by views with view-less articles last', async () => {
    expect(names(await listArticleIds(db, q()))).toEqual(['c', 'b', 'a', 'd', 'e']);
    expect(names(await listArticleIds(db, q({ sort: 'oldest' })))).toEqual(['e', 'd', 'a', 'b', 'c']);
    // a and e tie on 500 views: the order is stable (by id), the same as the in-memory path below.
    expect(names(await listArticleIds(db, q({ sort: 'views' })))).toEqual(['d', 'e', 'a', 'b', 'c']);
  });

  it('filters by source, category and both, in either order', async () => {
    expect(names(await listArticleIds(db, q({ sourceId: 'p1' })))).toEqual(['b', 'a', 'e']);
    expect(names(await listArticleIds(db, q({ sourceId: 'p1', sort: 'views' })))).toEqual(['e', 'a', 'b']);
    expect(names(await listArticleIds(db, q({ category: 'Xã hội' })))).toEqual(['c', 'a', 'e']);
    expect(names(await listArticleIds(db, q({ category: 'Xã hội', sort: 'views' })))).toEqual(['e', 'a', 'c']);
    expect(names(await listArticleIds(db, q({ category: 'Xã hội', sourceId: 'p1' })))).toEqual(['a', 'e']);
    expect(names(await listArticleIds(db, q({ category: 'Xã hội', sourceId: 'p2', sort: 'views' })))).toEqual(['c']);
    expect(await listArticleIds(db, q({ category: 'Không có' }))).toEqual([]);
  });

  it('takes date ranges as whole days in Vietnamese time', async () => {
    expect(names(await listArticleIds(db, q({ from: '2026-03-01', to: '2026-03-01' })))).toEqual(['a', 'd']);
    expect(names(await listArticleIds(db, q({ from: '2026-03-01', to: '2026-03-01', sort: 'views' })))).toEqual(['d', 'a']);
    expect(names(await listArticleIds(db, q({ to: '2026-02-28' })))).toEqual(['e']);
    expect(names(await listArticleIds(db, q({ from: '2026-03-02' })))).toEqual(['c', 'b']);
    expect(names(await listArticleIds(db, q({ from: '2026-03-02', sort: 'views' })))).toEqual(['b', 'c']);
    expect(names(await listArticleIds(db, q({ from: '2026-03-01', category: 'Thể thao', sourceId: 'p2' })))).toEqual(['d']);
    // A malformed day leaves that end open instead of emptying the list.
    expect(await listArticleIds(db, q({ from: '01/03/2026' }))).toHaveLength(5);
  });

  it('filters unread, keeping articles opened under the filter', async () => {
    await setRead(db, urlOf('a'), true);
    await setRead(db, urlOf('c'), true);
    expect(names(await listArticleIds(db, q({ unread: true })))).toEqual(['b', 'd', 'e']);
    expect(names(await listArticleIds(db, q({ unread: true }), { keep: new Set([urlOf('a')]) }))).toEqual(['b', 'a', 'd', 'e']);
    expect(names(await listArticleIds(db, q({ unread: true, sourceId: 'p2' })))).toEqual(['d']);
    expect(names(await listArticleIds(db, q({ unread: true, category: 'Xã hội' })))).toEqual(['e']);
    expect(names(await listArticleIds(db, q({ unread: true, sort: 'views' })))).toEqual(['d', 'e', 'b']);
    await setRead(db, urlOf('a'), false);
    expect(names(await listArticleIds(db, q({ unread: true })))).toEqual(['b', 'a', 'd', 'e']);
  });

  it('filters bookmarked and annotated, combined with everything else', async () => {
    await setBookmarked(db, urlOf('c'), true);
    await setBookmarked(db, urlOf('e'), true);
    await db.annotations.bulkPut([
      { id: 'n1', articleId: urlOf('a'), quote: 'x', prefix: '', suffix: '', note: '', tags: [], color: 'yellow', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
      { id: 'n2', articleId: urlOf('c'), quote: 'y', prefix: '', suffix: '', note: '', tags: [], color: 'yellow', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
      { id: 'n3', articleId: urlOf('c'), quote: 'z', prefix: '', suffix: '', note: '', tags: [], color: 'yellow', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
    ]);
    expect(names(await listArticleIds(db, q({ bookmarked: true })))).toEqual(['c', 'e']);
    expect(names(await listArticleIds(db, q({ bookmarked: true, sort: 'views' })))).toEqual(['e', 'c']);
    expect(names(await listArticleIds(db, q({ bookmarked: true, sort: 'oldest' })))).toEqual(['e', 'c']);
    expect(names(await listArticleIds(db, q({ bookmarked: true, sourceId: 'p1' })))).toEqual(['e']);
    expect(names(await listArticleIds(db, q({ annotated: true })))).toEqual(['c', 'a']);
    expect(names(await listArticleIds(db, q({ annotated: true, bookmarked: true })))).toEqual(['c']);
    expect(names(await listArticleIds(db, q({ annotated: true, from: '2026-03-02' })))).toEqual(['c']);
    await setRead(db, urlOf('c'), true);
    expect(names(await listArticleIds(db, q({ annotated: true, unread: true })))).toEqual(['a']);
    expect(names(await listArticleIds(db, q({ annotated: true, unread: true, category: 'Thể thao' })))).toEqual([]);
  });
});

describe('listArticleHead', () => {
  it('gives the top of the same list and its length, from a short index walk', async () => {
    const db = freshDb();
    await seed(db);
    await seedGuide(db);
    const queries: ListQuery[] = [
      q(),
      q({ sort: 'oldest' }),
      q({ sort: 'views' }),
      q({ sourceId: 'p1' }),
      q({ category: 'Xã hội' }),
      q({ from: '2026-03-01', to: '2026-03-02' }),
      q({ language: 'en' }),
      q({ sourceId: 'guide', sort: 'oldest' }),
    ];
    for (const query of queries) {
      const full = await listArticleIds(db, query);
      for (const limit of [1, 3, 100]) {
        const head = await listArticleHead(db, query, limit);
        // Views need a screenful of counted articles (4 here); with fewer the caller waits for the full list.
        if (query.sort === 'views' && limit > 4) {
          expect(head, JSON.stringify(query)).toBeNull();
          continue;
        }
        expect(head, JSON.stringify(query)).toEqual({ ids: full.slice(0, limit), total: full.length });
      }
    }
  });

  it('declines queries that need every key (read state, bookmarks, notes, source with category)', async () => {
    const db = freshDb();
    await seed(db);
    for (const over of [{ unread: true }, { bookmarked: true }, { annotated: true }, { sourceId: 'p1', category: 'Xã hội' }, { sort: 'views' as const, from: '2026-03-01' }]) {
      expect(await listArticleHead(db, q(over), 10), JSON.stringify(over)).toBeNull();
    }
  });
});

describe('unread counts', () => {
  it('counts per source and per category from indexes, and follows read changes', async () => {
    const db = freshDb();
    await seed(db);
    expect(await countUnread(db, 'p1', 'vi')).toBe(3);
    expect(await countByCategory(db, 'vi')).toEqual([
      { category: 'Thể thao', total: 2, unread: 2 },
      { category: 'Xã hội', total: 3, unread: 3 },
    ]);
    await setRead(db, urlOf('a'), true);
    await setRead(db, urlOf('c'), true);
    await setRead(db, urlOf('c'), true);
    expect(await countUnread(db, 'p1', 'vi')).toBe(2);
    expect(await countUnread(db, 'p2', 'vi')).toBe(1);
    expect((await countByCategory(db, 'vi')).find((c) => c.category === 'Xã hội')).toEqual({ category: 'Xã hội', total: 3, unread: 1 });
  });

  it('counts the guide in the UI language only', async () => {
    const db = freshDb();
    await seedGuide(db);
    const first = GUIDE_ARTICLES[0];
    await setRead(db, guideArticleId('en', first.slug), true);
    expect(await countUnread(db, 'guide', 'vi')).toBe(GUIDE_ARTICLES.length);
    expect(await countUnread(db, 'guide', 'en')).toBe(GUIDE_ARTICLES.length - 1);
    const vi = await countByCategory(db, 'vi');
    const en = await countByCategory(db, 'en');
    expect(vi.map((c) => c.category)).toContain(first.category.vi);
    expect(vi.map((c) => c.category)).not.toContain(first.category.en);
    expect(vi.reduce((s, c) => s + c.unread, 0)).toBe(GUIDE_ARTICLES.length);
    expect(en.reduce((s, c) => s + c.unread, 0)).toBe(GUIDE_ARTICLES.length - 1);
    expect(en.find((c) => c.category === first.category.en)!.unread).toBe(en.find((c) => c.category === first.category.en)!.total - 1);
    const listed = await listArticleIds(db, { sourceId: null, language: 'en', category: first.category.en });
    expect(listed.every((id) => id.startsWith('guide:en:'))).toBe(true);
  });
});

describe('count halves (totals follow articles, reads follow read state)', () => {
  it('keeps totals when articles are marked read or unread, and reads follow every change', async () => {
    const db = freshDb();
    await seed(db);
    await seedGuide(db);
    const ids = ['guide', 'p1', 'p2'];
    const totals = await countSourceTotals(db, ids, 'vi');
    expect(totals).toEqual({ guide: GUIDE_ARTICLES.length, p1: 3, p2: 2 });
    expect(await countSourceReads(db, ids, 'vi')).toEqual({ guide: 0, p1: 0, p2: 0 });
    await setRead(db, urlOf('a'), true);
    await setRead(db, urlOf('d'), true);
    await setRead(db, guideArticleId('en', GUIDE_ARTICLES[0].slug), true);
    await setRead(db, guideArticleId('vi', GUIDE_ARTICLES[1].slug), true);
    expect(await countSourceTotals(db, ids, 'vi')).toEqual(totals);
    // The guide's English article read does not count while the UI is Vietnamese, and the other way round.
    expect(await countSourceReads(db, ids, 'vi')).toEqual({ guide: 1, p1: 1, p2: 1 });
    expect(await countSourceReads(db, ids, 'en')).toEqual({ guide: 1, p1: 1, p2: 1 });
    await setRead(db, urlOf('a'), false);
    expect(await countSourceReads(db, ['p1'], 'vi')).toEqual({ p1: 0 });
    await markManyRead(db, [urlOf('a'), urlOf('b'), urlOf('e')]);
    expect(await countSourceReads(db, ['p1'], 'vi')).toEqual({ p1: 3 });
    for (const id of ids) expect(await countUnread(db, id, 'vi')).toBe(Math.max(0, totals[id] - (await countSourceReads(db, [id], 'vi'))[id]));
  });

  it('gives per-category counts equal to countByCategory, and drops empty categories', async () => {
    const db = freshDb();
    await seed(db);
    await seedGuide(db);
    await setRead(db, urlOf('c'), true);
    await setRead(db, guideArticleId('en', GUIDE_ARTICLES[0].slug), true);
    for (const language of ['vi', 'en'] as const) {
      const totals = await countCategoryTotals(db, language);
      expect(totals['Xã hội']).toBe(3);
      const reads = await countCategoryReads(db, Object.keys(totals), language);
      expect(reads['Xã hội']).toBe(1);
      expect(combineCategoryCounts(totals, reads)).toEqual(await countByCategory(db, language));
    }
    expect(combineCategoryCounts({ 'Xã hội': 2, Trống: 0 }, { 'Xã hội': 5 })).toEqual([{ category: 'Xã hội', total: 2, unread: 0 }]);
  });
});

describe('mark all as read', () => {
  it('marks exactly the filtered articles, in batches, and skips what is already read', async () => {
    const db = freshDb();
    await seed(db);
    await setProgress(db, urlOf('b'), 0.4);
    const progress: [number, number][] = [];
    const changed = await markQueryRead(db, q({ category: 'Thể thao' }), { batchSize: 1, onProgress: (d, t) => progress.push([d, t]) });
    expect(changed).toBe(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(names(await listArticleIds(db, q({ unread: true })))).toEqual(['c', 'a', 'e']);
    // Progress survives being marked read.
    expect(await getProgress(db, urlOf('b'))).toBeCloseTo(0.4);
    expect(await markQueryRead(db, q({ category: 'Thể thao' }))).toBe(0);
    expect(await markManyRead(db, [urlOf('a'), 'not-stored'])).toBe(1);
    expect(await db.readState.get('not-stored')).toBeUndefined();
  });

  it('stops between batches when aborted and keeps what is done', async () => {
    const db = freshDb();
    await seed(db);
    const abort = new AbortController();
    const changed = await markManyRead(db, await listArticleIds(db, q()), { batchSize: 2, onProgress: () => abort.abort(), signal: abort.signal });
    expect(changed).toBe(2);
    expect(await db.readState.count()).toBe(2);
  });

  it('marks 5,000 articles in batches of 2,000', async () => {
    const db = freshDb();
    await db.sources.put(source('p1'));
    await db.articles.bulkPut(Array.from({ length: 5000 }, (_, i) => article(`x${i}`, { publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() })));
    let batches = 0;
    expect(await markQueryRead(db, q({ sourceId: 'p1' }), { onProgress: () => batches++ })).toBe(5000);
    expect(batches).toBe(3);
    expect(await countUnread(db, 'p1', 'vi')).toBe(0);
  });
});

describe('reading position', () => {
  it('remembers progress per article, clamped to 0…1, without marking it read', async () => {
    const db = freshDb();
    await seed(db);
    await setProgress(db, urlOf('a'), 0.25);
    expect(await getProgress(db, urlOf('a'))).toBeCloseTo(0.25);
    expect((await db.readState.get(urlOf('a')))?.read).toBe(0);
    await setRead(db, urlOf('a'), true);
    await setProgress(db, urlOf('a'), 7);
    expect(await getProgress(db, urlOf('a'))).toBe(1);
    expect((await db.readState.get(urlOf('a')))?.read).toBe(1);
    await setProgress(db, urlOf('a'), Number.NaN);
    expect(await getProgress(db, urlOf('a'))).toBe(0);
    expect(await getProgress(db, urlOf('b'))).toBe(0);
    await setProgress(db, 'unknown', 0.5);
    expect(await db.readState.get('unknown')).toBeUndefined();
  });
});

describe('schema version 4', () => {
  it('copies the category into read state written by version 3, so category counts include old reads', async () => {
    const name = `v4-${Date.now()}`;
    const old = new ArchiveDb(name, { upTo: 3 });
    await old.open();
    await old.articles.bulkPut([article('a', { category: 'Xã hội' }), article('b', { category: 'Thể thao' })]);
    await old.readState.bulkPut([
      { articleId: urlOf('a'), sourceId: 'p1', read: 1, progress: 0.5, updatedAt: '2026-01-01' },
      { articleId: 'gone', sourceId: 'p1', read: 1, progress: 0, updatedAt: '2026-01-01' },
    ]);
    old.close();
    const db = new ArchiveDb(name);
    await db.open();
    expect((await db.readState.get(urlOf('a')))?.category).toBe('Xã hội');
    expect((await db.readState.get(urlOf('a')))?.progress).toBe(0.5);
    expect(await countByCategory(db, 'vi')).toEqual([
      { category: 'Thể thao', total: 1, unread: 1 },
      { category: 'Xã hội', total: 1, unread: 0 },
    ]);
    db.close();
    await db.delete();
  });
});
