import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { sharedWindow, sharedWindowForNewWork, type SharedWindow } from './sharedWindow';

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

/** Sanitizes to a fragment of the shared window's document, for callers that keep working on the DOM. */
export function sanitizeToFragment(dirty: string | Node, options: SanitizeOptions = {}): DocumentFragment {
  currentBase = options.baseUrl;
  try {
    // No window renewal here: `dirty` may be a node of the current window.
    return instance(sharedWindow()).sanitize(dirty, { ...BASE_CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  } finally {
    currentBase = undefined;
  }
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
