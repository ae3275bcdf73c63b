import { normalizeSpace } from './normalizeSpace';

// Longer than this, the text next to an image is prose, not a caption.
const MAX_CAPTION = 300;

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
  if (!text || text.length > MAX_CAPTION || el.querySelector('img')) return false;
  const styled = [...el.querySelectorAll('em, i, small')].filter((x) => {
    const outer = x.parentElement?.closest('em, i, small');
    return !outer || !el.contains(outer);
  });
  return normalizeSpace(styled.map((x) => x.textContent ?? '').join(' ')) === text;
}

function isImageOnly(el: Element): Element | null {
  const imgs = el.querySelectorAll('img');
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
  for (const table of [...root.querySelectorAll('table')]) {
    const imgs = table.querySelectorAll('img');
    if (imgs.length !== 1 || table.querySelector('table')) continue;
    const captionEl = table.querySelector('.image_desc, .image-desc, .caption, figcaption, caption');
    const caption = captionEl ? textOf(captionEl) : textOf(table);
    if (caption.length > MAX_CAPTION) continue;
    table.replaceWith(makeFigure(doc, imgs[0], caption));
  }
  for (const holder of [...root.querySelectorAll('p, div')]) {
    if (!holder.isConnected || holder.closest('figure')) continue;
    const img = isImageOnly(holder);
    if (!img || holder.querySelector('p, div, table')) continue;
    const next = holder.nextElementSibling;
    const captioned = next && (next.localName === 'p' || next.localName === 'div') && isItalicCaption(next);
    holder.replaceWith(makeFigure(doc, img, captioned ? textOf(next) : ''));
    if (captioned) next.remove();
  }
}
