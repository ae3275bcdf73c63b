import { allElements, byTag, hasClass, hasDescendant } from './elementIndex';
import { normalizeSpace } from './normalizeSpace';

// Longer than this, the text next to an image is prose, not a caption.
const MAX_CAPTION = 300;
const CAPTION_CLASSES = new Set(['image_desc', 'image-desc', 'caption']);
const CAPTION_STYLE = new Set(['em', 'i', 'small']);

const textOf = (el: Element): string => normalizeSpace(el.textContent ?? '');

function imageSrc(img: Element): string {
  // Lazy-loading themes keep the real address in data-* attributes.
  return img.getAttribute('src') || img.getAttribute('data-src') || img.getAttribute('data-original') || '';
}

function makeFigure(doc: Document, img: Element, caption: string): HTMLElement {
  const figure = doc.createElement('figure');
  const clean = doc.createElement('img');
  clean.setAttribute('src', imageSrc(img));
  clean.setAttribute('alt', img.getAttribute('alt') ?? '');
  figure.append(clean);
  if (caption) {
    const fc = doc.createElement('figcaption');
    fc.textContent = caption;
    figure.append(fc);
  }
  return figure;
}

/** Text that is entirely italic (or small) is how the portal marks a caption under a centred image. */
function isItalicCaption(el: Element): boolean {
  const text = textOf(el);
  if (!text || text.length > MAX_CAPTION || hasDescendant(el, 'img')) return false;
  let styled = '';
  const visit = (node: Element): void => {
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (CAPTION_STYLE.has(c.localName)) styled += ` ${c.textContent ?? ''}`;
      else visit(c);
    }
  };
  visit(el);
  return normalizeSpace(styled) === text;
}

function soleImage(el: Element): Element | null {
  const imgs = el.getElementsByTagName('img');
  return imgs.length === 1 && !textOf(el) ? imgs[0] : null;
}

/**
 * Rewrites the portal's two image markups into `<figure><img><figcaption>` before Readability runs:
 * a layout table (`table.image` with `td.image_desc`) and a centred `<p><img></p>` followed by a
 * centred `<p><em>caption</em></p>`. Done first because Readability drops layout tables and would
 * keep the caption as a loose paragraph.
 */
export function normalizeFigures(root: Element): void {
  const doc = root.ownerDocument;
  const elements = allElements(root);
  for (const table of byTag(elements, 'table')) {
    const imgs = table.getElementsByTagName('img');
    if (imgs.length !== 1 || hasDescendant(table, 'table')) continue;
    const captionEl = allElements(table).find((el) => hasClass(el, CAPTION_CLASSES) || el.localName === 'figcaption' || el.localName === 'caption');
    const caption = captionEl ? textOf(captionEl) : textOf(table);
    if (caption.length > MAX_CAPTION) continue;
    table.replaceWith(makeFigure(doc, imgs[0], caption));
  }
  for (const holder of byTag(elements, 'p', 'div')) {
    if (!holder.isConnected || !root.contains(holder)) continue;
    const img = soleImage(holder);
    if (!img || hasDescendant(holder, 'p', 'div', 'table', 'figure')) continue;
    const next = holder.nextElementSibling;
    const captioned = !!next && (next.localName === 'p' || next.localName === 'div') && isItalicCaption(next);
    holder.replaceWith(makeFigure(doc, img, captioned && next ? textOf(next) : ''));
    if (captioned && next) next.remove();
  }
}
