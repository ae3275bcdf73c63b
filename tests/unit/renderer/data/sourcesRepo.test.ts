import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSource,
  addSources,
  countNewArticles,
  findSourceByUrl,
  markSourceSeen,
  newArticleCounts,
  opmlEntriesFor,
  planSourceRemoval,
  removeSource,
  sourceFromOpml,
  updateSource,
} from '../../../../renderer/data/sourcesRepo';
import { readSetting, writeSetting } from '../../../../renderer/data/settings';
import { articleRow, closeDbs, freshDb, sourceRow, storeArticles } from './syncFixtures';

afterEach(closeDbs);

describe('removing a source', () => {
  it('deletes its articles, bodies, read state and unshared images, but keeps what the user saved', async () => {
    const db = freshDb();
    await db.sources.bulkPut([sourceRow('a'), sourceRow('b')]);
    const a = Array.from({ length: 8 }, (_, i) => articleRow('a', i));
    // Article 7 of "a" shows an image that an article of "b" shows too: that blob must stay.
    const shared = a[7].images[0];
    const b = [articleRow('b', 100, { images: [shared] })];
    await storeArticles(db, [...a, ...b]);
    const [bookmarked, annotated, collected, , , , , sharedImage] = a;
    await db.bookmarks.put({ articleId: bookmarked.id, createdAt: '2026-04-01' });
    await db.annotations.put({
      id: 'n1', articleId: annotated.id, quote: 'q', prefix: '', suffix: '', note: 'ghi chú', tags: [], color: 'yellow', createdAt: '2026-04-01', updatedAt: '2026-04-01',
    });
    await db.collectionItems.put({ collectionId: 'c1', articleId: collected.id, addedAt: '2026-04-01' });
    await db.readState.bulkPut(a.map((r) => ({ articleId: r.id, sourceId: 'a', read: 1 as const, progress: 0, updatedAt: '2026-04-01' })));
    await writeSetting(db, 'selectedSourceId', 'a');

    const plan = await planSourceRemoval(db, 'a');
    expect(plan.keep.sort()).toEqual([bookmarked.id, annotated.id, collected.id].sort());
    expect(plan.remove).toHaveLength(5);

    expect(await removeSource(db, 'a')).toEqual({ removed: 5, kept: 3 });
    expect(await db.sources.get('a')).toBeUndefined();
    expect(await db.sources.get('b')).toBeDefined();
    const left = (await db.articles.where('sourceId').equals('a').primaryKeys()).sort();
    expect(left).toEqual([bookmarked.id, annotated.id, collected.id].sort());
    for (const kept of [bookmarked, annotated, collected]) {
      expect(await db.bodies.get(kept.id)).toBeDefined();
      expect(await db.images.get(kept.images[0].url)).toBeDefined();
      expect(await db.readState.get(kept.id)).toBeDefined();
    }
    for (const gone of plan.remove) {
      expect(await db.bodies.get(gone)).toBeUndefined();
      expect(await db.readState.get(gone)).toBeUndefined();
    }
    expect(await db.images.get(a[3].images[0].url)).toBeUndefined();
    expect(await db.images.get(sharedImage.images[0].url)).toBeDefined();
    expect(await db.articles.count()).toBe(4);
    expect(await db.bookmarks.get(bookmarked.id)).toBeDefined();
    expect(await readSetting(db, 'selectedSourceId')).toBeNull();
  });
});

