import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, decodeXml } from '../../../../../main/sync/feeds/decodeBody';
import { FeedError } from '../../../../../main/sync/feeds/FeedError';
import { decodeEntities, htmlToText } from '../../../../../main/sync/feeds/htmlText';
import { parseAtom } from '../../../../../main/sync/feeds/parseAtom';
import { parseFeedDocument } from '../../../../../main/sync/feeds/parseFeedDocument';
import { parseJsonFeed } from '../../../../../main/sync/feeds/parseJsonFeed';
import { parseListingPage } from '../../../../../main/sync/feeds/parseListingPage';
import { parseRss } from '../../../../../main/sync/feeds/parseRss';
import { parseSitemap } from '../../../../../main/sync/feeds/parseSitemap';
import { resolveLink } from '../../../../../main/sync/feeds/resolveLink';
import { sniffDocument } from '../../../../../main/sync/feeds/sniffDocument';
import { toIsoDate } from '../../../../../main/sync/feeds/toIsoDate';

function feedError(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('RSS', () => {
  it('reads RSS 1.0 (RDF) with Dublin Core', () => {
    const doc = parseRss(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://bao.example/rss"><title>Báo &amp; Tin</title><link>https://bao.example/</link>
    <items><rdf:Seq><rdf:li resource="https://bao.example/a-101.html"/></rdf:Seq></items></channel>
  <item rdf:about="https://bao.example/a-101.html"><title>Bài một</title><link>https://bao.example/a-101.html?utm_source=x</link>
    <dc:date>2024-03-01T08:00:00+07:00</dc:date><dc:creator>Lan</dc:creator><dc:subject>Xã hội</dc:subject>
    <description>&lt;p&gt;Tóm &amp;amp; tắt&lt;/p&gt;</description></item>
  <item rdf:about="https://bao.example/b-102.html"><title>Bài hai</title></item>
</rdf:RDF>`);
    expect(doc).toMatchObject({ kind: 'rss', format: 'rss1', title: 'Báo & Tin', siteUrl: 'https://bao.example/' });
    expect(doc.items).toEqual([
      { url: 'https://bao.example/a-101.html', title: 'Bài một', publishedAt: '2024-03-01T01:00:00.000Z', author: 'Lan', category: 'Xã hội', summary: 'Tóm & tắt' },
      { url: 'https://bao.example/b-102.html', title: 'Bài hai' },
    ]);
  });

  it('falls back to a permalink guid, resolves relative links, reads "email (Name)" authors', () => {
    const doc = parseRss(`<rss version="2.0"><channel><title>T</title><link>https://s.example/tin/</link>
      <item><guid>https://s.example/x-1234.html</guid><author>bt@s.example (Ban biên tập)</author><pubDate>Tue, 05 Mar 2024 10:00:00 GMT+7</pubDate></item>
      <item><guid isPermaLink="false">abc</guid></item>
      <item><link>../bai/y-5678.html#top</link><title>Tin &amp;amp; ảnh</title></item>
    </channel></rss>`);
    expect(doc.items).toEqual([
      { url: 'https://s.example/x-1234.html', author: 'Ban biên tập', publishedAt: '2024-03-05T03:00:00.000Z' },
      { url: 'https://s.example/bai/y-5678.html', title: 'Tin & ảnh' },
    ]);
  });

  it('tolerates bare ampersands in links but not broken structure', () => {
    const ok = parseRss('<rss><channel><title>T</title><item><link>https://s.example/a-123?x=1&y=2</link></item></channel></rss>');
    expect(ok.items[0].url).toBe('https://s.example/a-123?x=1&y=2');
    const err = feedError(() => parseRss('<rss><channel>\n<title>Tin & sự kiện <mới></title></channel></rss>'));
    expect(err).toMatchObject({ code: 'malformed-feed', line: 2 });
    expect(err.message).toMatch(/line 2, column \d+/);
  });

  it('says when the document is not RSS', () => {
    expect(feedError(() => parseRss('<feed xmlns="http://www.w3.org/2005/Atom"/>')).code).toBe('unsupported-format');
  });
});

describe('Atom', () => {
  it('picks the HTML alternate link and reads text constructs of every type', () => {
    const doc = parseAtom(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Site</title>
      <link rel="self" href="/atom.xml"/><link href="/"/>
      <entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Chào <b>bạn</b></div></title>
        <link rel="enclosure" href="/a.mp3"/><link rel="alternate" type="application/pdf" href="/a.pdf"/><link rel="alternate" type="text/html" href="/bai/a-100.html"/>
        <updated>2024-01-02T00:00:00Z</updated><author><name>Hà</name></author><category term="xa-hoi" label="Xã hội"/>
        <summary type="html">&lt;p&gt;Một &amp;amp; hai&lt;/p&gt;</summary></entry>
      <entry><id>https://s.example/b-200.html</id><title>Không link</title><published>2024-01-01T00:00:00Z</published></entry>
      <entry><id>urn:no-url</id><title>Bỏ qua</title></entry>
      </feed>`,
      'https://s.example/atom.xml',
    );
    expect(doc).toMatchObject({ kind: 'atom', title: 'Site', siteUrl: 'https://s.example/' });
    expect(doc.items).toEqual([
      {
        url: 'https://s.example/bai/a-100.html',
        title: 'Chào bạn',
        publishedAt: '2024-01-02T00:00:00.000Z',
        updatedAt: '2024-01-02T00:00:00.000Z',
        author: 'Hà',
        category: 'Xã hội',
        summary: 'Một & hai',
      },
      { url: 'https://s.example/b-200.html', title: 'Không link', publishedAt: '2024-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('JSON Feed', () => {
  it('reads 1.0 (author) and 1.1 (authors) items, external_url and content fallbacks', () => {
    const doc = parseJsonFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'J',
        home_page_url: 'https://j.example/',
        items: [
          { id: '1', url: '/p-111.html', title: 'A', author: { name: 'X' }, content_html: '<p>Nội <b>dung</b></p>' },
          { id: '2', external_url: 'https://other.example/q', authors: [{ name: 'Y' }], tags: ['T1', 'T2'], summary: 'S' },
          { id: 'https://j.example/id-333.html', content_text: 'x'.repeat(400) },
          { id: 'no-url' },
        ],
      }),
      'https://j.example/feed.json',
    );
    expect(doc.items).toHaveLength(3);
    expect(doc.items[0]).toEqual({ url: 'https://j.example/p-111.html', title: 'A', author: 'X', summary: 'Nội dung' });
    expect(doc.items[1]).toEqual({ url: 'https://other.example/q', author: 'Y', category: 'T1', summary: 'S' });
    expect(doc.items[2].url).toBe('https://j.example/id-333.html');
    expect(doc.items[2].summary!.length).toBeLessThanOrEqual(300);
  });

  it('rejects broken JSON as malformed and other JSON as unsupported', () => {
    expect(feedError(() => parseJsonFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [')).code).toBe('malformed-feed');
    expect(feedError(() => parseJsonFeed('{"hello": 1}')).code).toBe('unsupported-format');
  });
});

describe('sitemaps', () => {
  it('reads urlset and index entries with lastmod', () => {
    const set = parseSitemap(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
       <url><loc>https://s.example/a-1001.html</loc><lastmod>2024-02-03</lastmod></url>
       <url><loc> https://s.example/b-1002.html </loc></url></urlset>`,
    );
    expect(set).toMatchObject({ kind: 'sitemap', title: '' });
    expect(set.items).toEqual([
      { url: 'https://s.example/a-1001.html', updatedAt: '2024-02-03T00:00:00.000Z' },
      { url: 'https://s.example/b-1002.html' },
    ]);
    const index = parseFeedDocument(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-2024.xml</loc><lastmod>2024-05-01T00:00:00+07:00</lastmod></sitemap></sitemapindex>`,
      'https://s.example/sitemap.xml',
    );
    expect(index).toMatchObject({ kind: 'sitemapindex', items: [{ url: 'https://s.example/sitemap-2024.xml', updatedAt: '2024-04-30T17:00:00.000Z' }] });
  });
});

describe('parseFeedDocument and sniffDocument', () => {
  it('classifies documents by their root', () => {
    expect(sniffDocument('\uFEFF<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')).toBe('rss');
    expect(sniffDocument('<rdf:RDF xmlns:rdf="x">')).toBe('rss1');
    expect(sniffDocument('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('atom');
    expect(sniffDocument('<!DOCTYPE html><html>')).toBe('html');
    expect(sniffDocument('<html lang="vi">')).toBe('html');
    expect(sniffDocument('{"version":"https://jsonfeed.org/version/1.1"}')).toBe('jsonfeed');
    expect(sniffDocument('<opml version="2.0">')).toBe('opml');
    expect(sniffDocument('hello')).toBe('unknown');
  });

  it('refuses a web page as unsupported-format', () => {
    expect(feedError(() => parseFeedDocument('<!DOCTYPE html><html><body>x</body></html>')).code).toBe('unsupported-format');
  });
});

describe('decoding', () => {
  // "Tiếng Việt" in windows-1258 with combining tone marks: ê = EA, acute = EC, dot below = F2.
  const cp1258 = (prefix: string, suffix: string) =>
    Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from([0x54, 0x69, 0xea, 0xec, 0x6e, 0x67, 0x20, 0x56, 0x69, 0xea, 0xf2, 0x74]), Buffer.from(suffix, 'latin1')]);

  it('decodes XML by its encoding declaration and normalises to NFC', () => {
    const bytes = cp1258('<?xml version="1.0" encoding="windows-1258"?><rss><channel><title>', '</title></channel></rss>');
    const text = decodeXml(bytes, 'application/xml; charset=utf-8');
    expect(text).toContain('<title>Tiếng Việt</title>');
    expect(text).toBe(text.normalize('NFC'));
    expect(parseRss(text).title).toBe('Tiếng Việt');
  });

  it('prefers a BOM, then falls back to the HTTP charset, then UTF-8', () => {
    expect(decodeXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>ấ</a>')]))).toBe('<a>ấ</a>');
    expect(decodeXml(iconv.encode('<a>é</a>', 'latin1'), 'text/xml; charset=ISO-8859-1')).toBe('<a>é</a>');
    expect(decodeXml(Buffer.from('<a>ư</a>'))).toBe('<a>ư</a>');
  });

  it('decodes HTML by header charset, else <meta charset>', () => {
    const page = cp1258('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>', '</body></html>');
    expect(decodeHtml(page)).toContain('Tiếng Việt');
    expect(decodeHtml(page, 'text/html; charset=windows-1258')).toContain('Tiếng Việt');
    expect(charsetFromContentType('text/html; Charset="UTF-8"')).toBe('utf-8');
  });
});

describe('small helpers', () => {
  it('resolveLink strips tracking parameters and fragments, keeps the rest', () => {
    expect(resolveLink('/a-1.html?utm_source=rss&id=3&fbclid=x#c', 'https://s.example/b/')).toBe('https://s.example/a-1.html?id=3');
    expect(resolveLink('mailto:x@y')).toBeUndefined();
    expect(resolveLink('  ')).toBeUndefined();
    expect(resolveLink('http://[bad')).toBeUndefined();
  });

  it('toIsoDate reads RSS, Atom and sloppy zone formats', () => {
    expect(toIsoDate('Mon, 06 Jan 2014 01:30:00 +0000')).toBe('2014-01-06T01:30:00.000Z');
    expect(toIsoDate('2014-01-06T08:30:00+07:00')).toBe('2014-01-06T01:30:00.000Z');
    expect(toIsoDate('Mon, 06 Jan 2014 08:30:00 GMT+07:00')).toBe('2014-01-06T01:30:00.000Z');
    expect(toIsoDate('hôm qua')).toBeUndefined();
  });

  it('htmlToText and decodeEntities', () => {
    expect(htmlToText('<p>Giá&nbsp;vàng<br/>tăng &#7897; &#x1EA1; &eacute;</p><script>x()</script>')).toBe('Giá vàng tăng ộ ạ é'); // NBSP collapses too
    expect(decodeEntities('&amp;lt; &unknown; &#0;')).toBe('&lt; &unknown; &#0;');
  });
});

describe('listing pages', () => {
  it('finds article links outside site chrome and a text "next" link when rel=next is missing', () => {
    const page = parseListingPage(
      `<html><head><title>Thời sự - Báo X</title></head><body>
      <div class="top-menu"><a href="/thoi-su">Thời sự</a><a href="/bai/menu-9999.html">Menu pick</a></div>
      <div class="list"><a href="/bai/a-1001.html"><img src="/a.jpg"></a><h3><a href="/bai/a-1001.html?utm_medium=x">Bài A</a></h3>
        <a href="/bai/b-1002.html" title="Bài B"></a><a href="https://other.example/c-1003.html">Ngoài</a>
        <a href="/thoi-su">Thời sự</a><a href="/anh/1234.jpg">Ảnh</a></div>
      <div class="sidebar"><a href="/bai/hot-7777.html">Đọc nhiều</a></div>
      <div class="pagination"><a href="/thoi-su?page=1">1</a><a href="/thoi-su?page=3">Sau »</a></div>
      </body></html>`,
      'https://www.bao.example/thoi-su?page=2',
    );
    expect(page.title).toBe('Thời sự');
    expect(page.articles).toEqual([
      { url: 'https://www.bao.example/bai/a-1001.html', title: 'Bài A' },
      { url: 'https://www.bao.example/bai/b-1002.html', title: 'Bài B' },
    ]);
    expect(page.nextUrl).toBe('https://www.bao.example/thoi-su?page=3');
  });

  it('accepts a site-specific article test', () => {
    const page = parseListingPage('<a href="/news/hello-world">Hello</a><a href="/about">About</a>', 'https://s.example/news', {
      isArticleUrl: (u) => u.pathname.startsWith('/news/'),
    });
    expect(page.articles).toEqual([{ url: 'https://s.example/news/hello-world', title: 'Hello' }]);
    expect(page.nextUrl).toBeUndefined();
  });
});
