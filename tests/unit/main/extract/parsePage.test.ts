import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../main/extract/parsePage';
import { sharedWindow } from '../../../../main/extract/sharedWindow';

type Shape = string | [string, string[], Shape[]];

/** Tag names, attributes (in order) and text of a tree, whatever DOM implementation holds it. */
function shape(node: Node): Shape[] {
  const out: Shape[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push((c as Text).data);
    else if (c.nodeType === 8) out.push(`<!--${(c as Comment).data}-->`);
    else if (c.nodeType === 1) {
      const el = c as Element;
      out.push([el.localName, el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`), shape(el)]);
    }
  }
  return out;
}

// Markup the HTML standard's tree construction repairs in ways a simpler parser would not.
const MALFORMED = [
  '<p>no html, head or body',
  '<title>A &amp; B</title><meta charset="utf-8"><p>x</p>',
  '<html><body><p>a<p>b</p></p><ul><li>1<li>2</ul></body></html><p>after html</p>',
  '<table><p>fostered</p><tr><td>1<td>2</table>',
  '<b><i>misnested</b> formatting</i> <a href="/x">one<a href="/y">two</a></a>',
  '<div CLASS="Box" Data-X="1" class="second" title="t">upper-case and duplicate attributes</div><img src="a.png" alt="A" title="T">',
  '<p>&copy2024 &notit; &amp; &nbsp;&eacute; e&#x301; &#128512;</p>',
  '<noscript><p>fallback</p></noscript><template><h1>inert</h1></template><textarea><b>raw</b></textarea>',
  '<svg viewBox="0 0 1 1"><title>icon</title><foreignObject><p>x</p></foreignObject></svg><script>if (a < b) {}</script>',
  '<!-- comment --><p>x</p></br><select><option>o</select><h1>T</h1><h2>heading<h3>nested</h3></h2>',
];

describe('parsePage', () => {
  it('builds the same tree jsdom (the HTML standard) builds, malformed markup included', () => {
    const window = sharedWindow();
    for (const html of MALFORMED) {
      const reference = new window.DOMParser().parseFromString(html, 'text/html');
      expect(shape(parsePage(html, 'http://portal.test/').documentElement), html).toEqual(shape(reference.documentElement));
    }
  });

  it('always has <html>, <head> and <body>, and finds the title where the standard does', () => {
    const doc = parsePage('<p>loose text', 'http://portal.test/');
    expect([doc.documentElement.localName, doc.head.localName, doc.body.textContent]).toEqual(['html', 'head', 'loose text']);
    expect(parsePage('<title> Tiêu   đề </title><p>x', 'http://portal.test/').head.textContent).toBe(' Tiêu   đề ');
  });

  it('resolves relative URLs against the page, or its first <base href> resolved against the page', () => {
    expect(parsePage('<html><head></head><body><a href="b.html">x</a></body></html>', 'http://portal.test/a/').baseURI).toBe('http://portal.test/a/');
    const based = parsePage('<html><head><base target="_blank"><base href="/goc/"><base href="/khac/"></head><body></body></html>', 'http://portal.test/a/');
    expect(based.baseURI).toBe('http://portal.test/goc/');
    expect(parsePage('<base href="http://[broken"><p>x', 'http://portal.test/a/').baseURI).toBe('http://portal.test/a/');
  });

  it('never runs page scripts', () => {
    const doc = parsePage('<html><body><script>document.body.setAttribute("data-ran", "1")</script></body></html>', 'http://portal.test/');
    expect(doc.body.hasAttribute('data-ran')).toBe(false);
    expect(doc.getElementsByTagName('script')[0].textContent).toContain('data-ran');
  });
});
