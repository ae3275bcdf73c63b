import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveDb } from '../../../../../renderer/data/ArchiveDb';
import { notifyArticlesChanged } from '../../../../../renderer/data/articleChanges';
import { setBookmarked } from '../../../../../renderer/data/bookmarksRepo';
import { NO_SEARCH_FILTERS, type SearchFilters } from '../../../../../renderer/data/searchFilters';
import { readSearchManifest } from '../../../../../renderer/data/searchIndexStore';
import { guideArticleId, seedGuide } from '../../../../../renderer/data/seedGuide';
import type { Language } from '../../../../../renderer/data/settings';
import { inBackgroundSlot } from '../../../../../renderer/workers/backgroundSlot';
import { SearchIndexService, type SearchIndexServiceOptions } from '../../../../../renderer/workers/search/SearchIndexService';
import { FakeLocks } from '../fakeLocks';
import type { IndexStatus } from '../../../../../renderer/workers/search/searchProtocol';
import { closeAll, freshDb, urlOf } from '../../data/articleFixtures';
import { numbered, putArticles, SAMPLE } from '../../data/searchFixtures';

const services: SearchIndexService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) s.close();
  await closeAll();
});

function service(db: ArchiveDb, options: SearchIndexServiceOptions = {}): SearchIndexService {
  const s = new SearchIndexService(db, { quietMs: 20, ...options });
  services.push(s);
  return s;
}

