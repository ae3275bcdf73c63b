import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../../../main/sync/feeds/FeedError';
import { exportOpml, parseOpml } from '../../../../../main/sync/feeds/opml';

describe('OPML', () => {
  it('imports nested outlines as feeds with folder categories', () => {
    const doc = parseOpml(`<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Đăng ký của tôi</title></head><body>
  <outline text="Tin tức">
    <outline text="Báo A &amp; B" type="rss" xmlUrl="https://a.example/rss.xml" htmlUrl="https://a.example/"/>
    <outline text="Nhóm con"><outline title="Atom C" type="rss" version="ATOM" xmlUrl="https://c.example/atom.xml"/></outline>
  </outline>
  <outline text="JSON" type="rss" xmlUrl="https://j.example/feed.json" version="jsonfeed"/>
  <outline text="Trùng" type="rss" xmlUrl="https://a.example/rss.xml"/>
  <outline text="Hỏng" type="rss" xmlUrl="javascript:alert(1)"/>
  <outline text="Chỉ là thư mục rỗng"/>
</body></opml>`);
    expect(doc.title).toBe('Đăng ký của tôi');
    expect(doc.skipped).toBe(1);
    expect(doc.entries).toEqual([
      { url: 'https://a.example/rss.xml', title: 'Báo A & B', kind: 'rss', htmlUrl: 'https://a.example/', category: 'Tin tức' },
      { url: 'https://c.example/atom.xml', title: 'Atom C', kind: 'atom', category: 'Tin tức / Nhóm con' },
      { url: 'https://j.example/feed.json', title: 'JSON', kind: 'jsonfeed' },
    ]);
  });

  it('round-trips every source kind through export and import', () => {
    const sources = [
      { title: 'Tin mới "nóng" & <hot>', url: 'https://p.example/rss/tin-moi.rss?a=1&b=2', kind: 'rss' as const },
      { title: 'Atom', url: 'https://p.example/atom.xml', kind: 'atom' as const, category: 'Cổng' },
      { title: 'Sitemap', url: 'https://p.example/sitemap.xml', kind: 'sitemap' as const, category: 'Cổng' },
      { title: 'Kinh doanh', url: 'https://p.example/chuyen-muc/kinh-doanh', kind: 'listing' as const },
      { title: 'Cổng', url: 'https://p.example/', kind: 'portal' as const, htmlUrl: 'https://p.example/' },
    ];
    const xml = exportOpml(sources, { title: 'Archive Reader', dateCreated: new Date('2024-01-01T00:00:00Z') });
    expect(xml).toContain('<dateCreated>Mon, 01 Jan 2024 00:00:00 GMT</dateCreated>');
    const back = parseOpml(xml);
    expect(back.title).toBe('Archive Reader');
    expect(back.entries).toEqual(
      sources.map((s) => ({ url: s.url, title: s.title, kind: s.kind, ...(s.htmlUrl ? { htmlUrl: s.htmlUrl } : {}), ...(s.category ? { category: s.category } : {}) })).sort(
        (a, b) => (a.category ?? '').localeCompare(b.category ?? ''),
      ),
    );
  });

  it('rejects a corrupt OPML file with a typed error and position', () => {
    let err: unknown;
    try {
      parseOpml('<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline text="a" xmlUrl="https://a.example/rss">\n</body></opml>');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FeedError);
    expect(err).toMatchObject({ code: 'malformed-opml', line: 4 });
  });

  it('rejects XML that is not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(expect.objectContaining({ code: 'malformed-opml' }));
    expect(() => parseOpml('<opml version="2.0"><head/></opml>')).toThrow(/no <body>/);
  });
});
