import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../../shared/model/article';
import { contentHash, extractArticle, ExtractError } from '../../../../main/extract';
import { fetchAll, fetchPage, startPortal, type FetchedPage, type Portal, type TruthArticle } from './portalFixture';

// Every live article of a 320-article portal is fetched once and extracted once; the tests below
// compare the results with the portal's ground truth.
const ARTICLES = 320;

// The corpus holds some decomposed (NFD) text; the extractor promises NFC, so compare in NFC.
const nfc = (s: string): string => s.normalize('NFC');
const norm = (s: string): string => nfc(s).replace(/\s+/g, ' ').trim();
const HOUR = 3_600_000;

/**
 * What the page itself states about publication, read as Vietnam time (UTC+7).
 *
 * The fixture prints the UTC calendar date (serve.mjs ddmmyyyy() uses getUTC*) beside the UTC+7
 * clock ((getUTCHours() + 7) % 24), so for articles published 17:00–23:59 UTC the printed date is
 * one day behind the local date of its own clock. A reader of the page cannot know that; the
 * extractor reads the page as a Vietnamese reader would, so for those articles the result is exactly
 * 24 h before truth.publishedAt. Pages with only dd/mm/yyyy state no time: the extractor stores local
 * midnight with precision "day". JSON-LD pages (every third) carry the exact instant.
 */
function statedOnPage(truthIso: string, withClock: boolean): string {
  const d = new Date(truthIso);
  const hh = withClock ? (d.getUTCHours() + 7) % 24 : 0;
  const mm = withClock ? d.getUTCMinutes() : 0;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh, mm) - 7 * HOUR).toISOString();
}
const localDay = (iso: string): string => new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(0, 10);
// serve.mjs articleHtml(): even ids show "dd/mm/yyyy | views", odd ids "Thứ X, dd/mm/yyyy HH:MM";
// buildArticles() gives JSON-LD to every third article (index = id - 1000).
const hasClock = (a: TruthArticle): boolean => a.id % 2 === 1;
const hasJsonLd = (a: TruthArticle): boolean => (a.id - 1000) % 3 === 0;

// Chrome the portal wraps around every article (serve.mjs chrome(), articleHtml()).
const CHROME = ['Trang chủ', 'Liên kết website', 'Bản quyền', 'Chia sẻ', 'Các bài viết khác', 'In bài', 'Quảng cáo',
  'Báo điện tử', 'Tạp chí', 'Lượt xem', 'Cổng thông tin Đảng bộ Khối', 'Điện thoại: 024'];

interface Row {
  truth: TruthArticle;
  page: FetchedPage;
  article?: ExtractedArticle;
  error?: unknown;
}

let portal: Portal;
let rows: Row[] = [];
let byId = new Map<number, TruthArticle>();

