import type { RelatedLink } from '../../shared/model/article';
import { tryCanonicalizeUrl } from './canonicalizeUrl';
import { normalizeSpace } from './normalizeSpace';
import { parseMachineDate, parsePortalDate, type ParsedDate } from './parsePortalDate';
import { readJsonLd } from './readJsonLd';

/** Everything about an article page except its body. */
export interface PageMetadata {
  title: string;
  lead: string;
  /** Author named by JSON-LD or <meta name="author">; the visible closing line is read with the body. */
  authorHint: string;
  published: ParsedDate | null;
  updated: ParsedDate | null;
  views: number | null;
  category: string;
  /** Absolute, tracking parameters stripped; null when the page has none. */
  canonicalUrl: string | null;
  related: RelatedLink[];
  /** Whether anything marks the page as an article (not a listing or error page). */
  looksLikeArticle: boolean;
  /** The element holding the body, when the markup names it. */
  bodyElement: Element | null;
  /** Elements already read as metadata (title, date line, lead, breadcrumb, related list): not body. */
  consumed: Element[];
}

const BODY_SELECTOR = '.news-content, [itemprop="articleBody"], .article-content, .article-body, .entry-content, .post-content, article';
const LEAD_SELECTOR = '.sapo, .lead, .summary, .chapeau, .article-summary, .news-sapo, [itemprop="description"]';
const DATE_SELECTOR = '.date-view, .date, .time, .post-date, .publish-date, .published, .news-date, .datetime, time';
const BREADCRUMB_SELECTOR = '.breadcrumb, .breadcrumbs, [itemtype$="BreadcrumbList"], nav[aria-label="breadcrumb"]';
const RELATED_HEADING = /^(các bài viết khác|bài viết khác|các tin khác|tin khác|tin liên quan|bài viết liên quan|tin cùng chuyên mục|xem thêm|đọc thêm)\s*:?$/;
const HOME_LINK = /^(trang chủ|home)$/i;

// View counts: "Lượt xem: 1.234", "06/01/2014 | 1234", "1234 lượt xem". Vietnamese groups thousands with dots.
const VIEWS_PATTERNS = [
  /lượt\s*(?:xem|đọc)\s*:?\s*(\d[\d.,]*)/i,
  /\d{4}(?:\s+\d{1,2}:\d{2})?\s*\|\s*(\d[\d.,]*)/,
  /(\d[\d.,]*)\s*lượt\s*(?:xem|đọc)/i,
];

const textOf = (el: Element | null | undefined): string => (el ? normalizeSpace(el.textContent ?? '') : '');

function metaContent(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
  return normalizeSpace(el?.getAttribute('content') ?? '');
}

export function parseViews(text: string): number | null {
  for (const re of VIEWS_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const n = Number(m[1].replace(/[.,]/g, ''));
      if (Number.isSafeInteger(n)) return n;
    }
  }
  return null;
}

function titleFromTitleTag(doc: Document): string {
  // "<article title> | <site name>": the site name is chrome.
  const t = normalizeSpace(doc.title);
  const cut = t.lastIndexOf(' | ');
  return cut > 0 ? t.slice(0, cut) : t;
}

function findTitleElement(doc: Document): Element | null {
  return doc.querySelector('h1.title, h1[itemprop="headline"], h1.article-title, h1.post-title') ?? doc.querySelector('h1');
}

/** Date line near the headline: the related list and listings carry dates too, so look close first. */
function findDateElement(doc: Document, titleEl: Element | null): { el: Element; date: ParsedDate } | null {
  const scopes: ParentNode[] = [];
  if (titleEl?.parentElement) scopes.push(titleEl.parentElement);
  scopes.push(doc);
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll(DATE_SELECTOR)) {
      if (el.closest('.other-news, .related, .list-news')) continue;
      const attr = el.getAttribute('datetime');
      const date = (attr && parseMachineDate(attr)) || parsePortalDate(textOf(el));
      // Prefer the outermost date box so the view count beside the date goes with it.
      if (date) return { el: el.parentElement?.closest(DATE_SELECTOR) ?? el, date };
    }
  }
  return null;
}

