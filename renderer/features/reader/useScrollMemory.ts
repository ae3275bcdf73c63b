import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useReadingPosition } from '../../hooks/useArticle';

const SAVE_DELAY_MS = 400;
/** Images, fonts and late panels that settle this soon after opening may still move the text; keep the place through them. */
const SETTLE_MS = 3000;

const fractionOf = (pane: HTMLElement) => {
  const max = pane.scrollHeight - pane.clientHeight;
  return max > 0 ? pane.scrollTop / max : 0;
};

/**
 * Remembers how far down each article the reader scrolled, and returns there when it is opened again.
 * An article read to the end opens at the top. The position is a fraction of the scrollable height, so a
 * different font size or window width lands on about the same paragraph.
 */
export function useScrollMemory(paneRef: RefObject<HTMLElement | null>, articleId: string | undefined): void {
  const { load, save } = useReadingPosition();
  // The article on screen, set in the same commit that shows it: a scroll event still queued from the
  // previous article (our own reset to the top) must not be saved as that article's position.
  const shown = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const pane = paneRef.current;
    shown.current = articleId;
    if (!pane || !articleId) return;
    pane.scrollTop = 0;
    let target = 0;
    let touched = false;
    const apply = () => {
      if (!touched && target > 0) pane.scrollTop = target * (pane.scrollHeight - pane.clientHeight);
    };
    const stopFollowing = () => (touched = true);
    // Once the reader scrolls themselves, their position wins.
    const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
    events.forEach((e) => pane.addEventListener(e, stopFollowing, { passive: true }));
    const resize = new ResizeObserver(apply);
    resize.observe(pane);
    if (pane.firstElementChild) resize.observe(pane.firstElementChild);
    const settle = setTimeout(() => {
      stopFollowing();
      resize.disconnect();
    }, SETTLE_MS);
    let alive = true;
    void load(articleId).then((p) => {
      if (!alive || p <= 0 || p >= 0.98) return;
      target = p;
      apply();
    });
    return () => {
      alive = false;
      clearTimeout(settle);
      resize.disconnect();
      events.forEach((e) => pane.removeEventListener(e, stopFollowing));
    };
  }, [paneRef, articleId, load]);

  // Saving: the fraction is taken when the scroll happens, not at cleanup, when the next article is
  // already laid out.
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || !articleId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: number | null = null;
    const flush = () => {
      if (pending === null) return;
      void save(articleId, pending);
      pending = null;
    };
    const onScroll = () => {
      if (shown.current !== articleId) return;
      pending = fractionOf(pane);
      clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    return () => {
      pane.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      clearTimeout(timer);
      flush();
    };
  }, [paneRef, articleId, save]);
}
