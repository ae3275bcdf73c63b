import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Discovery } from '../../../../../shared/model/sync';
import { decodeHtml, decodeXml } from '../../../../../main/sync/feeds/decodeBody';
import { discoverSource } from '../../../../../main/sync/feeds/discoverSource';
import { FeedError } from '../../../../../main/sync/feeds/FeedError';
import { fetchFeed } from '../../../../../main/sync/feeds/fetchFeed';
import { parseFeedDocument } from '../../../../../main/sync/feeds/parseFeedDocument';
import { walkListing } from '../../../../../main/sync/feeds/walkListing';
import { walkSitemaps } from '../../../../../main/sync/feeds/walkSitemaps';
import { Fetcher } from '../../../../../main/sync/net/Fetcher';
import { portalModule, startPortal, type Portal, type TruthArticle } from '../net/portalHarness';

describe('feeds, sitemaps, listings and discovery on the fixture portal', () => {
  let portal: Portal;
  let fetcher: Fetcher;
  let byId: Map<number, TruthArticle>;
  let slugify: (s: string) => string;

  const fetchDoc = async (path: string) => {
    const res = await fetcher.fetch(portal.url + path);
    return parseFeedDocument(decodeXml(res.body, res.headers['content-type']), res.finalUrl, res.headers['content-type']);
  };
  const idOf = (url: string) => Number(url.match(/-(\d+)\.html$/)?.[1] ?? url.match(/\/old\/(\d+)$/)?.[1]);

  beforeAll(async () => {
    // 1000 articles span two years, so the sitemap index has more than one child.
    portal = await startPortal({ articles: 1000 });
    fetcher = new Fetcher({ backoffBaseMs: 5 });
    byId = new Map(portal.truth().articles.map((a) => [a.id, a]));
    slugify = (await portalModule()).slugify;
  });
  afterAll(async () => {
    await fetcher.close();
    await portal.close();
  });

  it('parses the RSS 2.0 feed: titles, dates, categories, authors, clean links', async () => {
    const doc = await fetchDoc('/rss/tin-moi.rss');
    expect(doc).toMatchObject({ kind: 'rss', format: 'rss2', title: 'Tin mới', siteUrl: `${portal.url}/` });
    expect(doc.items).toHaveLength(51); // newest 50 + the deleted page
    for (const item of doc.items.slice(0, 50)) {
      const a = byId.get(idOf(item.url))!;
      expect(a, item.url).toBeDefined();
      expect(item).toMatchObject({ title: a.title, publishedAt: a.publishedAt, category: a.category, author: a.author });
      expect(item.url).not.toMatch(/utm_/);
      expect(item.summary).toBeTruthy();
      expect(item.summary).not.toMatch(/<img/);
      if (a.id % 11 !== 5) expect(item.url).toBe(portal.url + a.url);
    }
    expect(doc.items[50].url).toBe(`${portal.url}/bai-viet/bai-da-go-999999.html`);
  });

  it('fetchFeed parses, then answers notModified to the validators it returned', async () => {
    const f = fetcher.fetch;
    const first = await fetchFeed(`${portal.url}/feed.json`, f);
    expect(first.notModified).toBe(false);
    expect(first.doc?.items).toHaveLength(50);
    expect(first.state.etag).toBeTruthy();
    const second = await fetchFeed(`${portal.url}/feed.json`, f, { previous: first.state });
    expect(second).toMatchObject({ notModified: true, state: { etag: first.state.etag } });
    expect(second.doc).toBeUndefined();
  });

  it('parses every per-category RSS feed', async () => {
    const categories = [...new Set(portal.truth().articles.map((a) => a.category))];
    expect(categories.length).toBeGreaterThan(5);
    for (const c of categories) {
      const doc = await fetchDoc(`/rss/${slugify(c)}.rss`);
      expect(doc.title).toBe(c);
      expect(doc.items.length).toBeGreaterThan(0);
      for (const item of doc.items) expect(byId.get(idOf(item.url))?.category).toBe(c);
    }
  });

  it('parses the Atom feed, including double-escaped type="html" titles', async () => {
    const doc = await fetchDoc('/atom.xml');
    expect(doc).toMatchObject({ kind: 'atom', format: 'atom' });
    expect(doc.title).toContain('Cổng thông tin');
    expect(doc.items).toHaveLength(50);
    for (const item of doc.items) {
      const a = byId.get(idOf(item.url))!;
      expect(item).toEqual(
        expect.objectContaining({ url: portal.url + a.url, title: a.title, publishedAt: a.publishedAt, updatedAt: a.updatedAt, author: a.author, category: a.category }),
      );
    }
  });

  it('parses the JSON Feed 1.1', async () => {
    const doc = await fetchDoc('/feed.json');
    expect(doc).toMatchObject({ kind: 'jsonfeed', siteUrl: `${portal.url}/` });
    expect(doc.items).toHaveLength(50);
    for (const item of doc.items) {
      const a = byId.get(idOf(item.url))!;
      expect(item).toMatchObject({ url: portal.url + a.url, title: a.title, publishedAt: a.publishedAt, author: a.author, category: a.category });
    }
  });

  it('finds every live article through the sitemap index, with lastmod', async () => {
    const found = new Map<string, string | undefined>();
    const states: Record<string, { etag?: string; children?: string[] }> = {};
    let urlsets = 0;
    const f = fetcher.fetch;
    for await (const doc of walkSitemaps(`${portal.url}/sitemap.xml`, f)) {
      states[doc.sitemapUrl] = doc.state;
      if (doc.kind === 'index') continue;
      urlsets++;
      for (const item of doc.items) found.set(item.url, item.updatedAt);
    }
    expect(urlsets).toBeGreaterThan(1);
    expect(states[`${portal.url}/sitemap.xml`].children).toHaveLength(urlsets);
    const truth = portal.truth().articles;
    expect(found.size).toBe(truth.length);
    for (const a of truth) expect(found.get(portal.url + a.url)).toBe(a.updatedAt);

    // A second walk with the stored validators: everything answers 304, the index is walked from memory.
    const again = [];
    for await (const doc of walkSitemaps(`${portal.url}/sitemap.xml`, f, { previous: states })) again.push(doc);
    expect(again).toHaveLength(urlsets + 1);
    expect(again.every((d) => d.notModified)).toBe(true);
    expect(again[0]).toMatchObject({ kind: 'index', state: states[`${portal.url}/sitemap.xml`] });
    expect(again.slice(1).every((d) => d.kind === 'urlset' && d.items.length === 0)).toBe(true);
  });

  it('follows a category listing page by page to all of its articles', async () => {
    const truth = portal.truth().articles;
    const category = truth[0].category;
    const expected = truth.filter((a) => a.category === category);
    const seen = new Map<string, string>();
    let pages = 0;
    const start = `${portal.url}/chuyen-muc/${slugify(category)}`;
    const states: Record<string, { etag?: string }> = {};
    for await (const page of walkListing(start, fetcher.fetch)) {
      pages++;
      expect(page.title).toBe(category);
      states[page.requestedUrl] = page.state;
      for (const link of page.articles) seen.set(link.url, link.title);
    }
    expect(pages).toBe(Math.ceil(expected.length / 20));
    expect(seen.size).toBe(expected.length);
    for (const a of expected) expect(seen.get(portal.url + a.url)).toBe(a.title);

    // Nothing new since: the first page answers 304 and the walk ends there.
    const again = [];
    for await (const page of walkListing(start, fetcher.fetch, { previous: states })) again.push(page);
    expect(again).toEqual([expect.objectContaining({ notModified: true, articles: [] })]);
  });

  it('discovers feeds, sitemaps and category listings from the home page', async () => {
    // The result is what the UI contract (shared Discovery) expects.
    const found: Discovery = await discoverSource(`${portal.url}/`, fetcher.fetch);
    expect(found).toMatchObject({ kind: 'portal', format: 'html' });
    expect(found.title).toContain('Tin mới');
    expect(found.feeds).toEqual(
      expect.arrayContaining([
        { url: `${portal.url}/rss/tin-moi.rss`, title: 'Tin mới', kind: 'rss' },
        expect.objectContaining({ url: `${portal.url}/atom.xml`, kind: 'atom' }),
        expect.objectContaining({ url: `${portal.url}/feed.json`, kind: 'jsonfeed' }),
      ]),
    );
    expect(found.feeds[0].url).toBe(`${portal.url}/rss/tin-moi.rss`); // the linked one first
    expect(found.sitemaps).toEqual([`${portal.url}/sitemap.xml`]);
    const categories = [...new Set(portal.truth().articles.map((a) => a.category))];
    for (const c of categories) {
      expect(found.listings).toContainEqual({ url: `${portal.url}/chuyen-muc/${slugify(c)}`, title: c });
    }
    // The paginated home page is offered as the way into the whole archive.
    expect(found.listings[0].url).toBe(`${portal.url}/`);
    expect(found.listings.some((l) => /bai-viet/.test(l.url))).toBe(false);
  });

  it('classifies feed, sitemap and listing URLs given directly', async () => {
    const f = fetcher.fetch;
    const opts = { probeFeeds: false };
    expect(await discoverSource(`${portal.url}/rss/tin-moi.rss`, f, opts)).toMatchObject({
      kind: 'rss',
      format: 'rss2',
      title: 'Tin mới',
      feeds: [{ url: `${portal.url}/rss/tin-moi.rss`, kind: 'rss' }],
      sitemaps: [`${portal.url}/sitemap.xml`],
    });
    expect((await discoverSource(`${portal.url}/atom.xml`, f, opts)).kind).toBe('atom');
    expect((await discoverSource(`${portal.url}/feed.json`, f, opts)).kind).toBe('jsonfeed');
    expect(await discoverSource(`${portal.url}/sitemap.xml`, f, opts)).toMatchObject({
      kind: 'sitemap',
      format: 'sitemapindex',
      sitemaps: [`${portal.url}/sitemap.xml`],
    });
    const year = portal.truth().articles[0].publishedAt.slice(0, 4);
    expect(await discoverSource(`${portal.url}/sitemap-${year}.xml`, f, opts)).toMatchObject({ kind: 'sitemap', format: 'sitemap' });
    await expect(discoverSource(`${portal.url}/anh/1000-1.png`, f, opts)).rejects.toMatchObject({ code: 'unsupported-format' });
    const cat = portal.truth().articles[0].category;
    const listing = await discoverSource(`${portal.url}/chuyen-muc/${slugify(cat)}`, f, opts);
    expect(listing.kind).toBe('listing');
    expect(listing.listings[0]).toEqual({ url: `${portal.url}/chuyen-muc/${slugify(cat)}`, title: cat });
  });

  it('rejects the malformed feed with a FeedError naming line and column', async () => {
    const res = await fetcher.fetch(`${portal.url}/rss/loi.rss`);
    const text = decodeXml(res.body, res.headers['content-type']);
    let err: unknown;
    try {
      parseFeedDocument(text, res.finalUrl);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FeedError);
    expect(err).toMatchObject({ code: 'malformed-feed', line: 3 });
    expect((err as FeedError).message).toMatch(/not well-formed XML at line 3, column \d+/);
    await expect(discoverSource(`${portal.url}/rss/loi.rss`, fetcher.fetch)).rejects.toMatchObject({ code: 'malformed-feed' });
  });

  it('decodes a windows-1258 article page to NFC', async () => {
    const a = portal.truth().articles.find((x) => x.legacyCharset)!;
    const res = await fetcher.fetch(portal.url + a.url);
    expect(res.headers['content-type']).toMatch(/windows-1258/);
    const html = decodeHtml(res.body, res.headers['content-type']);
    expect(html).toContain(a.title.normalize('NFC'));
    expect(html.normalize('NFC')).toBe(html);
  });
});