function findRelated(doc: Document, base: string, keep: Element[]): { links: RelatedLink[]; region: Element[] } {
  for (const heading of doc.querySelectorAll('h2, h3, h4, h5, h6, .title, strong, b')) {
    if (!RELATED_HEADING.test(textOf(heading).toLowerCase())) continue;
    const parent = heading.parentElement;
    // A box of its own (portal: div.other-news) goes whole; a heading loose in the article takes the list after it.
    const ownBox = parent && parent !== doc.body && !keep.some((k) => parent.contains(k));
    const region = ownBox ? [parent] : [heading, heading.nextElementSibling].filter((x): x is Element => !!x);
    const links: RelatedLink[] = [];
    const seen = new Set<string>();
    for (const el of region) {
      for (const a of el.querySelectorAll('a[href]')) {
        if (heading.contains(a)) continue;
        const url = tryCanonicalizeUrl(a.getAttribute('href'), base);
        const title = textOf(a);
        if (!url || !/^https?:/.test(url) || !title || seen.has(url)) continue;
        seen.add(url);
        links.push({ url, title });
      }
    }
    return { links, region };
  }
  return { links: [], region: [] };
}

function findCategory(doc: Document): { category: string; box: Element | null } {
  const box = doc.querySelector(BREADCRUMB_SELECTOR);
  if (!box) return { category: '', box: null };
  const names = [...box.querySelectorAll('a')].map(textOf).filter((t) => t && !HOME_LINK.test(t));
  return { category: names.at(-1) ?? '', box };
}

export function readPageMetadata(doc: Document): PageMetadata {
  const base = doc.baseURI;
  const ld = readJsonLd(doc);
  const consumed: Element[] = [];

  const titleEl = findTitleElement(doc);
  const title = textOf(titleEl) || ld?.headline || metaContent(doc, 'og:title') || titleFromTitleTag(doc);
  if (titleEl) consumed.push(titleEl);

  const leadEl = doc.querySelector(LEAD_SELECTOR);
  const lead = textOf(leadEl) || metaContent(doc, 'description') || metaContent(doc, 'og:description');
  if (leadEl) consumed.push(leadEl);

  const dateBox = findDateElement(doc, titleEl);
  if (dateBox) consumed.push(dateBox.el);
  const machinePublished = [ld?.datePublished, metaContent(doc, 'article:published_time'), metaContent(doc, 'datePublished')]
    .map((v) => (v ? parseMachineDate(v) : null))
    .find((d): d is ParsedDate => !!d);
  // Machine dates carry the full time; the visible line may show the day only.
  const published = machinePublished ?? dateBox?.date ?? null;
  const machineUpdated = [ld?.dateModified, metaContent(doc, 'article:modified_time'), metaContent(doc, 'dateModified')]
    .map((v) => (v ? parseMachineDate(v) : null))
    .find((d): d is ParsedDate => !!d);

  const viewEl = dateBox?.el.querySelector('.view') ?? doc.querySelector('.view, .views, .view-count');
  const views = parseViews(textOf(dateBox?.el)) ?? parseViews(textOf(viewEl));
  if (viewEl && !consumed.some((c) => c.contains(viewEl))) consumed.push(viewEl);

  const crumbs = findCategory(doc);
  if (crumbs.box) consumed.push(crumbs.box);
  const category = crumbs.category || ld?.section || metaContent(doc, 'article:section');

  const canonicalHref = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const canonicalUrl = tryCanonicalizeUrl(canonicalHref, base);

  const bodyElement = doc.querySelector(BODY_SELECTOR);
  const related = findRelated(doc, base, [titleEl, bodyElement].filter((x): x is Element => !!x));
  consumed.push(...related.region);
  const looksLikeArticle = !!(ld?.isArticle || metaContent(doc, 'og:type') === 'article' || bodyElement || titleEl);

  return {
    title,
    lead,
    authorHint: ld?.author || metaContent(doc, 'author'),
    published,
    updated: machineUpdated ?? null,
    views,
    category,
    canonicalUrl: canonicalUrl && /^https?:/.test(canonicalUrl) ? canonicalUrl : null,
    related: related.links,
    looksLikeArticle,
    bodyElement,
    consumed,
  };
}
