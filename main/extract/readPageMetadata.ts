import type { RelatedLink } from '../../shared/model/article';
import { tryCanonicalizeUrl } from './canonicalizeUrl';
import { allElements, byTag, closestWhere, hasClass } from './elementIndex';
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

// Class names portals (this one first) and common CMS themes give these parts.
const BODY_CLASSES = new Set(['news-content', 'article-content', 'article-body', 'entry-content', 'post-content', 'detail-content']);
const LEAD_CLASSES = new Set(['sapo', 'lead', 'summary', 'chapeau', 'article-summary', 'news-sapo']);
const DATE_CLASSES = new Set(['date-view', 'date', 'time', 'post-date', 'publish-date', 'published', 'news-date', 'datetime']);
const VIEW_CLASSES = new Set(['view', 'views', 'view-count']);
const TITLE_CLASSES = new Set(['title', 'article-title', 'post-title', 'news-title']);
const BREADCRUMB_CLASSES = new Set(['breadcrumb', 'breadcrumbs']);
const LISTING_CLASSES = new Set(['other-news', 'related', 'list-news']);
const RELATED_HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b']);
const RELATED_HEADING = /^(các bài viết khác|bài viết khác|các tin khác|tin khác|tin liên quan|bài viết liên quan|tin cùng chuyên mục|xem thêm|đọc thêm)\s*:?$/;
const HOME_LINK = /^(trang chủ|home)$/i;

// View counts: "Lượt xem: 1.234", "06/01/2014 | 1234", "1234 lượt xem". Vietnamese groups thousands with dots.
const VIEWS_PATTERNS = [
  /lượt\s*(?:xem|đọc)\s*:?\s*(\d[\d.,]*)/i,
  /\d{4}(?:\s+\d{1,2}:\d{2})?\s*\|\s*(\d[\d.,]*)/,
  /(\d[\d.,]*)\s*lượt\s*(?:xem|đọc)/i,
];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

const textOf = (el: Element | null | undefined): string => (el ? normalizeSpace(el.textContent ?? '') : '');

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

/** `<meta property|name|itemprop>` contents, first occurrence wins. */
function metaMap(elements: readonly Element[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of byTag(elements, 'meta')) {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const content = el.getAttribute('content');
    if (key && content && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), normalizeSpace(content));
  }
  return map;
}

function titleFromTitleTag(elements: readonly Element[]): string {
  // document.title, read the standard's way (first HTML <title> anywhere): linkedom only looks in <head>.
  // "<article title> | <site name>": the site name is chrome.
  const t = textOf(elements.find((el) => el.localName === 'title' && el.namespaceURI === HTML_NS));
  const cut = t.lastIndexOf(' | ');
  return cut > 0 ? t.slice(0, cut) : t;
}

function findTitleElement(elements: readonly Element[]): Element | null {
  const h1s = byTag(elements, 'h1');
  return h1s.find((h) => hasClass(h, TITLE_CLASSES) || h.getAttribute('itemprop') === 'headline') ?? h1s[0] ?? null;
}

const isListing = (el: Element): boolean => hasClass(el, LISTING_CLASSES);
const isDateBox = (el: Element): boolean => el.localName === 'time' || hasClass(el, DATE_CLASSES);

/** Date line near the headline: the related list and listings carry dates too, so look close first. */
function findDateElement(elements: readonly Element[], titleEl: Element | null): { el: Element; date: ParsedDate } | null {
  const near = titleEl?.parentElement;
  const scopes = near ? [elements.filter((el) => near.contains(el)), elements] : [elements];
  for (const scope of scopes) {
    for (const el of scope) {
      if (!isDateBox(el) || closestWhere(el, isListing)) continue;
      const attr = el.getAttribute('datetime');
      const date = (attr && parseMachineDate(attr)) || parsePortalDate(textOf(el));
      // Document order puts an outer date box (with the view count beside the date) first.
      if (date) return { el, date };
    }
  }
  return null;
}