let requestId = 0;
async function search(s: SearchIndexService, query: string, filters: Partial<SearchFilters> = {}, language: Language = 'vi', offset = 0, limit = 20) {
  return s.search({ type: 'search', requestId: ++requestId, query, filters: { ...NO_SEARCH_FILTERS, ...filters }, language, offset, limit });
}
/** Ids of articles with every word of the query (partial matches, the engine's fallback, count as none). */
async function ids(s: SearchIndexService, query: string, filters: Partial<SearchFilters> = {}, language: Language = 'vi') {
  const res = await search(s, query, filters, language);
  return res.matchedAll ? res.rows.map((r) => r.id) : [];
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A second handle on the same database, as a reloaded page's worker would open it. */
const reopen = (db: ArchiveDb) => new ArchiveDb(db.name);

describe('SearchIndexService', () => {
  it('builds from the store on first start: tone-insensitive, exact forms first, marked titles and snippets', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    const s = service(db);
    await s.flush();
    expect(s.status()).toMatchObject({ phase: 'ready', indexed: 4, pending: 0 });

    expect(await ids(s, 'dan van')).toContain(urlOf('dan-van'));
    expect((await ids(s, 'dân'))[0]).toBe(urlOf('dan-van'));
    expect((await ids(s, 'dần'))[0]).toBe(urlOf('dan-dan'));
    const res = await search(s, 'giáo dục');
    expect(res.total).toBe(1);
    expect(res.rows[0].title).toEqual([
      { text: 'Đổi mới ', match: false },
      { text: 'giáo', match: true },
      { text: ' ', match: false },
      { text: 'dục', match: true },
      { text: ' phổ thông', match: false },
    ]);
    expect(res.rows[0].snippet.filter((g) => g.match).map((g) => g.text)).toEqual(['giáo', 'dục']);
    expect(res.rows[0]).toMatchObject({ category: 'Giáo dục', sourceId: 'p1', removed: false });
  });

  it('reads Telex and says what it searched for; quoted phrases need the words together', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    const s = service(db);
    await s.flush();
    const telex = await search(s, 'daan vaanj');
    expect(telex.searchedAs).toBe('dân vận');
    expect(telex.rows[0].id).toBe(urlOf('dan-van'));
    expect(await ids(s, '"giáo dục phổ thông"')).toEqual([urlOf('giao-duc')]);
    expect(await ids(s, '"phổ giáo"')).toEqual([]);
  });

  it('shows the guide in the UI language only', async () => {
    const db = freshDb();
    await seedGuide(db);
    const s = service(db);
    await s.flush();
    const vi = await ids(s, 'tim kiem');
    expect(vi.length).toBeGreaterThan(0);
    expect(vi.every((id) => id.startsWith('guide:vi:'))).toBe(true);
    const en = await ids(s, 'search', {}, 'en');
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((id) => id.startsWith('guide:en:'))).toBe(true);
    expect(vi).toContain(guideArticleId('vi', en[0].slice('guide:en:'.length)));
  });

  it('follows stored changes: new and edited articles are indexed, deleted ones leave', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE.slice(0, 2));
    const s = service(db);
    await s.flush();
    await putArticles(db, [SAMPLE[2], { ...SAMPLE[0], text: 'Bài đã sửa: hội nghị về chuyển đổi số.' }]);
    notifyArticlesChanged({ put: [urlOf('bong-da'), urlOf('dan-van')], deleted: [] });
    await until(async () => (await ids(s, 'chuyển đổi số')).length === 1);
    expect(await ids(s, 'bong da viet nam')).toEqual([urlOf('bong-da')]);
    expect((await search(s, 'khéo')).total).toBe(0);

    await db.articles.delete(urlOf('dan-dan'));
    notifyArticlesChanged({ put: [], deleted: [urlOf('dan-dan')] });
    await until(async () => (await search(s, 'xăng')).total === 0);
    expect(s.status().indexed).toBe(2);
  });

  it('reads an article again when it changes while its previous version is being read', async () => {
    const db = freshDb();
    await putArticles(db, [SAMPLE[0]]);
    const listeners: Array<(c: { put: string[]; deleted: string[] }) => void> = [];
    const s = service(db, { subscribe: (l) => (listeners.push(l), () => undefined) });
    await s.flush();
    // Held after the body is read: the version being indexed is complete and already outdated.
    const bulkGet = db.bodies.bulkGet.bind(db.bodies);
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    vi.spyOn(db.bodies, 'bulkGet').mockImplementation((async (keys: string[]) => {
      const rows = await bulkGet(keys);
      if (!held) {
        held = true;
        await gate;
      }
      return rows;
    }) as typeof db.bodies.bulkGet);
    await putArticles(db, [{ ...SAMPLE[0], text: 'Phiên bản hai.' }]);
    listeners[0]({ put: [urlOf('dan-van')], deleted: [] });
    await until(() => held);
    await putArticles(db, [{ ...SAMPLE[0], text: 'Phiên bản ba về hợp tác quốc tế.' }]);
    listeners[0]({ put: [urlOf('dan-van')], deleted: [] });
    release();
    await s.flush();
    expect(await ids(s, 'hợp tác quốc tế')).toEqual([urlOf('dan-van')]);
  });

  /** The sample stored, indexed and saved in the background by a first service, which then closes. */
  async function sampleWithSavedIndex(): Promise<ArchiveDb> {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    const first = service(db);
    await first.start();
    await until(async () => (await readSearchManifest(db))?.docs === 4);
    first.close();
    return db;
  }

  it('saves in the background and a restart loads the saved index without reading any body', async () => {
    const db = await sampleWithSavedIndex();

    const db2 = reopen(db);
    const bodyReads = vi.spyOn(db2.bodies, 'bulkGet');
    const second = service(db2);
    await second.start();
    // Loaded, not rebuilt: every article answers at once; what remains is a check of recent hashes.
    expect(second.status().indexed).toBe(4);
    expect(await ids(second, 'bong da viet nam')).toEqual([urlOf('bong-da')]);
    await second.flush();
    expect(second.status()).toMatchObject({ indexed: 4, pending: 0, phase: 'ready' });
    // Result rows read bodies for snippets; indexing read none.
    expect(bodyReads.mock.calls.every(([keys]) => keys.length === 1 && keys[0] === urlOf('bong-da'))).toBe(true);
    db2.close();
  });

  it('a query during start-up does not wait for the background slot another worker holds', async () => {
    const db = await sampleWithSavedIndex();

    vi.stubGlobal('navigator', { locks: new FakeLocks(), hardwareConcurrency: 2 });
    try {
      // The related worker's long start-up load holds the only slot of a two-core machine.
      let release!: () => void;
      const held = inBackgroundSlot(() => new Promise<void>((resolve) => (release = resolve)));
      const db2 = reopen(db);
      const second = service(db2);
      void second.start();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(second.status().phase).toBe('loading');
      // Someone is waiting to search: the saved index is decoded at once.
      expect(await ids(second, 'bong da viet nam')).toEqual([urlOf('bong-da')]);
      release();
      await held;
      second.close();
      db2.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('after a page was killed mid-indexing, a restart catches up: missed, edited and deleted articles', async () => {
    const db = freshDb();
    await putArticles(db, [...SAMPLE, ...numbered(30)]);
    const first = service(db);
    await first.flush();
    first.close();

    // What sync wrote after the last save, whose notifications the dead page never handled.
    await putArticles(db, numbered(20, 30).map((a) => ({ ...a, over: { fetchedAt: '2026-02-01T00:10:00.000Z' } })));
    await putArticles(db, [{ ...SAMPLE[1], text: 'Giá vàng hôm nay tăng mạnh.', over: { category: 'Kinh doanh', fetchedAt: '2026-02-01T00:20:00.000Z' } }]);
    // Re-fetched a little before the newest indexed article: still inside the recheck margin.
    await putArticles(db, [{ ...SAMPLE[3], text: 'Sách giáo khoa mới cho năm học tới.', over: { fetchedAt: '2026-01-31T23:55:00.000Z' } }]);
    await db.articles.delete(urlOf('bong-da'));

    const db2 = reopen(db);
    const second = service(db2, { subscribe: () => () => undefined });
    await second.flush();
    expect(second.status().indexed).toBe(4 + 30 + 20 - 1);
    expect(await ids(second, 'mã0045')).toEqual([urlOf('so-0045')]);
    expect(await ids(second, 'gia vang')).toEqual([urlOf('dan-dan')]);
    expect(await ids(second, 'sach giao khoa')).toEqual([urlOf('giao-duc')]);
    const gone = await search(second, 'bóng đá');
    expect(gone.matchedAll && gone.total > 0).toBe(false);
    expect((await readSearchManifest(db2))?.docs).toBe(53);
    db2.close();
  });

  it('keeps answering when the disk is full, says so, and saves once it can', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    const chunks = db.table('searchChunks');
    const bulkPut = chunks.bulkPut.bind(chunks);
    const spy = vi.spyOn(chunks, 'bulkPut').mockImplementationOnce((() => Promise.reject(new DOMException('no space', 'QuotaExceededError'))) as unknown as typeof chunks.bulkPut);
    const s = service(db);
    await s.start();
    await until(() => s.status().error !== null);
    expect(s.status().error).toMatchObject({ code: 'disk-full' });
    expect(await ids(s, 'dan van')).toEqual([urlOf('dan-van')]);
    spy.mockImplementation(bulkPut);
    await until(async () => (await readSearchManifest(db))?.docs === 4);
    await until(() => s.status().error === null);
  });

  it('rebuilds from the store when the saved index is damaged', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    const first = service(db);
    await first.flush();
    first.close();
    const manifest = await readSearchManifest(db);
    await db.table('searchChunks').put({ key: `chunk:${manifest!.chunkKeys.at(-1)}`, data: new Uint8Array([1, 2, 3]) });

    const db2 = reopen(db);
    const second = service(db2);
    await second.flush();
    expect(second.status()).toMatchObject({ indexed: 4, error: null });
    expect(await ids(second, 'dan van')).toEqual([urlOf('dan-van')]);
    db2.close();
  });

  it('answers queries while a long indexing run is still going', async () => {
    const db = freshDb();
    await putArticles(db, numbered(1200));
    const statuses: IndexStatus[] = [];
    const s = service(db, { readBatch: 40, sliceMs: 2, onStatus: (st) => statuses.push(st) });
    await s.start();
    // The first results arrive long before indexing ends.
    await until(() => s.status().indexed >= 40);
    const res = await search(s, 'bản tin');
    expect(res.total).toBeGreaterThan(0);
    expect(s.status().phase).toBe('indexing');
    expect(s.status().pending).toBeGreaterThan(0);
    await s.flush();
    expect((await search(s, 'bản tin')).total).toBe(1200);
    expect(statuses.at(-1)).toMatchObject({ phase: 'ready', indexed: 1200, pending: 0 });
  });

  it('combines the query with source, category, date, bookmark and note filters, and pages through results', async () => {
    const db = freshDb();
    await putArticles(db, [
      ...SAMPLE,
      ...numbered(30).map((a, i) => ({ ...a, over: { sourceId: i % 2 ? 'p2' : 'p1', category: i % 3 ? 'Xã hội' : 'Giao thông' } })),
    ]);
    const s = service(db);
    await s.flush();
    expect((await search(s, 'bản tin')).total).toBe(30);
    expect((await search(s, 'bản tin', { sourceId: 'p2' })).total).toBe(15);
    expect((await search(s, 'bản tin', { category: 'Giao thông' })).total).toBe(10);
    expect((await search(s, 'bản tin', { category: 'Giao thông', sourceId: 'p2' })).total).toBe(5);
    expect((await search(s, 'việt nam', { from: '2025-01-01', to: '2025-12-31' })).total).toBe(0);
    expect(await ids(s, 'giao duc', { from: '2025-01-01', to: '2025-12-31' })).toEqual([urlOf('giao-duc')]);
    await setBookmarked(db, urlOf('so-0003'), true);
    await setBookmarked(db, urlOf('so-0004'), true);
    expect(await ids(s, 'bản tin', { bookmarked: true })).toHaveLength(2);
    await db.annotations.put({ id: 'n', articleId: urlOf('so-0004'), quote: 'x', prefix: '', suffix: '', note: '', tags: [], color: 'y', createdAt: '', updatedAt: '' });
    expect(await ids(s, 'bản tin', { bookmarked: true, annotated: true })).toEqual([urlOf('so-0004')]);

    const page1 = await search(s, 'bản tin', {}, 'vi', 0, 12);
    const page3 = await search(s, 'bản tin', {}, 'vi', 24, 12);
    expect(page1.rows).toHaveLength(12);
    expect(page3.rows).toHaveLength(6);
    expect(page3.offset).toBe(24);
    expect(new Set([...page1.rows, ...page3.rows].map((r) => r.id)).size).toBe(18);
  });
});
