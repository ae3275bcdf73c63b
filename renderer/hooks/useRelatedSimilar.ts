import { useEffect, useState } from 'react';
import { relatedClient } from '../workers/related/relatedClient';
import type { SimilarAnswer } from '../workers/related/relatedProtocol';
import { useStartupDone } from './useStartupGate';

export interface RelatedSimilarState {
  /** Undefined until the worker first answers for this article. */
  answer: SimilarAnswer | undefined;
  error: unknown;
}

interface Held extends RelatedSimilarState {
  forId: string | null;
}

/**
 * Content-similar articles of `articleId` from the related-articles worker. Never blocks: the caller
 * renders what it has and this fills in when the worker answers, then again whenever the index changes
 * (articles synced, edited or removed). The worker starts once the first list has painted (loading its
 * index would hold IndexedDB before that), even with no article open, so it indexes while the reader browses.
 */
export function useRelatedSimilar(articleId: string | null, k: number): RelatedSimilarState {
  const [held, setHeld] = useState<Held>({ forId: null, answer: undefined, error: undefined });

  const started = useStartupDone();
  useEffect(() => {
    if (!started) return;
    const client = relatedClient();
    if (!articleId) return;
    let live = true;
    let asking = false;
    let askAgain = false;
    // Change notices can outpace answers on a big index; one question in flight, one queued at most.
    const ask = () => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      client.similar(articleId, k).then(
        (answer) => live && setHeld({ forId: articleId, answer, error: undefined }),
        (error: unknown) => live && setHeld({ forId: articleId, answer: undefined, error }),
      ).finally(() => {
        asking = false;
        if (live && askAgain) {
          askAgain = false;
          ask();
        }
      });
    };
    // Asked once the article's own text has painted: the worker reads a dozen rows and bodies to answer,
    // which should not queue ahead of the reader's reads (or those of the next article opened).
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
    const cancelIdle = (globalThis as { cancelIdleCallback?: (h: number) => void }).cancelIdleCallback;
    const handle = idle ? idle(ask, { timeout: 300 }) : undefined;
    const timer = handle === undefined ? setTimeout(ask, 0) : undefined;
    const off = client.onChanged(ask);
    return () => {
      live = false;
      clearTimeout(timer);
      if (handle !== undefined) cancelIdle?.(handle);
      off();
    };
  }, [articleId, k, started]);

  return held.forId === articleId ? held : { answer: undefined, error: undefined };
}
