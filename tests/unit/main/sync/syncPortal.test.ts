import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncHarness, startPortal, type Portal } from '../../syncHarness';

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
// Site chrome: phrases that only the menu, sidebar, share bar and footer contain, and whole chrome lines.
const CHROME_PHRASES = ['Liên kết website', 'Bản quyền thuộc về cơ quan chủ quản', 'Các bài viết khác', 'Báo điện tử', 'Điện thoại: 024'];
const CHROME_LINES = ['Trang chủ', 'Chia sẻ', 'In bài', 'Chia sẻ In bài', 'Tạp chí'];

type Harness = ReturnType<typeof createSyncHarness>;

async function snapshot(h: Harness) {
  const rows = await h.db.articles.where('sourceId').equals('portal').toArray();
  return new Map(rows.map((r) => [r.id, `${r.title}|${r.contentHash}|${r.removed}`]));
}

// Each test syncs 320 articles through extraction: about 10 s on a quiet machine, minutes on a loaded one.
describe('sync against the fixture portal', { timeout: 480_000 }, () => {
  let portal: Portal;
  let h: Harness;
  let origin: string;

  beforeAll(async () => {
    portal = await startPortal({ articles: 320 });
    origin = portal.url;
    h = createSyncHarness();
    await h.addSource('portal', origin);
  });
  afterAll(async () => {
    await h.close();
    await portal.close();
  });

  it('edition 1: stores every live article exactly once, with exact metadata, bodies, captions and images', async () => {
    const finished = await h.sync(['portal']);
    expect(finished.perSource[0].result).toBe('ok');
    expect(finished.failures.map((f) => f.url)).toEqual([`${origin}/bai-viet/bai-da-go-999999.html`]);
    expect(finished.failures[0]).toMatchObject({ code: 'http-status', status: 404 });

    const truth = portal.truth().articles;
    const rows = await h.db.articles.toArray();
    const portalRows = rows.filter((r) => r.sourceId === 'portal');
    expect(portalRows).toHaveLength(truth.length);
    expect(new Set(portalRows.map((r) => r.canonicalUrl)).size).toBe(truth.length);

    let paragraphs = 0;
    let identical = 0;
    const byId = new Map(truth.map((t) => [t.id, t]));
    for (const t of truth) {
      const row = await h.db.articles.get(origin + t.url);
      expect(row, t.url).toBeDefined();
      // The corpus has a few decomposed (NFD) titles; the app stores everything in NFC.
      expect(row!.title).toBe(t.title.normalize('NFC'));
      expect(row!.author).toBe(t.author.normalize('NFC'));
      expect(row!.views).toBe(t.views);
      expect(row!.category).toBe(t.category.normalize('NFC'));
      // JSON-LD pages carry the exact instant; the others print the day (and sometimes the local time), so
      // the stored instant may only be as precise as what the page shows.
      if ((t.id - 1000) % 3 === 0) expect(row!.publishedAt).toBe(t.publishedAt);
      else expect(Math.abs(Date.parse(row!.publishedAt) - Date.parse(t.publishedAt))).toBeLessThan(36 * 3600_000);
      const body = await h.db.bodies.get(row!.id);
      const lines = new Set(body!.text.split('\n').map(norm));
      for (const p of t.paragraphs) {
        paragraphs++;
        if (lines.has(norm(p))) identical++;
      }
      for (const chrome of CHROME_PHRASES) expect(body!.text, `${t.url} leaks ${chrome}`).not.toContain(chrome);
      for (const chrome of CHROME_LINES) expect(lines.has(chrome), `${t.url} leaks ${chrome}`).toBe(false);
      expect(body!.html).not.toMatch(/<script|onerror=|onclick=/i);
      for (const img of t.images) {
        expect(row!.images.map((i) => i.caption)).toContain(img.caption);
        const stored = await h.db.images.get(origin + img.url);
        expect(stored?.size, img.url).toBeGreaterThan(0);
        expect(stored?.mime).toBe('image/png');
      }
      const relatedUrls = row!.related.map((r) => r.url);
      for (const rid of t.related) expect(relatedUrls).toContain(origin + byId.get(rid)!.url);
    }
    expect(identical / paragraphs).toBeGreaterThanOrEqual(0.99);

    // windows-1258 pages read exactly like UTF-8 ones, in NFC.
    const legacy = truth.filter((t) => t.legacyCharset);
    expect(legacy.length).toBeGreaterThan(3);
    for (const t of legacy) {
      const row = await h.db.articles.get(origin + t.url);
      expect(row!.title).toBe(t.title.normalize('NFC'));
      expect(row!.title).toBe(row!.title.normalize('NFC'));
    }

    expect(portal.stats().maxInFlight).toBeLessThanOrEqual(4);
    const ua = Object.keys(portal.stats().userAgents as Record<string, number>);
    expect(ua.every((u) => u.startsWith('ArchiveReader/'))).toBe(true);
    const progress = h.progress.at(-1)!;
    expect(progress.stored).toBe(truth.length);
  });

  it('re-sync of an unchanged portal is conditional and writes nothing', async () => {
    const before = portal.stats() as unknown as { requests: number; notModified: number };
    h.resetWrites();
    const finished = await h.sync(['portal']);
    const after = portal.stats() as unknown as { requests: number; notModified: number };
    const requests = after.requests - before.requests;
    const notModified = after.notModified - before.notModified;
    expect(requests).toBeGreaterThan(0);
    expect(notModified / requests).toBeGreaterThanOrEqual(0.95);
    expect(h.writes).toBe(0);
    expect(finished.stored).toBe(0);
  });

  it('edition 2: edits replace, new articles arrive, the 410 one is flagged, notes stay attached', async () => {
    const truth1 = portal.truth().articles;
    const edited = truth1.filter((_, i) => i % 10 === 4).map((t) => origin + t.url);
    await h.db.bookmarks.put({ articleId: edited[0], createdAt: new Date().toISOString() });
    await h.db.annotations.put({
      id: 'note-1',
      articleId: edited[0],
      quote: 'x',
      prefix: '',
      suffix: '',
      note: 'giữ ghi chú này',
      tags: ['chuyến đi'],
      color: 'yellow',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const oldHash = (await h.db.articles.get(edited[0]))!.contentHash;

    portal.setEdition(2);
    await h.sync(['portal']);
    const truth2 = portal.truth();
    const rows = (await h.db.articles.toArray()).filter((r) => r.sourceId === 'portal');
    expect(rows).toHaveLength(truth2.articles.length + truth2.gone.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const url of truth2.gone) {
      const gone = await h.db.articles.get(origin + url);
      expect(gone?.removed).toBe(1);
      expect(gone?.removedUpstream).toBe(true);
    }
    for (const t of truth2.articles) {
      const row = await h.db.articles.get(origin + t.url);
      expect(row, t.url).toBeDefined();
      const body = await h.db.bodies.get(row!.id);
      expect(norm(body!.text)).toContain(norm(t.paragraphs[0]));
    }
    const updated = await h.db.articles.get(edited[0]);
    expect(updated!.contentHash).not.toBe(oldHash);
    expect(await h.db.bookmarks.get(edited[0])).toBeDefined();
    expect((await h.db.annotations.get('note-1'))!.articleId).toBe(edited[0]);
  });
});

describe('sync under faults', () => {
  it('with failures, dropped bodies and throttling, the store equals a clean sync', async () => {
    const clean = await startPortal({ articles: 120 });
    const faulty = await startPortal({ articles: 120, failRate: 0.2, dropRate: 0.1, throttleEvery: 7 });
    const a = createSyncHarness();
    const b = createSyncHarness({ fetcher: { backoffBaseMs: 20, backoffMaxMs: 200, retries: 6 } });
    try {
      await a.addSource('portal', clean.url);
      await b.addSource('portal', faulty.url);
      await a.sync(['portal']);
      const result = await b.sync(['portal']);
      expect(result.failures.filter((f) => !f.url.includes('999999'))).toEqual([]);
      const strip = (m: Map<string, string>, origin: string) => new Map([...m].map(([k, v]) => [k.replace(origin, ''), v]));
      expect(strip(await snapshot(b), faulty.url)).toEqual(strip(await snapshot(a), clean.url));
      expect(faulty.stats().maxInFlight).toBeLessThanOrEqual(4);
    } finally {
      await a.close();
      await b.close();
      await clean.close();
      await faulty.close();
    }
  });

  it('a malformed feed gives a clear error while other sources still sync', async () => {
    const portal = await startPortal({ articles: 60 });
    const h = createSyncHarness();
    try {
      await h.addSource('broken', portal.url, { feedUrls: [`${portal.url}/rss/loi.rss`], backfillUrls: [] });
      await h.addSource('portal', portal.url, { feedUrls: [`${portal.url}/atom.xml`], backfillUrls: [] });
      const finished = await h.sync(['broken', 'portal']);
      const broken = finished.perSource.find((p) => p.sourceId === 'broken')!;
      expect(broken.result).toBe('failed');
      expect(broken.error?.code).toBe('malformed-feed');
      expect(finished.perSource.find((p) => p.sourceId === 'portal')!.result).toBe('ok');
      expect(await h.db.articles.where('sourceId').equals('portal').count()).toBe(50);
    } finally {
      await h.close();
      await portal.close();
    }
  });

  it('a sync killed midway and resumed loses nothing and doubles nothing', async () => {
    const portal = await startPortal({ articles: 150 });
    const reference = createSyncHarness();
    const h = createSyncHarness();
    try {
      await reference.addSource('portal', portal.url);
      await reference.sync(['portal']);
      await h.addSource('portal', portal.url);
      await h.sync(['portal'], undefined, { onBatch: (n) => (n === 3 ? 'stop' : undefined) });
      const partial = await h.db.articles.count();
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(150);
      expect((await h.db.sources.get('portal'))!.checkpoint).toBeUndefined();
      await h.sync(['portal']);
      expect(await snapshot(h)).toEqual(await snapshot(reference));
      expect((await h.db.sources.get('portal'))!.checkpoint).toBeDefined();
    } finally {
      await reference.close();
      await h.close();
      await portal.close();
    }
  });
});
