import { JSDOM } from 'jsdom';

export type SharedWindow = JSDOM['window'];

// jsdom ties every document to a window for life (jsdom 27: elements with an id stay in the window's
// named-property tracker while attached, whatever document they are in). Only DOMPurify and the
// post-processing of its output work in it (pages are parsed with linkedom, parsePage.ts); a fresh
// window every so often bounds whatever accumulates.
const DOCUMENTS_PER_WINDOW = 200;

let current: { dom: JSDOM; documents: number } | null = null;

// jsdom's selector engine (@asamuzakjp/dom-selector) adds capture listeners for these to the window
// for every document it serves, to track focus for :focus-visible, and never removes them. On a
// long-lived window they pin every parsed page (and the last node queried in it) in memory and make
// each addEventListener slower. Nothing dispatches UI events here, so the window ignores them.
const UI_EVENTS = new Set(['focus', 'focusin', 'keydown', 'keyup', 'mouseover', 'mousedown', 'mouseup', 'click', 'mouseout']);

function create(): { dom: JSDOM; documents: number } {
  // Scripts never run: jsdom leaves `runScripts` off by default.
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', { url: 'about:blank' });
  const window = dom.window;
  const add = window.addEventListener.bind(window);
  window.addEventListener = ((type: string, ...rest: unknown[]) => {
    if (!UI_EVENTS.has(type)) (add as (...args: unknown[]) => void)(type, ...rest);
  }) as typeof window.addEventListener;
  return { dom, documents: 0 };
}

/**
 * The process-wide jsdom window DOMPurify is bound to: creating a window costs several milliseconds.
 * Never replaced during the call, so DOM nodes handed between modules within one extraction share a window.
 */
export function sharedWindow(): SharedWindow {
  current ??= create();
  current.documents++;
  return current.dom.window;
}

/**
 * Like sharedWindow(), but first retires a well-used window. Only call where no DOM node from an
 * earlier call is still being worked on (the start of an extraction or a string-to-string sanitize).
 */
export function sharedWindowForNewWork(): SharedWindow {
  if (current && current.documents >= DOCUMENTS_PER_WINDOW) current = null;
  return sharedWindow();
}