describe('new-article counts', () => {
  it('counts articles fetched after the user last opened the source', async () => {
    const db = freshDb();
    const source = await addSource(db, {
      title: 'Cổng', url: 'https://a.example.vn/', kind: 'portal', feedUrls: [], backfillUrls: [], downloadImages: true, schedule: 'off',
    }, new Date('2026-03-10T00:00:00Z'));
    expect(await countNewArticles(db, source)).toBe(0);
    await storeArticles(db, [
      articleRow(source.id, 1, { fetchedAt: '2026-03-09T00:00:00.000Z' }),
      articleRow(source.id, 2, { fetchedAt: '2026-03-11T00:00:00.000Z' }),
      articleRow(source.id, 3, { fetchedAt: '2026-03-12T00:00:00.000Z' }),
      articleRow('other', 4, { fetchedAt: '2026-03-12T00:00:00.000Z' }),
    ]);
    expect(await countNewArticles(db, (await db.sources.get(source.id))!)).toBe(2);
    // A source never looked at counts everything it has.
    expect(await countNewArticles(db, { id: source.id })).toBe(3);

    await markSourceSeen(db, source.id, new Date('2026-03-11T12:00:00Z'));
    expect(await newArticleCounts(db)).toEqual({ [source.id]: 1 });
    await markSourceSeen(db, source.id, new Date('2026-03-13T00:00:00Z'));
    expect(await newArticleCounts(db)).toEqual({ [source.id]: 0 });
  });
});

describe('editing and OPML', () => {
  it('drops the checkpoint only when what the source reads changes', async () => {
    const db = freshDb();
    await db.sources.put(sourceRow('a', { checkpoint: { docs: { x: { etag: '1' } } } }));
    await updateSource(db, 'a', { title: '  Tên mới ', schedule: 'daily', downloadImages: false });
    let row = (await db.sources.get('a'))!;
    expect(row).toMatchObject({ title: 'Tên mới', schedule: 'daily', downloadImages: false });
    expect(row.checkpoint).toBeDefined();
    await updateSource(db, 'a', { feedUrls: ['https://a.example.vn/atom.xml'], title: '   ' });
    row = (await db.sources.get('a'))!;
    expect(row.checkpoint).toBeUndefined();
    expect(row.title).toBe('Tên mới');
  });

  it('maps OPML outlines to sources, skips duplicates, and exports one outline per source', async () => {
    const db = freshDb();
    await db.sources.put(sourceRow('a'));
    const feed = sourceFromOpml({ url: 'https://b.example.vn/rss.xml', title: 'B', kind: 'rss' });
    expect(feed).toMatchObject({ feedUrls: ['https://b.example.vn/rss.xml'], backfillUrls: [], kind: 'rss' });
    const sitemap = sourceFromOpml({ url: 'https://c.example.vn/sitemap.xml', title: 'C', kind: 'sitemap' });
    expect(sitemap).toMatchObject({ feedUrls: [], backfillUrls: ['https://c.example.vn/sitemap.xml'] });
    const discovered = sourceFromOpml(
      { url: 'https://d.example.vn/', title: 'D', kind: 'portal' },
      {
        url: 'https://d.example.vn/', finalUrl: 'https://d.example.vn/', kind: 'portal', title: 'Cổng D',
        feeds: [{ url: 'https://d.example.vn/rss', title: 'Tin', kind: 'rss' }], sitemaps: ['https://d.example.vn/sitemap.xml'], listings: [],
      },
    );
    expect(discovered).toMatchObject({ title: 'D', feedUrls: ['https://d.example.vn/rss'], backfillUrls: ['https://d.example.vn/sitemap.xml'] });
    const again = sourceFromOpml({ url: 'https://a.example.vn', title: 'A', kind: 'portal' });
    expect(await addSources(db, [feed, sitemap, discovered, again])).toEqual({ added: 3, duplicates: 1 });
    expect((await findSourceByUrl(db, 'https://b.example.vn/rss.xml'))?.title).toBe('B');

    const entries = opmlEntriesFor(await db.sources.toArray());
    expect(entries).toHaveLength(4);
    expect(entries).toContainEqual({ url: 'https://b.example.vn/rss.xml', title: 'B', kind: 'rss' });
    expect(entries).toContainEqual({ url: 'https://d.example.vn/', title: 'D', kind: 'portal' });
    expect(opmlEntriesFor([sourceRow('g', { kind: 'guide', url: 'guide://' })])).toEqual([]);
  });
});
