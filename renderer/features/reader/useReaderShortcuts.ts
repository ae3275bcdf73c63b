import { useEffect, useRef } from 'react';

export interface ReaderShortcuts {
  bookmark(): void;
  openOriginal(): void;
}

/**
 * b bookmarks and o opens the original, from anywhere in the window except where typing or the list's
 * own keys (b there bookmarks the highlighted row) need the letter.
 */
export function useReaderShortcuts(enabled: boolean, actions: ReaderShortcuts): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], [role=listbox]')) return;
      if (e.key === 'b') {
        e.preventDefault();
        ref.current.bookmark();
      } else if (e.key === 'o') {
        e.preventDefault();
        ref.current.openOriginal();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
