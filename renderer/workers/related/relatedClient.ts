import type { RelatedMessage, RelatedProgress, RelatedRequest, SimilarAnswer } from './relatedProtocol';

/** Raised for every request once the worker cannot work (it failed to start or crashed). */
export class RelatedUnavailableError extends Error {
  readonly code = 'RELATED_UNAVAILABLE';
}

export interface RelatedClient {
  similar(articleId: string, k: number): Promise<SimilarAnswer>;
  /** Called when the index changed; returns the unsubscribe function. */
  onChanged(listener: (progress: RelatedProgress) => void): () => void;
}

type Pending = { resolve(answer: SimilarAnswer): void; reject(err: Error): void };

/** Talks to one worker: numbered requests, answers matched by number, failures rejected, never hung. */
export function createRelatedClient(worker: Worker): RelatedClient {
  const pending = new Map<number, Pending>();
  const listeners = new Set<(progress: RelatedProgress) => void>();
  let nextId = 1;
  let failure: RelatedUnavailableError | null = null;

  const fail = (message: string) => {
    failure ??= new RelatedUnavailableError(message);
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };

  worker.addEventListener('message', (event: MessageEvent<RelatedMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'similar':
        pending.get(message.requestId)?.resolve(message.answer);
        pending.delete(message.requestId);
        break;
      case 'error':
        pending.get(message.requestId)?.reject(new RelatedUnavailableError(message.message));
        pending.delete(message.requestId);
        break;
      case 'changed':
        for (const listener of [...listeners]) listener(message.progress);
        break;
      case 'failed':
        fail(message.message);
        break;
    }
  });
  worker.addEventListener('error', (event) => fail(event.message || 'worker error'));

  return {
    similar(articleId, k) {
      if (failure) return Promise.reject(failure);
      const requestId = nextId++;
      return new Promise<SimilarAnswer>((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        const request: RelatedRequest = { type: 'similar', requestId, articleId, k };
        worker.postMessage(request);
      });
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: RelatedClient | null = null;

/** The app's one related-articles worker, started on first use and kept for the app's lifetime. */
export function relatedClient(): RelatedClient {
  if (shared) return shared;
  try {
    shared = createRelatedClient(new Worker(new URL('./relatedWorker.ts', import.meta.url), { type: 'module', name: 'related-articles' }));
  } catch (err) {
    // No module workers here (or the script was refused): the sidebar says so and keeps the portal's links.
    const failure = new RelatedUnavailableError(err instanceof Error ? err.message : String(err));
    shared = { similar: () => Promise.reject(failure), onChanged: () => () => {} };
  }
  return shared;
}