function findRelated(doc: Document, elements: readonly Element[], keep: Element[]): { links: RelatedLink[]; region: Element[] } {
  for (const heading of elements) {
    if (!RELATED_HEADING_TAGS.has(heading.localName) && !hasClass(heading, TITLE_CLASSES)) continue;
    if (!RELATED_HEADING.test(textOf(heading).toLowerCase())) continue;
    const parent = heading.parentElement;
    // A box of its own (portal: div.other-news) goes whole; a heading loose in the article takes the list after it.
    const ownBox = parent && parent !== doc.body && !keep.some((k) => parent.contains(k));
    const region = ownBox ? [parent] : [heading, heading.nextElementSibling].filter((x): x is Element => !!x);
    const links: RelatedLink[] = [];
    const seen = new Set<string>();
    for (const el of region) {
      for (const a of el.getElementsByTagName('a')) {
        if (heading.contains(a)) continue;
        const url = tryCanonicalizeUrl(a.getAttribute('href'), doc.baseURI);
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

function findCategory(elements: readonly Element[]): { category: string; box: Element | null } {
  const box = elements.find((el) =>
    hasClass(el, BREADCRUMB_CLASSES)
    || (el.getAttribute('itemtype') ?? '').endsWith('BreadcrumbList')
    || (el.localName === 'nav' && /breadcrumb/i.test(el.getAttribute('aria-label') ?? '')));
  if (!box) return { category: '', box: null };
  const names = [...box.getElementsByTagName('a')].map(textOf).filter((t) => t && !HOME_LINK.test(t));
  return { category: names.at(-1) ?? '', box };
}

function firstDate(values: (string | undefined)[]): ParsedDate | null {
  for (const v of values) {
    const d = v ? parseMachineDate(v) : null;
    if (d) return d;
  }
  return null;
}

export function readPageMetadata(doc: Document): PageMetadata {
  const elements = allElements(doc);
  const ld = readJsonLd(elements);
  const meta = metaMap(elements);
  const consumed: Element[] = [];

  const titleEl = findTitleElement(elements);
  const title = textOf(titleEl) || ld?.headline || meta.get('og:title') || titleFromTitleTag(elements);
  if (titleEl) consumed.push(titleEl);

  const leadEl = elements.find((el) => hasClass(el, LEAD_CLASSES) || el.getAttribute('itemprop') === 'description');
  const lead = textOf(leadEl) || meta.get('description') || meta.get('og:description') || '';
  if (leadEl) consumed.push(leadEl);

  const dateBox = findDateElement(elements, titleEl);
  if (dateBox) consumed.push(dateBox.el);
  // Machine dates carry the full time; the visible line may show the day only.
  const published = firstDate([ld?.datePublished, meta.get('article:published_time'), meta.get('datepublished')]) ?? dateBox?.date ?? null;
  const updated = firstDate([ld?.dateModified, meta.get('article:modified_time'), meta.get('datemodified')]);

  const viewEl = elements.find((el) => hasClass(el, VIEW_CLASSES)) ?? null;
  const views = parseViews(textOf(dateBox?.el)) ?? parseViews(textOf(viewEl));
  if (viewEl && !consumed.some((c) => c.contains(viewEl))) consumed.push(viewEl);

  const crumbs = findCategory(elements);
  if (crumbs.box) consumed.push(crumbs.box);
  const category = crumbs.category || ld?.section || meta.get('article:section') || '';

  const canonicalLink = byTag(elements, 'link').find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const canonicalUrl = tryCanonicalizeUrl(canonicalLink?.getAttribute('href'), doc.baseURI);

  const bodyElement = elements.find((el) => hasClass(el, BODY_CLASSES) || el.getAttribute('itemprop') === 'articleBody')
    ?? byTag(elements, 'article')[0] ?? null;
  const related = findRelated(doc, elements, [titleEl, bodyElement].filter((x): x is Element => !!x));
  consumed.push(...related.region);

  return {
    title,
    lead,
    authorHint: ld?.author || meta.get('author') || '',
    published,
    updated,
    views,
    category,
    canonicalUrl: canonicalUrl && /^https?:/.test(canonicalUrl) ? canonicalUrl : null,
    related: related.links,
    looksLikeArticle: !!(ld?.isArticle || meta.get('og:type') === 'article' || bodyElement || titleEl),
    bodyElement,
    consumed,
  };
}
