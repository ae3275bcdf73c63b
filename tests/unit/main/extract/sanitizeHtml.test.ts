import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../../main/extract';
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
