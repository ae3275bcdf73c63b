import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { sharedWindowForNewWork, type SharedWindow } from './sharedWindow';

export interface SanitizeOptions {
  /** Resolve relative `href`/`src` against this URL so stored HTML does not depend on where it is shown. */
  baseUrl?: string;
}

/** Tags an article body may keep; everything else is unwrapped (text kept) or, for active content, dropped. */
export const ARTICLE_TAGS = [
  'p', 'h2', 'h3', 'h4', 'figure', 'figcaption', 'img', 'em', 'strong', 'b', 'i', 'a',
  'ul', 'ol', 'li', 'blockquote', 'br',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
] as const;

const ARTICLE_ATTRS = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'scope'];

// Elements whose content is not article text: drop them whole instead of unwrapping their text.
const DROP_WITH_CONTENT = ['iframe', 'object', 'embed', 'canvas', 'button', 'select', 'option', 'textarea', 'form', 'nav', 'aside', 'footer'];

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE = /^(https?:|data:image\/(png|jpe?g|gif|webp);)/i;

const BASE_CONFIG: Config = {
  ALLOWED_TAGS: [...ARTICLE_TAGS],
  ALLOWED_ATTR: ARTICLE_ATTRS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  KEEP_CONTENT: true,
};

let purifier: { window: SharedWindow; instance: DOMPurify } | null = null;
// The hook needs the base URL of the current call; sanitizing is synchronous, so a module slot is safe.
let currentBase: string | undefined;

const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;

function absolutize(value: string, safe: RegExp): string | null {
  // Without a base a relative URL stays relative: it cannot name a dangerous scheme.
  if (!currentBase) return !HAS_SCHEME.test(value) || safe.test(value.trim()) ? value : null;
  try {
    const abs = new URL(value, currentBase).href;
    return safe.test(abs) ? abs : null;
  } catch {
    return null;
  }
}

// DOMPurify parses in the window it is bound to, so it follows the shared window when that is renewed.
function instance(window: SharedWindow): DOMPurify {
  if (purifier?.window === window) return purifier.instance;
  const p = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.localName === 'a') {
      const href = el.getAttribute('href');
      // In-page anchors lose their target once the page chrome is gone.
      const abs = href && !href.startsWith('#') ? absolutize(href, SAFE_LINK) : null;
      if (abs) el.setAttribute('href', abs);
      else el.removeAttribute('href');
    } else if (el.localName === 'img') {
      const src = el.getAttribute('src');
      const abs = src ? absolutize(src, SAFE_IMAGE) : null;
      if (abs) el.setAttribute('src', abs);
      else el.removeAttribute('src');
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
  });
  purifier = { window, instance: p };
  return p;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ALLOWED_TAGS = new Set<string>(ARTICLE_TAGS);
const ALLOWED_ATTRS = new Set(ARTICLE_ATTRS);
// Elements DOMPurify replaces by their content under BASE_CONFIG (not allowed, not in its or our
// drop-with-content lists, not void or raw text); sanitizeHtml.test.ts checks that it still does.
export const UNWRAPPED_TAGS: readonly string[] = [
  'div', 'span', 'section', 'article', 'main', 'font', 'center', 'h1', 'h5', 'h6',
  'u', 's', 'small', 'big', 'sup', 'sub', 'mark', 'abbr', 'cite', 'time', 'address',
];
const UNWRAPPED = new Set(UNWRAPPED_TAGS);

/**
 * Copies `node` (from any DOM implementation) into `doc`, leaving out only what DOMPurify would take
 * out anyway: comments, attributes outside ARTICLE_ATTRS, and the wrappers it unwraps. Everything
 * else is copied as is for DOMPurify to judge. jsdom builds this way ~10x faster than it parses
 * markup (its parser grows a text node one word at a time), and DOMPurify then moves fewer nodes.
 */
function copyForSanitizer(doc: Document, node: Node, into: Node): void {
  if (node.nodeType === 3) {
    into.appendChild(doc.createTextNode((node as Text).data));
    return;
  }
  if (node.nodeType !== 1) return;
  const from = node as Element;
  const ns = from.namespaceURI ?? HTML_NS;
  const tag = ns === HTML_NS ? from.localName.toLowerCase() : from.localName;
  let el: Element | null = null;
  // A <body> inside the content is unwrapped like any disallowed tag: only the walk root may be one.
  if (ns !== HTML_NS || !(UNWRAPPED.has(tag) || tag === 'body')) {
    try {
      el = ns === HTML_NS ? doc.createElement(tag) : doc.createElementNS(ns, tag);
    } catch {
      // A name jsdom cannot create (the HTML parser accepts more) is not allowed: DOMPurify would unwrap it.
    }
  }
  if (el && ns === HTML_NS && ALLOWED_TAGS.has(tag)) {
    for (const name of from.getAttributeNames()) if (ALLOWED_ATTRS.has(name)) el.setAttribute(name, from.getAttribute(name) ?? '');
  }
  for (let c = from.firstChild; c; c = c.nextSibling) copyForSanitizer(doc, c, el ?? into);
  if (el) into.appendChild(el);
}

// sanitizeTree()'s copy is its own, so DOMPurify may work on it in place instead of importing it into
// a new document (~0.6 ms each in jsdom). In place it needs an allowed root: <body>, its usual walk
// root, which it would otherwise unwrap (and that unwrapping deep-clones the whole content).
const TREE_CONFIG: Config = { ...BASE_CONFIG, ALLOWED_TAGS: [...ARTICLE_TAGS, 'body'], IN_PLACE: true };

/**
 * Sanitizes `node` and its subtree, parsed by another DOM implementation (the page's linkedom
 * document, where DOMPurify does not work: it returns its input unchanged there), as sanitizeHtml()
 * would its markup. Returns a detached `<body>` of the shared jsdom window's document holding the
 * result. Only call where no jsdom node from an earlier call is still in use: the window may be renewed.
 */
export function sanitizeTree(node: Node, options: SanitizeOptions = {}): HTMLElement {
  const window = sharedWindowForNewWork();
  const doc = window.document;
  const root = doc.createElement('body');
  copyForSanitizer(doc, node, root);
  currentBase = options.baseUrl;
  try {
    instance(window).sanitize(root, TREE_CONFIG);
  } finally {
    currentBase = undefined;
  }
  return root;
}

/**
 * Keeps only article markup: no scripts, styles, event handlers, iframes, forms, classes or
 * `javascript:` URLs. Links may only be http(s)/mailto/tel, images http(s) or inline raster data.
 */
export function sanitizeHtml(dirty: string, options: SanitizeOptions = {}): string {
  currentBase = options.baseUrl;
  try {
    return instance(sharedWindowForNewWork()).sanitize(dirty, { ...BASE_CONFIG }) as unknown as string;
  } finally {
    currentBase = undefined;
  }
}
