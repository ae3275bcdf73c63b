import { Readability } from '@mozilla/readability';
import type { ArticleImage } from '../../shared/model/article';
import { collectTextLines } from './collectTextLines';
import { allElements, closestWhere, hasClass, hasDescendant } from './elementIndex';
import { normalizeFigures } from './normalizeFigures';
import { normalizeSpace } from './normalizeSpace';
import type { PageMetadata } from './readPageMetadata';
import { sanitizeTree } from './sanitizeHtml';
import { takeAuthorLine } from './takeAuthorLine';

export interface ArticleBody {
  html: string;
  text: string;
  images: ArticleImage[];
  /** The byline taken out of the body, '' when there was none. */
  author: string;
}

// Site chrome, removed before Readability so its scoring never sees menus, sidebars or share bars.
// Readability alone keeps e.g. the "Các bài viết khác" list when it sits inside the article box.
const CHROME_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'iframe', 'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas',
  'nav', 'header', 'footer', 'aside',
]);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
const CHROME_IDS = new Set(['top-banner', 'main-menu', 'menu', 'sidebar', 'footer']);
const CHROME_CLASSES = new Set(['menu', 'sidebar', 'banner', 'share', 'social', 'print', 'tools']);

function isChrome(el: Element): boolean {
  return CHROME_TAGS.has(el.localName)
    || CHROME_ROLES.has(el.getAttribute('role') ?? '')
    || CHROME_IDS.has(el.getAttribute('id') ?? '')
    || hasClass(el, CHROME_CLASSES);
}

// Below Readability's default (500) so short items are accepted on the first pass: the page is
// already stripped of chrome, so the retries Readability would run could only find the same text.
const CHAR_THRESHOLD = 100;

const textOf = (el: Element): string => normalizeSpace(el.textContent ?? '');

function removeChrome(doc: Document, meta: PageMetadata): void {
  const keep = meta.bodyElement;
  for (const el of [...meta.consumed, ...allElements(doc).filter(isChrome)]) {
    // A theme that puts the article inside something named like chrome keeps its article.
    if (keep && el.contains(keep)) continue;
    el.remove();
  }
}

/**
 * Whether a figure already has the shape tidyFigures() rebuilds it to, but for the order of the
 * image's two attributes. Figures made by normalizeFigures() come out of Readability and sanitizing
 * that way, and rebuilding them is the costliest step of post-processing on jsdom.
 */
function isTidy(figure: Element, img: Element, caption: Element | undefined, captionText: string): boolean {
  if (figure.firstChild !== img || img.attributes.length !== 2 || !img.hasAttribute('alt') || img.hasChildNodes()) return false;
  if (!captionText) return !img.nextSibling;
  const text = caption?.firstChild;
  return !!caption && img.nextSibling === caption && !caption.nextSibling && !caption.hasAttributes()
    && text?.nodeType === 3 && !text.nextSibling && (text as Text).data === captionText;
}

function dropCaptionEchoes(figure: Element, captionText: string): void {
  if (!captionText) return;
  for (const sib of [figure.previousElementSibling, figure.nextElementSibling]) {
    if (sib && sib.localName === 'p' && textOf(sib) === captionText) sib.remove();
  }
}

/** Rebuilds each figure as exactly `<figure><img src alt><figcaption>` and drops the caption's echoes. */
function tidyFigures(root: Element): void {
  const doc = root.ownerDocument;
  for (const figure of [...root.getElementsByTagName('figure')]) {
    const img = [...figure.getElementsByTagName('img')].find((i) => i.getAttribute('src'));
    if (!img) {
      figure.remove();
      continue;
    }
    const caption = figure.getElementsByTagName('figcaption')[0];
    const captionText = caption ? textOf(caption) : '';
    if (isTidy(figure, img, caption, captionText)) {
      // `<img src alt>`, as a rebuilt one: stored HTML does not depend on which path a figure took.
      if (img.getAttributeNames()[0] !== 'src') {
        const alt = img.getAttribute('alt') ?? '';
        img.removeAttribute('alt');
        img.setAttribute('alt', alt);
      }
      dropCaptionEchoes(figure, captionText);
      continue;
    }
    const clean = doc.createElement('img');
    clean.setAttribute('src', img.getAttribute('src') ?? '');
    clean.setAttribute('alt', img.getAttribute('alt') ?? '');
    const parts: Node[] = [clean];
    if (captionText) {
      const fc = doc.createElement('figcaption');
      fc.textContent = captionText;
      parts.push(fc);
    }
    figure.replaceChildren(...parts);
    dropCaptionEchoes(figure, captionText);
  }
  for (const img of [...root.getElementsByTagName('img')]) if (!img.getAttribute('src')) img.remove();
}

const MAYBE_EMPTY = new Set(['p', 'li', 'h2', 'h3', 'h4', 'blockquote']);

function removeEmptyBlocks(root: Element): void {
  for (const el of allElements(root)) {
    if (MAYBE_EMPTY.has(el.localName) && !textOf(el) && !hasDescendant(el, 'img')) el.remove();
  }
}

/**
 * The lead and title are stored separately; a body that repeats them first would show them twice.
 * A paragraph equal to the title stays: news texts often open by restating the headline.
 */
function dropRepeats(root: Element, meta: PageMetadata, author: string): void {
  for (let i = 0; i < 2; i++) {
    const first = root.firstElementChild;
    if (!first || first.localName === 'figure') break;
    const text = textOf(first);
    const isHeading = /^h[1-6]$/.test(first.localName);
    if (text && (text === meta.lead || (isHeading && text === meta.title))) first.remove();
    else break;
  }
  const last = root.lastElementChild;
  const byline = author || meta.authorHint;
  if (last && byline && last.localName !== 'figure' && textOf(last) === byline) last.remove();
}

function listImages(root: Element): ArticleImage[] {
  const seen = new Set<string>();
  const images: ArticleImage[] = [];
  for (const img of root.getElementsByTagName('img')) {
    const url = img.getAttribute('src') ?? '';
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const figure = closestWhere(img, (el) => el.localName === 'figure');
    const caption = figure?.getElementsByTagName('figcaption')[0];
    images.push({ url, caption: caption ? textOf(caption) : '' });
  }
  return images;
}

/**
 * Cuts the article body out of a parsed page: chrome and metadata elements go, the portal's image
 * markups become figures, the closing byline is taken out, Readability picks the body, DOMPurify
 * keeps only article tags. Mutates `doc`. Returns null when no body text or image is left.
 */
export function extractBody(doc: Document, meta: PageMetadata): ArticleBody | null {
  const baseUrl = doc.baseURI;
  removeChrome(doc, meta);
  const scope = meta.bodyElement?.isConnected ? meta.bodyElement : doc.body;
  if (!scope) return null;
  normalizeFigures(scope);
  const author = takeAuthorLine(scope, meta.authorHint);

  const parsed = new Readability<Node>(doc, {
    serializer: (node) => node,
    charThreshold: CHAR_THRESHOLD,
    disableJSONLD: true,
  }).parse();
  if (!parsed?.content) return null;

  // The page is a linkedom document; DOMPurify sanitizes on jsdom, so the rest works on jsdom nodes.
  const body = sanitizeTree(parsed.content, { baseUrl });
  tidyFigures(body);
  removeEmptyBlocks(body);
  dropRepeats(body, meta, author);

  const lines = collectTextLines(body);
  const images = listImages(body);
  if (!lines.length && !images.length) return null;
  return { html: body.innerHTML.trim(), text: lines.join('\n'), images, author };
}
