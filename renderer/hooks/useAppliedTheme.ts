import { useEffect, useState } from 'react';
import type { ThemeChoice } from '../data/settings';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Resolves "system" against the OS preference, following it live, and sets it on <html>. */
export function useAppliedTheme(choice: ThemeChoice): Exclude<ThemeChoice, 'system'> {
  const [osDark, setOsDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const mq = darkQuery();
    const onChange = () => setOsDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const applied = choice === 'system' ? (osDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = applied;
  }, [applied]);
  return applied;
}
