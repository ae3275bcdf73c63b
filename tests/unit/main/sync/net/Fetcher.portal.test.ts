import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../../../../main/sync/net/Fetcher';
import { startPortal, type Portal } from './portalHarness';
import { fetchError } from './fetchError';

const UA = 'ArchiveReader/0.1.0 (+offline reader)';


describe('Fetcher against the fixture portal', () => {
  let portal: Portal;
  let fetcher: Fetcher;

  beforeAll(async () => {
    portal = await startPortal({ articles: 120 });
    fetcher = new Fetcher({ appVersion: '0.1.0', backoffBaseMs: 5 });
  });
  afterAll(async () => {
    await fetcher.close();
    await portal.close();
  });

  it('identifies itself, reads robots.txt once per host and honours its Disallow lines', async () => {
    const home = await fetcher.fetch(`${portal.url}/`);
    expect(home.status).toBe(200);
    expect(new TextDecoder().decode(home.body)).toContain('<html');
    expect(home.headers['content-type']).toMatch(/text\/html/);

    const search = await fetchError(fetcher.fetch(`${portal.url}/tim-kiem?q=kinh+te`));
    expect(search.code).toBe('robots-disallowed');
    const truth = await fetchError(fetcher.fetch(`${portal.url}/__truth/articles.json`));
    expect(truth.code).toBe('robots-disallowed');

    await fetcher.fetch(`${portal.url}/atom.xml`);
    const stats = portal.stats();
    expect(stats.paths['/robots.txt']).toBe(1);
    expect(stats.paths['/tim-kiem']).toBeUndefined();
    expect(stats.paths['/__truth/articles.json']).toBeUndefined();
    expect(Object.keys(stats.userAgents)).toEqual([UA]);
  });

  it('makes a conditional GET that answers 304 with the stored ETag or Last-Modified', async () => {
    const first = await fetcher.fetch(`${portal.url}/rss/tin-moi.rss`);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^".+"$/);
    const before = portal.stats().notModified;

    const second = await fetcher.fetch(`${portal.url}/rss/tin-moi.rss`, { etag: first.etag });
    expect(second).toMatchObject({ status: 304, notModified: true, etag: first.etag });
    expect(second.body.byteLength).toBe(0);

    const article = portal.truth().articles[3];
    const page = await fetcher.fetch(portal.url + article.url);
    expect(page.lastModified).toBeTruthy();
    const again = await fetcher.fetch(portal.url + article.url, { lastModified: page.lastModified });
    expect(again.notModified).toBe(true);
    expect(portal.stats().notModified).toBe(before + 2);
  });

  it('follows the old-URL redirect and records the canonical final URL', async () => {
    const article = portal.truth().articles.find((a) => a.id % 11 === 5)!;
    const res = await fetcher.fetch(`${portal.url}/bai-viet/old/${article.id}`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${portal.url}/bai-viet/old/${article.id}`);
    expect(res.finalUrl).toBe(portal.url + article.url);
  });

  it('refuses a body whose Content-Length is over the size cap', async () => {
    const article = portal.truth().articles[0];
    const err = await fetchError(fetcher.fetch(portal.url + article.url, { maxBytes: 2000 }));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/2000-byte limit/);
  });

  it('reports 404 as http-status without retrying', async () => {
    const before = portal.stats().paths['/bai-viet/bai-da-go-999999.html'] ?? 0;
    const err = await fetchError(fetcher.fetch(`${portal.url}/bai-viet/bai-da-go-999999.html`));
    expect(err).toMatchObject({ code: 'http-status', status: 404 });
    expect(portal.stats().paths['/bai-viet/bai-da-go-999999.html']).toBe(before + 1);
  });
});

describe('Fetcher per-host concurrency', () => {
  it('never has more than the limit in flight at the portal', async () => {
    const portal = await startPortal({ articles: 60, latency: 30 });
    const fetcher = new Fetcher({ perHostConcurrency: 2 });
    try {
      const urls = portal.truth().articles.slice(0, 30).map((a) => portal.url + a.url);
      const results = await Promise.all(urls.map((u) => fetcher.fetch(u)));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const stats = portal.stats();
      expect(stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(stats.maxInFlight).toBe(2); // and it does use the slots it has
    } finally {
      await portal.close();
    }
  });
});

describe('Fetcher under injected faults', () => {
  it('eventually fetches everything, never retrying a 429 before its Retry-After', async () => {
    const portal = await startPortal({ articles: 80, failRate: 0.2, dropRate: 0.1, throttleEvery: 7 });
    // Observe every exchange (request time, status) between the fetcher and the portal.
    const log: Array<{ path: string; sentAt: number; receivedAt?: number; status?: number; retryAfter?: string }> = [];
    const observed: typeof fetch = async (input, init) => {
      const entry: (typeof log)[number] = { path: new URL(String(input)).pathname, sentAt: Date.now() };
      log.push(entry);
      const res = await fetch(input, init);
      entry.receivedAt = Date.now();
      entry.status = res.status;
      entry.retryAfter = res.headers.get('retry-after') ?? undefined;
      return res;
    };
    const retries: string[] = [];
    const fetcher = new Fetcher({
      fetchImpl: observed,
      retries: 8,
      backoffBaseMs: 10,
      backoffMaxMs: 200,
      onRetry: (e) => retries.push(e.error.code),
    });
    try {
      const truth = portal.truth();
      const urls = [
        '/rss/tin-moi.rss',
        '/atom.xml',
        '/feed.json',
        '/sitemap.xml',
        ...truth.articles.slice(0, 30).map((a) => a.url),
      ].map((p) => portal.url + p);
      const results = await Promise.all(urls.map((u) => fetcher.fetch(u)));
      expect(results.map((r) => r.status)).toEqual(urls.map(() => 200));
      for (const [i, r] of results.entries()) {
        if (i >= 4) expect(new TextDecoder().decode(r.body)).toContain('</html>');
      }

      const stats = portal.stats();
      expect(stats.byStatus['429']).toBeGreaterThan(0);
      expect(stats.byStatus['503']).toBeGreaterThan(0);
      expect(retries).toContain('network'); // truncated bodies were detected and retried

      for (const [i, e] of log.entries()) {
        if (e.status !== 429 && e.status !== 503) continue;
        if (!e.retryAfter) continue;
        const notBefore = e.receivedAt! + Number(e.retryAfter) * 1000;
        const next = log.slice(i + 1).find((l) => l.path === e.path);
        if (next) expect(next.sentAt).toBeGreaterThanOrEqual(notBefore);
      }
    } finally {
      await portal.close();
    }
  });
});
