import { DOMParser } from 'linkedom';
import { parse, type DefaultTreeAdapterTypes as P5 } from 'parse5';

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(el: Element, attrs: P5.Element['attrs']): void {
  // linkedom puts each new attribute first: set them last to first to keep the page's order.
  for (let i = attrs.length - 1; i >= 0; i--) {
    const { prefix, name, value } = attrs[i];
    el.setAttribute(prefix ? `${prefix}:${name}` : name, value);
  }
}

function build(doc: Document, from: P5.ParentNode, into: Node): void {
  for (const child of from.childNodes) {
    if (child.nodeName === '#text') {
      into.appendChild(doc.createTextNode((child as P5.TextNode).value));
    } else if (child.nodeName === '#comment') {
      into.appendChild(doc.createComment((child as P5.CommentNode).data));
    } else if ('tagName' in child) {
      const el = child.namespaceURI === SVG_NS ? doc.createElementNS(SVG_NS, child.tagName) : doc.createElement(child.tagName);
      setAttributes(el, child.attrs);
      into.appendChild(el);
      // parse5 keeps a <template>'s markup in its `content`, outside childNodes, as browsers do.
      build(doc, child, el);
    }
  }
}

/**
 * Parses a page for reading: parse5 (the HTML standard's tree construction, the same tree jsdom and
 * browsers build) into a linkedom document, a light DOM. For a portal page, parsing and Readability
 * take ~2 ms this way against ~13 ms on jsdom, mostly because jsdom's parser grows every text node a
 * word at a time. Scripts never run: linkedom has no script engine.
 *
 * Relative URLs resolve against `pageUrl`, or the page's first `<base href>` resolved against it, as
 * in a browser tab; `doc.baseURI` says which. Never hand its nodes to DOMPurify, which does nothing
 * on linkedom: sanitizeTree() (sanitizeHtml.ts) copies them to jsdom first.
 */
export function parsePage(html: string, pageUrl: string): Document {
  const tree = parse(html, { scriptingEnabled: false });
  // An empty string makes linkedom return a bare document without parsing anything.
  const doc = new DOMParser().parseFromString('', 'text/html') as unknown as Document;
  const htmlEl = doc.createElement('html');
  // parse5 always builds <html> (with <head> and <body>), whatever the markup lacks.
  const root = tree.childNodes.find((n): n is P5.Element => n.nodeName === 'html');
  if (root) {
    setAttributes(htmlEl, root.attrs);
    build(doc, root, htmlEl);
  }
  doc.appendChild(htmlEl);

  let baseUrl = pageUrl;
  const base = [...doc.getElementsByTagName('base')].find((b) => b.hasAttribute('href'));
  try {
    if (base) baseUrl = new URL(base.getAttribute('href') ?? '', pageUrl).href;
  } catch {
    // An unparsable <base> is ignored by browsers too.
  }
  // linkedom reads baseURI from the first <base> as written, unresolved. Readability resolves links
  // against baseURI and leaves '#x' links alone only when baseURI equals documentURI; jsdom's
  // DOMParser documents (which this replaces) had documentURI about:blank, so '#x' links are
  // resolved against the base like any other.
  Object.defineProperty(doc, 'baseURI', { value: baseUrl });
  Object.defineProperty(doc, 'documentURI', { value: 'about:blank' });
  return doc;
}
