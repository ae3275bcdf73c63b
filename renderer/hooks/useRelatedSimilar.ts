import { useEffect, useState } from 'react';
import { relatedClient } from '../workers/related/relatedClient';
import type { SimilarAnswer } from '../workers/related/relatedProtocol';

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
 * (articles synced, edited or removed). The worker starts on first use even with no article open, so
 * it indexes while the reader browses.
 */
export function useRelatedSimilar(articleId: string | null, k: number): RelatedSimilarState {
  const [held, setHeld] = useState<Held>({ forId: null, answer: undefined, error: undefined });

  useEffect(() => {
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
    ask();
    const off = client.onChanged(ask);
    return () => {
      live = false;
      off();
    };
  }, [articleId, k]);

  return held.forId === articleId ? held : { answer: undefined, error: undefined };
}
