import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { clearHighlights, findMatches, scrollToRange, showHighlights } from './findMatches';
import './search.css';

interface Props {
  /** The reader pane: where matches are looked for and scrolled to. */
  readerRef: RefObject<HTMLElement | null>;
  /** The article on screen; find opens only while there is one. */
  articleId: string | null;
}

/** Re-reading the article after it re-renders (images arriving, read state) waits for it to settle. */
const SETTLE_MS = 80;

/**
 * Find in the open article (Ctrl+F): tone-insensitive matches highlighted in place with the CSS Custom
 * Highlight API, so the reader's DOM is never changed; "3/12", Enter / Shift+Enter or the buttons move
 * between matches, Esc closes and returns to the article.
 */
export function FindBar({ readerRef, articleId }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollNext = useRef(false);
  const [place, setPlace] = useState<{ bottom: number; right: number } | null>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f' || !articleId) return;
      e.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => {
        inputRef.current?.focus();
        inputRef.current?.select();
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [articleId]);

  // Matches follow the query, the article and any change to what the reader shows.
  useEffect(() => {
    const pane = readerRef.current;
    if (!open || !pane || !articleId) {
      setMatches([]);
      return;
    }
    const run = () => {
      const root = pane.querySelector('article') ?? pane;
      setMatches(findMatches(root, query));
    };
    const timer = { id: setTimeout(run, 0) };
    const observer = new MutationObserver(() => {
      clearTimeout(timer.id);
      timer.id = setTimeout(run, SETTLE_MS);
    });
    observer.observe(pane, { childList: true, subtree: true, characterData: true });
    return () => {
      clearTimeout(timer.id);
      observer.disconnect();
    };
  }, [open, query, articleId, readerRef]);

  // A new query or article starts at the first match and brings it into view.
  useEffect(() => {
    setCurrent(0);
    scrollNext.current = true;
  }, [query, articleId]);

  const index = matches.length ? Math.min(current, matches.length - 1) : -1;
  useEffect(() => {
    if (!open) {
      clearHighlights();
      return;
    }
    showHighlights(matches, index);
    if (scrollNext.current && index >= 0 && readerRef.current) {
      scrollNext.current = false;
      scrollToRange(readerRef.current, matches[index]);
    }
  }, [open, matches, index, readerRef]);
  useEffect(() => clearHighlights, []);

  useEffect(() => {
    if (!articleId) setOpen(false);
  }, [articleId]);

  // Over the bottom right of the reader pane (clear of its toolbar), wherever the layout put the pane.
  useLayoutEffect(() => {
    const pane = readerRef.current;
    if (!open || !pane) return;
    const measure = () => {
      const r = pane.getBoundingClientRect();
      const scrollbar = pane.offsetWidth - pane.clientWidth;
      setPlace({ bottom: Math.max(8, window.innerHeight - r.bottom + 12), right: Math.max(8, window.innerWidth - r.right + scrollbar + 12) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(pane);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [open, readerRef]);

  const step = useCallback(
    (delta: number) => {
      if (!matches.length) return;
      scrollNext.current = true;
      setCurrent((c) => (Math.min(c, matches.length - 1) + delta + matches.length) % matches.length);
    },
    [matches.length],
  );

  const close = () => {
    setOpen(false);
    readerRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
  };

  if (!open || !articleId) return null;
  const count = !query.trim() ? '' : matches.length ? t('search.find.count', { current: index + 1, total: matches.length }) : t('search.find.none');
  return (
    <div className="find-bar" role="search" aria-label={t('search.find.landmark')} onKeyDown={onKeyDown} style={place ?? undefined}>
      <input
        ref={inputRef}
        type="text"
        className="find-field"
        aria-label={t('search.find.field')}
        aria-keyshortcuts="Control+F"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <span className="find-count" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        className="find-step find-previous"
        onClick={() => step(-1)}
        disabled={matches.length === 0}
        aria-label={t('search.find.previous')}
        title={t('search.find.previous')}
        aria-keyshortcuts="Shift+Enter"
      />
      <button
        type="button"
        className="find-step find-next"
        onClick={() => step(1)}
        disabled={matches.length === 0}
        aria-label={t('search.find.next')}
        title={t('search.find.next')}
        aria-keyshortcuts="Enter"
      />
      <button type="button" onClick={close} aria-label={t('search.find.closeLabel')} aria-keyshortcuts="Escape">
        {t('search.find.close')}
      </button>
    </div>
  );
}
