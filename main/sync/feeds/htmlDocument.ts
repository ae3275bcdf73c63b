import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses HTML without running scripts or loading subresources and hands the
 * document to `read`, closing the window afterwards so listing walks over
 * hundreds of pages do not accumulate jsdom windows.
 */
export function withHtmlDocument<T>(html: string, url: string, read: (doc: Document) => T): T {
  // A silent console: portal pages are full of CSS jsdom cannot parse, which is not our problem.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return read(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/** The page title without the " | Site name" / " - Site name" suffix portals append. */
export function pageTitle(doc: Document): string {
  const full = (doc.title || '').replace(/\s+/g, ' ').trim();
  const cut = full.split(/\s+[|–—-]\s+/)[0];
  return cut || full;
}

/** Text of an element, whitespace collapsed. */
export function textContent(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo']);
const CHROME_WORDS = /menu|sidebar|footer|breadcrumb|paging|pagination/;
const MENU_WORDS = /menu/;

/**
 * True when `el` sits in site chrome — menus, sidebars, footers, breadcrumbs,
 * pagers — which link to everything but are not content. An ancestor walk with
 * plain string tests: a CSS `closest()` with case-insensitive attribute
 * selectors costs jsdom milliseconds per link.
 */
export function isInChrome(el: Element): boolean {
  return hasAncestor(el, (a) => CHROME_TAGS.has(a.tagName) || CHROME_ROLES.has(a.getAttribute('role') ?? '') || CHROME_WORDS.test(idAndClass(a)));
}

/** True when `el` sits in a navigation menu (where portals list their categories). */
export function isInMenu(el: Element): boolean {
  return hasAncestor(el, (a) => a.tagName === 'NAV' || a.getAttribute('role') === 'navigation' || MENU_WORDS.test(idAndClass(a)));
}

function hasAncestor(el: Element, test: (a: Element) => boolean): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (test(a)) return true;
  return false;
}

function idAndClass(el: Element): string {
  return `${el.id} ${el.getAttribute('class') ?? ''}`.toLowerCase();
}