beforeAll(async () => {
  portal = await startPortal({ articles: ARTICLES });
  const truth = portal.truth().articles;
  byId = new Map(truth.map((a) => [a.id, a]));
  const pages = await fetchAll(truth.map((a) => portal.url + a.url));
  rows = truth.map((t, i) => ({ truth: t, page: pages[i] }));
  // Warm-up: the first call builds the shared window and DOMPurify.
  extractArticle({ url: pages[0].finalUrl, contentType: pages[0].contentType, body: pages[0].body });
  let spent = 0;
  for (const row of rows) {
    const t0 = performance.now();
    try {
      row.article = extractArticle({ url: row.page.requestedUrl, finalUrl: row.page.finalUrl, contentType: row.page.contentType, body: row.page.body });
    } catch (err) {
      row.error = err;
    }
    spent += performance.now() - t0;
    // A real sync awaits the network between pages; without a turn of the event loop V8 keeps every
    // WeakRef target jsdom created (node iterators) alive until the loop ends, which skews the timing.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // A figure for the log, not a check: speed is measured by `npm run bench:sync`, not by timed tests.
  console.info(`extractArticle: ${(spent / rows.length).toFixed(1)} ms/page over ${rows.length} pages`);
});

afterAll(async () => {
  await portal?.close();
});

const ok = (): (Row & { article: ExtractedArticle })[] => rows.filter((r): r is Row & { article: ExtractedArticle } => !!r.article);

describe('extractArticle on the fixture portal', () => {
  it('extracts every live article page without error', () => {
    expect(rows.length).toBeGreaterThanOrEqual(ARTICLES);
    expect(rows.filter((r) => r.page.status !== 200)).toEqual([]);
    expect(rows.filter((r) => r.error).map((r) => [r.truth.id, String(r.error)])).toEqual([]);
  });

  it('reads title, author, views and category exactly', () => {
    for (const { truth, article } of ok()) {
      expect({ id: truth.id, title: article.title, author: article.author, views: article.views, category: article.category })
        .toEqual({ id: truth.id, title: nfc(truth.title), author: nfc(truth.author), views: truth.views, category: nfc(truth.category) });
    }
  });

  it('reads the lead from div.sapo and keeps it out of the body', () => {
    for (const { truth, article } of ok()) {
      expect(article.lead, String(truth.id)).toBe(norm(truth.lead));
      if (!truth.paragraphs.includes(truth.lead)) expect(article.text.split('\n')).not.toContain(norm(truth.lead));
    }
  });

  it('reads publishedAt as the page states it (exact with JSON-LD, else the shown local date and clock)', () => {
    let exact = 0;
    let sameLocalDay = 0;
    for (const { truth, article } of ok()) {
      if (hasJsonLd(truth)) {
        expect([truth.id, article.publishedAt, article.publishedAtPrecision]).toEqual([truth.id, truth.publishedAt, 'second']);
      } else {
        expect([truth.id, article.publishedAt, article.publishedAtPrecision])
          .toEqual([truth.id, statedOnPage(truth.publishedAt, hasClock(truth)), hasClock(truth) ? 'minute' : 'day']);
        // Minutes are exact whenever a clock is shown; only the fixture's date line can lag.
        if (hasClock(truth)) expect(article.publishedAt.slice(14, 16)).toBe(truth.publishedAt.slice(14, 16));
      }
      if (article.publishedAt === truth.publishedAt) exact++;
      if (localDay(article.publishedAt) === localDay(truth.publishedAt)) sameLocalDay++;
    }
    console.info(`publishedAt: ${exact}/${rows.length} exact instant, ${sameLocalDay}/${rows.length} same UTC+7 day as truth`);
  });

  it('takes updatedAt from JSON-LD dateModified, else publishedAt', () => {
    for (const { truth, article } of ok()) {
      expect(article.updatedAt, String(truth.id)).toBe(hasJsonLd(truth) ? truth.updatedAt : article.publishedAt);
    }
  });

  it('keeps ≥ 99% of body paragraphs identical, in order, with nothing added', () => {
    let total = 0;
    let identical = 0;
    let sameShape = 0;
    for (const { truth, article } of ok()) {
      const lines = article.text.split('\n');
      const want = truth.paragraphs.map(norm);
      total += want.length;
      want.forEach((p, i) => { if (lines[i] === p) identical++; });
      if (lines.length === want.length) sameShape++;
    }
    console.info(`paragraphs: ${identical}/${total} identical (${((identical / total) * 100).toFixed(2)}%), ${sameShape}/${rows.length} articles with exactly the truth's paragraph count`);
    expect(identical / total).toBeGreaterThanOrEqual(0.99);
    expect(sameShape / rows.length).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps every shown image as a figure with its caption, once', () => {
    let expected = 0;
    for (const { truth, article } of ok()) {
      // serve.mjs only places image k after paragraph k when another paragraph follows it.
      const shown = truth.images.filter((_, k) => k < truth.paragraphs.length - 1);
      expected += shown.length;
      expect(article.images, String(truth.id)).toEqual(shown.map((img) => ({ url: portal.url + img.url, caption: nfc(img.caption) })));
      const lines = article.text.split('\n');
      for (const img of shown) {
        const src = (portal.url + img.url).replace(/[.?]/g, '\\$&');
        expect(article.html).toMatch(new RegExp(`<figure><img src="${src}" alt="[^"]*"><figcaption>${img.caption}</figcaption></figure>`));
        // Once as element text: the figcaption, never also as a paragraph.
        expect(article.html.split(`>${img.caption}<`).length - 1, `${truth.id}: ${img.caption}`).toBe(1);
        expect(lines).not.toContain(img.caption);
      }
    }
    expect(expected).toBeGreaterThan(0);
  });

  it('lists every "Các bài viết khác" link with absolute URL and title', () => {
    let links = 0;
    for (const { truth, article } of ok()) {
      const want = truth.related.map((id) => byId.get(id)).filter((a): a is TruthArticle => !!a)
        .map((a) => ({ url: portal.url + a.url, title: norm(a.title) }));
      links += want.length;
      expect(article.related, String(truth.id)).toEqual(want);
    }
    expect(links).toBeGreaterThan(100);
  });

  it('leaks no site chrome, byline or lead into html or text', () => {
    for (const { truth, article } of ok()) {
      const source = nfc([truth.lead, ...truth.paragraphs].join('\n'));
      for (const chrome of CHROME) {
        if (source.includes(chrome)) continue;
        expect(article.html, `${truth.id}: ${chrome}`).not.toContain(chrome);
        expect(article.text, `${truth.id}: ${chrome}`).not.toContain(chrome);
      }
      if (!source.includes(nfc(truth.author))) expect(article.html, String(truth.id)).not.toContain(nfc(truth.author));
      expect(article.html).not.toMatch(/&nbsp;|\u00a0<\/p>|<p>\s*<\/p>/);
    }
  });

  it('emits only sanitized article markup with absolute image URLs', () => {
    for (const { article } of ok()) {
      expect(article.html).not.toMatch(/<(script|style|iframe|div|span|table|link|meta)\b/i);
      expect(article.html).not.toMatch(/\s(on\w+|style|class|id)=/i);
      for (const m of article.html.matchAll(/<img [^>]*src="([^"]*)"/g)) expect(m[1].startsWith(portal.url + '/anh/')).toBe(true);
    }
  });

  it('reads windows-1258 pages (combining tone marks) identically to the truth, in NFC', () => {
    const legacy = ok().filter((r) => r.truth.legacyCharset);
    expect(legacy.length).toBeGreaterThanOrEqual(6);
    for (const { truth, page, article } of legacy) {
      expect(page.contentType).toContain('windows-1258');
      expect(article.title).toBe(nfc(truth.title));
      expect(article.lead).toBe(norm(truth.lead));
      expect(article.author).toBe(nfc(truth.author));
      expect(article.category).toBe(nfc(truth.category));
      expect(article.text.split('\n')).toEqual(truth.paragraphs.map(norm));
      expect(article.text).toBe(article.text.normalize('NFC'));
      expect(article.html).toBe(article.html.normalize('NFC'));
    }
  });

  it('uses the canonical URL, absolute and without tracking parameters', () => {
    for (const { truth, article } of ok()) {
      expect(article.url).toBe(portal.url + truth.url);
      expect(article.canonicalUrl).toBe(portal.url + truth.url);
    }
  });

  it('hashes NFC title + lead + text', () => {
    for (const { article } of ok()) {
      expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(article.contentHash).toBe(contentHash(article.title, article.lead, article.text));
    }
    expect(new Set(ok().map((r) => r.article.contentHash)).size).toBe(ok().length);
  });

  it('follows the old-URL redirect and strips utm_* from the URL it stores', async () => {
    const a = rows[5].truth;
    const redirected = await fetchPage(`${portal.url}/bai-viet/old/${a.id}`);
    const viaRedirect = extractArticle({ url: redirected.requestedUrl, finalUrl: redirected.finalUrl, contentType: redirected.contentType, body: redirected.body });
    expect(viaRedirect.url).toBe(portal.url + a.url);
    const tracked = await fetchPage(`${portal.url}${a.url}?utm_source=rss&utm_medium=feed&fbclid=x`);
    const viaFeed = extractArticle({ url: tracked.requestedUrl, contentType: tracked.contentType, body: tracked.body });
    expect(viaFeed.url).toBe(portal.url + a.url);
    expect(viaFeed.canonicalUrl).toBe(portal.url + a.url);
  });

  it('rejects pages that are not articles with typed errors', async () => {
    const attempt = async (path: string): Promise<string> => {
      const page = await fetchPage(portal.url + path);
      try {
        extractArticle({ url: page.requestedUrl, finalUrl: page.finalUrl, contentType: page.contentType, body: page.body });
        return 'extracted';
      } catch (err) {
        expect(err).toBeInstanceOf(ExtractError);
        expect((err as ExtractError).message).toMatch(/^[A-Z]/);
        return (err as ExtractError).code;
      }
    };
    expect(await attempt('/bai-viet/khong-co-999999.html')).toBe('not-an-article');
    expect(await attempt('/')).toBe('not-an-article');
    expect(await attempt('/chuyen-muc/tat-ca')).toBe('not-an-article');
    expect(await attempt(`/anh/${rows[0].truth.id}-1.png`)).toBe('not-html');
    expect(await attempt('/rss/tin-moi.rss')).toBe('not-html');
  });
});
