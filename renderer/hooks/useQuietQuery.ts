import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useStartupDone } from './useStartupGate';

export interface QuietOptions {
  /** Recompute once the watched tables have been unchanged this long… */
  quietMs?: number;
  /** …or this long after the first change, whichever comes first, so a long sync still shows progress. */
  maxWaitMs?: number;
}

/**
 * The result of an expensive read (counts over 100,000 index entries) that must not compete with what
 * the reader is waiting for: it first runs once the first list has painted, and again after the tables
 * `watch` reads have changed and then been quiet for a moment. A plain live query would re-run on every
 * write, e.g. right after an article is opened and marked read, while the next one is being opened.
 * Until it catches up the previous result stays (undefined only before the first one).
 */
export function useQuietQuery<T>(query: () => Promise<T>, deps: readonly unknown[], watch: () => Promise<unknown>, options: QuietOptions = {}): T | undefined {
  const { quietMs = 400, maxWaitMs = 3000 } = options;
  const started = useStartupDone();
  // A new object on each change of the watched tables; `watch` is cheap (a row or a count).
  const signal = useLiveQuery(async () => (await watch(), {}), []);
  const key = JSON.stringify(deps);
  const [result, setResult] = useState<{ key: string; value: T } | undefined>(undefined);
  const latest = useRef({ query, key, shownKey: result?.key });
  latest.current = { query, key, shownKey: result?.key };
  const run = useRef({ timer: undefined as ReturnType<typeof setTimeout> | undefined, since: 0, busy: false, again: false, live: true });

  useEffect(() => {
    const r = run.current;
    r.live = true;
    return () => {
      r.live = false;
      clearTimeout(r.timer);
    };
  }, []);

  useEffect(() => {
    if (!signal || !started) return;
    const r = run.current;
    const now = Date.now();
    r.since ||= now;
    // A new question (another language, another set of sources) is answered at once; changes to the
    // data wait for a quiet moment.
    const wait = latest.current.shownKey !== key ? 0 : Math.max(0, Math.min(quietMs, r.since + maxWaitMs - now));
    clearTimeout(r.timer);
    const go = () => {
      r.timer = undefined;
      r.since = 0;
      if (r.busy) {
        r.again = true;
        return;
      }
      r.busy = true;
      const { query: q, key: k } = latest.current;
      q().then(
        (value) => r.live && setResult({ key: k, value }),
        () => {
          // A failed count keeps the previous one; the next change retries.
        },
      ).finally(() => {
        r.busy = false;
        if (r.again && r.live) {
          r.again = false;
          go();
        }
      });
    };
    r.timer = setTimeout(go, wait);
  }, [signal, key, started, quietMs, maxWaitMs]);

  return result?.value;
}
