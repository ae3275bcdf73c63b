import { describe, expect, it } from 'vitest';
import { extractArticle, ExtractError, type ExtractInput } from '../../../../main/extract';

const enc = new TextEncoder();
const P1 = 'Đoàn công tác đã làm việc với ban thường vụ đảng ủy cơ sở về công tác kiểm tra, giám sát năm 2016.';
const P2 = 'Công tác kiểm tra, giám sát được tiến hành thường xuyên, đúng quy định, có trọng tâm, trọng điểm.';
const P3 = 'Một số hạn chế trong việc lưu trữ hồ sơ đảng viên cần được khắc phục trong thời gian tới.';

function input(html: string, over: Partial<ExtractInput> = {}): ExtractInput {
  return { url: 'http://portal.test/bai-viet/kiem-tra-12.html', contentType: 'text/html; charset=utf-8', body: enc.encode(html), ...over };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
  return 'no error';
}

describe('extractArticle on other markups', () => {
  it('reads a generic CMS page: JSON-LD @graph, meta lead, <article>, existing <figure>', () => {
    const html = `<!DOCTYPE html><html><head><title>Kiểm tra | Báo</title>
<meta name="description" content="${P1}">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Báo"},{"@type":["NewsArticle"],"headline":"Kiểm tra việc thực hiện quy chế",
 "datePublished":"2016-03-01T08:15:00+07:00","author":[{"@type":"Person","name":"Vũ Quang Huy"}],"articleSection":["Kiểm tra"]}]}</script>
</head><body><nav><a href="/">Trang chủ</a></nav>
<article><h1>Kiểm tra việc thực hiện quy chế</h1><p>${P1}</p><p>${P2}</p>
<figure><img src="/anh/1.png" alt="Ảnh"><figcaption>Toàn cảnh hội thảo</figcaption></figure><p>Toàn cảnh hội thảo</p>
<p>${P3}</p><p>Vũ Quang Huy</p></article><footer>Bản quyền</footer></body></html>`;
    const a = extractArticle(input(html));
    expect(a.title).toBe('Kiểm tra việc thực hiện quy chế');
    expect(a.lead).toBe(P1);
    expect(a.text).toBe([P2, P3].join('\n'));
    expect(a.author).toBe('Vũ Quang Huy');
    expect(a.category).toBe('Kiểm tra');
    expect(a.publishedAt).toBe('2016-03-01T01:15:00.000Z');
    expect(a.publishedAtPrecision).toBe('second');
    expect(a.updatedAt).toBe(a.publishedAt);
    expect(a.images).toEqual([{ url: 'http://portal.test/anh/1.png', caption: 'Toàn cảnh hội thảo' }]);
    expect(a.html).toContain('<figure><img src="http://portal.test/anh/1.png" alt="Ảnh"><figcaption>Toàn cảnh hội thảo</figcaption></figure>');
    expect(a.html.split('Toàn cảnh hội thảo<').length - 1).toBe(1);
    expect(a.html).not.toMatch(/Trang chủ|Bản quyền|Vũ Quang Huy/);
    expect(a.canonicalUrl).toBe(a.url);
  });

  it('builds figures from both portal image markups and drops &nbsp; paragraphs', () => {
    const html = `<html><head><title>T</title></head><body><div class="news-detail"><h1 class="title">Tiêu đề</h1>
<div class="date-view">01/03/2016 | 1.234</div><div class="sapo"><strong>Sa pô.</strong></div>
<div class="news-content"><p>${P1}</p>
<p>&nbsp;</p><table class="image" align="center"><tbody><tr><td><img src="/anh/a.png" alt="" width="500"></td></tr><tr><td class="image_desc"><em>Chú thích một</em></td></tr></tbody></table><p>&nbsp;</p>
<p>${P2}</p>
<p style="text-align: center;"><img src="/anh/b.png" alt="Chú thích hai"></p><p style="text-align: center;"><em>Chú thích hai</em></p>
<p>${P3}</p><p style="text-align: right;"><strong>Nguyễn Thu Hà</strong></p></div></div></body></html>`;
    const a = extractArticle(input(html));
    expect(a.text).toBe([P1, P2, P3].join('\n'));
    expect(a.author).toBe('Nguyễn Thu Hà');
    expect(a.views).toBe(1234);
    expect(a.publishedAt).toBe('2016-02-29T17:00:00.000Z');
    expect(a.publishedAtPrecision).toBe('day');
    expect(a.images).toEqual([
      { url: 'http://portal.test/anh/a.png', caption: 'Chú thích một' },
      { url: 'http://portal.test/anh/b.png', caption: 'Chú thích hai' },
    ]);
    expect(a.html).toBe([
      `<p>${P1}</p>`,
      '<figure><img src="http://portal.test/anh/a.png" alt=""><figcaption>Chú thích một</figcaption></figure>',
      `<p>${P2}</p>`,
      '<figure><img src="http://portal.test/anh/b.png" alt="Chú thích hai"><figcaption>Chú thích hai</figcaption></figure>',
      `<p>${P3}</p>`,
    ].join('\n'));
  });

  it('strips scripts, handlers and javascript: links that sit inside the article body', () => {
    const html = `<html><body><h1 class="title">T</h1><div class="news-content"><p onclick="steal()">${P1}</p>
<script>document.cookie</script><p><a href="javascript:alert(1)">bấm</a> ${P2}</p><p><img src="/x.png" onerror="steal()"></p><p>${P3}</p></div></body></html>`;
    const a = extractArticle(input(html));
    expect(a.html).not.toMatch(/script|onclick|onerror|javascript:|document\.cookie/);
    expect(a.text.split('\n')).toEqual([P1, `bấm ${P2}`, P3]);
  });

  it('resolves URLs against <base href> and the final URL after a redirect, without tracking parameters', () => {
    const html = `<html><head><base href="/goc/"><link rel="canonical" href="/bai-viet/chuan.html?utm_source=x"></head><body>
<h1 class="title">T</h1><div class="news-content"><p>${P1}</p><p><img src="anh.png"></p><p>${P2}</p></div></body></html>`;
    const a = extractArticle(input(html, { url: 'http://portal.test/bai-viet/old/12?utm_medium=feed', finalUrl: 'http://portal.test/bai-viet/moi.html?gclid=1' }));
    expect(a.url).toBe('http://portal.test/bai-viet/moi.html');
    expect(a.canonicalUrl).toBe('http://portal.test/bai-viet/chuan.html');
    expect(a.images.map((i) => i.url)).toEqual(['http://portal.test/goc/anh.png']);
  });

  it('accepts HTML served with a vague type, rejects other types', () => {
    const html = `<!DOCTYPE html><html><body><h1>T</h1><article><p>${P1}</p></article></body></html>`;
    expect(extractArticle(input(html, { contentType: 'application/octet-stream' })).text).toBe(P1);
    expect(extractArticle(input(html, { contentType: undefined })).text).toBe(P1);
    expect(codeOf(() => extractArticle(input(html, { contentType: 'application/pdf' })))).toBe('not-html');
    expect(codeOf(() => extractArticle(input('{"a":1}', { contentType: 'text/plain' })))).toBe('not-html');
  });

  it('reports an unsupported charset instead of storing mojibake', () => {
    const html = `<html><body><h1>T</h1><article><p>${P1}</p></article></body></html>`;
    expect(codeOf(() => extractArticle(input(html, { contentType: 'text/html; charset=x-klingon' })))).toBe('unsupported-charset');
  });

  it('rejects pages without an article body', () => {
    expect(codeOf(() => extractArticle(input('<html><body><h1>404 - Trang không tồn tại</h1><div id="footer">Bản quyền</div></body></html>')))).toBe('not-an-article');
    expect(codeOf(() => extractArticle(input('<html><head><title>Tin mới</title></head><body><div class="list-news"><p>a</p></div></body></html>')))).toBe('not-an-article');
    try {
      extractArticle(input('<html><body></body></html>'));
    } catch (err) {
      expect((err as ExtractError).message).toBe('The page does not contain an article');
    }
  });
});
