import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../../main/extract';
import { parsePage } from '../../../../main/extract/parsePage';
import { sanitizeTree, UNWRAPPED_TAGS } from '../../../../main/extract/sanitizeHtml';
import { sharedWindow } from '../../../../main/extract/sharedWindow';

describe('sanitizeHtml', () => {
  it('removes scripts, styles and their content', () => {
    const out = sanitizeHtml('<p>a</p><script>alert(1)</script><style>p{color:red}</style><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('removes on* event handlers and inline styles', () => {
    const out = sanitizeHtml('<p onclick="steal()" style="color:red" class="x" id="y">a<img src="http://x.test/a.png" onerror="steal()" alt="A"></p>');
    expect(out).toBe('<p>a<img src="http://x.test/a.png" alt="A"></p>');
    expect(out).not.toMatch(/on\w+=|style=|class=|id=/);
  });

  it('drops javascript: URLs and iframes (with their fallback text)', () => {
    const out = sanitizeHtml('<p><a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a></p><iframe src="http://evil.test">fallback</iframe>');
    expect(out).toBe('<p><a>x</a><a>y</a></p>');
  });

  it('drops forms and active embeds with their content', () => {
    expect(sanitizeHtml('<form><button>Gửi</button><input value="x"></form><object>o</object><embed src="x"><p>ok</p>')).toBe('<p>ok</p>');
  });

  it('keeps article markup: headings, lists, quotes, tables, figures, emphasis', () => {
    const html = '<h2>A</h2><h3>B</h3><h4>C</h4><p><em>e</em><strong>s</strong><b>b</b><i>i</i><br></p><ul><li>1</li></ul><ol><li>2</li></ol>'
      + '<blockquote>q</blockquote><table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>'
      + '<figure><img src="http://x.test/a.png" alt=""><figcaption>cap</figcaption></figure>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('unwraps other elements but keeps their text', () => {
    expect(sanitizeHtml('<div><span>text</span> <font>more</font></div><h1>T</h1>')).toBe('text moreT');
  });

  it('resolves relative links and images against baseUrl', () => {
    const out = sanitizeHtml('<p><a href="/bai-viet/a.html">a</a><img src="../anh/1.png"><a href="#top">t</a></p>', { baseUrl: 'http://portal.test/bai-viet/x/y.html' });
    expect(out).toBe('<p><a href="http://portal.test/bai-viet/a.html">a</a><img src="http://portal.test/bai-viet/anh/1.png" alt=""><a>t</a></p>');
  });

  it('keeps relative URLs relative when no baseUrl is given', () => {
    expect(sanitizeHtml('<p><a href="/a.html">a</a><img src="b.png" alt="B"><a href="vbscript:x">c</a></p>')).toBe('<p><a href="/a.html">a</a><img src="b.png" alt="B"><a>c</a></p>');
  });

  it('refuses non-image data: URLs', () => {
    expect(sanitizeHtml('<img src="data:text/html;base64,PHNjcmlwdD4=">')).toBe('<img alt="">');
  });

  it('reuses one window across many calls', () => {
    // A window per call costs several ms each; one is shared and renewed only every couple of hundred documents.
    const windows = new Set<unknown>();
    for (let i = 0; i < 300; i++) {
      expect(sanitizeHtml(`<p onclick="x">${i}</p>`)).toBe(`<p>${i}</p>`);
      windows.add(sharedWindow());
    }
    expect(windows.size).toBeLessThanOrEqual(4);
  });
});

// Pages are parsed with linkedom (parsePage.ts); sanitizeTree() hands their articles to DOMPurify on jsdom.
describe('sanitizeTree', () => {
  const BASE = 'http://portal.test/bai-viet/x/y.html';
  const treeOf = (html: string): Node => parsePage(html, BASE).body;

  it('removes scripts, styles, event handlers and javascript: URLs from a linkedom tree', () => {
    const out = sanitizeTree(treeOf('<div class="news-content"><p onclick="steal()" style="color:red">a<img src="/a.png" onerror="steal()" alt="A"></p>'
      + '<script>alert(1)</script><style>p{}</style><p><a href="javascript:alert(1)" onmouseover="x()">b</a></p>'
      + '<svg onload="x()"><script>alert(2)</script></svg><iframe src="http://evil.test">fallback</iframe></div>'), { baseUrl: BASE }).innerHTML;
    expect(out).toBe('<p>a<img src="http://portal.test/a.png" alt="A"></p><p><a>b</a></p>');
  });

  it('gives exactly what sanitizeHtml gives for the same markup', () => {
    const samples = [
      '<p onclick="x()">a<img src="../anh/1.png"><a href="#top">t</a><a href="/b.html" title="T" class="c">b</a></p>',
      '<div><span>text</span> <font color="red">more</font></div><h1>T</h1><h5>five</h5><section><article><p>deep</p></article></section>',
      '<form><button>Gửi</button><input value="x"></form><object>o</object><embed src="x"><p>ok</p><select><option>o</option></select>',
      '<table class="x"><tr><td colspan="2" style="x">1</td></tr></table><ul><li>a<li>b</ul><blockquote>q</blockquote>',
      '<figure><img data-src="x.png" src="data:image/png;base64,AAAA"><figcaption>c</figcaption></figure><img src="data:text/html;base64,PHNjcmlwdD4=">',
      '<noscript><p>fallback</p></noscript><template><p>inert</p></template><math><mi>x</mi></math><!-- c --><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &nbsp;</p>',
      '<p>a<body onload="x()">b</body><html lang="vi">c</html><head><title>t</title></head><xmp><b>x</b></xmp><custom-el a="1">ce</custom-el></p>',
      '<a href="mailto:a@b.vn">m</a><a href="tel:+84">t</a><a href="vbscript:x">v</a><a href=" JaVaScRiPt:alert(1)">j</a><img src="http://x.test/a.png" alt="">',
      UNWRAPPED_TAGS.map((t) => `<${t} id="i" class="c" onclick="x()">${t} </${t}>`).join(''),
    ];
    for (const html of samples) {
      expect(sanitizeTree(treeOf(html), { baseUrl: BASE }).innerHTML, html).toBe(sanitizeHtml(html, { baseUrl: BASE }));
    }
  });

  it('only skips wrappers that DOMPurify itself unwraps', () => {
    // sanitizeTree() unwraps these while copying; if DOMPurify ever dropped one with its content, the copy would leak it.
    for (const tag of UNWRAPPED_TAGS) expect(sanitizeHtml(`<${tag} class="c">kept</${tag}>`), tag).toBe('kept');
  });
});

