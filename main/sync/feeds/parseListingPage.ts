import { isInChrome, pageTitle, textContent, withHtmlDocument } from './htmlDocument';
import { resolveLink } from './resolveLink';

export interface ListingLink {
  url: string;
  title: string;
}

export interface ListingPage {
  /** The page's own URL (as given). */
  url: string;
  title: string;
  /** Article links in page order, de-duplicated (tracking parameters stripped). */
  articles: ListingLink[];
  /** The next page (`rel=next`, else a "Sau »"/"Next" pager link), if any. */
  nextUrl?: string;
}

export interface ListingOptions {
  /** Decides which same-site links are articles; default: a path with an id-like run of 3+ digits. */
  isArticleUrl?: (url: URL) => boolean;
}

const ASSET = /\.(?:png|jpe?g|gif|webp|svg|ico|css|js|pdf|docx?|xlsx?|zip|rar|mp3|mp4)$/i;
const NEXT_TEXT = /^(?:sau|trang sau|tiếp|tiếp theo|next|›|»|>|>>)(?:\s*[›»>])?$/i;

/**
 * Default article test: same-site pages whose path carries an id (a run of 3+
 * digits, e.g. `…-1005.html`, `/2024/05/…`, `?newsid=123`). Category pages on
 * Vietnamese portals are plain slugs, so this separates the two without site rules.
 */
export function looksLikeArticleUrl(url: URL): boolean {
  if (url.pathname === '/' || ASSET.test(url.pathname)) return false;
  return /\d{3,}/.test(url.pathname) || /=\d{3,}(?:&|$)/.test(url.search);
}

/** Reads a category listing page: its article links and the link to the next page. */
export function parseListingPage(html: string, pageUrl: string, options: ListingOptions = {}): ListingPage {
  return withHtmlDocument(html, pageUrl, (doc) => readListing(doc, pageUrl, options));
}

export function readListing(doc: Document, pageUrl: string, options: ListingOptions = {}): ListingPage {
  const isArticle = options.isArticleUrl ?? looksLikeArticleUrl;
  const page = new URL(pageUrl);
  const host = bareHost(page.hostname);
  const byUrl = new Map<string, ListingLink>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (isInChrome(a)) continue;
    const url = resolveLink(a.getAttribute('href'), pageUrl);
    if (!url) continue;
    const u = new URL(url);
    if (bareHost(u.hostname) !== host || u.pathname === page.pathname || !isArticle(u)) continue;
    // Thumbnails link with an image only; the headline link beside it carries the title.
    const title = textContent(a) || a.getAttribute('title')?.trim() || '';
    const seen = byUrl.get(url);
    if (!seen) byUrl.set(url, { url, title });
    else if (title.length > seen.title.length) seen.title = title;
  }
  const result: ListingPage = { url: pageUrl, title: pageTitle(doc), articles: [...byUrl.values()] };
  const next = findNext(doc, pageUrl);
  if (next) result.nextUrl = next;
  return result;
}

function findNext(doc: Document, pageUrl: string): string | undefined {
  const rel = doc.querySelector('link[rel~="next" i][href], a[rel~="next" i][href]');
  const fromRel = resolveLink(rel?.getAttribute('href'), pageUrl);
  if (fromRel && fromRel !== pageUrl) return fromRel;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (!NEXT_TEXT.test(textContent(a)) || !inPager(a)) continue;
    const href = resolveLink(a.getAttribute('href'), pageUrl);
    if (href && href !== pageUrl) return href;
  }
  return undefined;
}

function inPager(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (/pag/i.test(`${a.id} ${a.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}

function bareHost(h: string): string {
  return h.toLowerCase().replace(/^www\./, '');
}
