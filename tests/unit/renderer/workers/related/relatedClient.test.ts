import { describe, expect, it } from 'vitest';
import { createRelatedClient, RelatedUnavailableError } from '../../../../../renderer/workers/related/relatedClient';
import type { RelatedMessage, RelatedRequest, SimilarAnswer } from '../../../../../renderer/workers/related/relatedProtocol';

/** Stands in for the worker: records requests, lets the test answer them. */
class FakeWorker extends EventTarget {
  readonly requests: RelatedRequest[] = [];
  postMessage(request: RelatedRequest) {
    this.requests.push(request);
  }
  emit(message: RelatedMessage) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

const answer = (articleId: string): SimilarAnswer => ({ articleId, state: 'ready', items: [], progress: { indexed: 1, pending: 0 } });

describe('related worker client', () => {
  it('matches answers to requests by number, whatever order they come back in', async () => {
    const worker = new FakeWorker();
    const client = createRelatedClient(worker as unknown as Worker);
    const a = client.similar('a', 5);
    const b = client.similar('b', 3);
    expect(worker.requests).toEqual([
      { type: 'similar', requestId: 1, articleId: 'a', k: 5 },
      { type: 'similar', requestId: 2, articleId: 'b', k: 3 },
    ]);
    worker.emit({ type: 'similar', requestId: 2, answer: answer('b') });
    worker.emit({ type: 'similar', requestId: 1, answer: answer('a') });
    expect((await a).articleId).toBe('a');
    expect((await b).articleId).toBe('b');
  });

  it('tells subscribers when the index changed, until they unsubscribe', () => {
    const worker = new FakeWorker();
    const client = createRelatedClient(worker as unknown as Worker);
    const seen: number[] = [];
    const off = client.onChanged((p) => seen.push(p.indexed));
    worker.emit({ type: 'changed', progress: { indexed: 7, pending: 3 } });
    off();
    worker.emit({ type: 'changed', progress: { indexed: 10, pending: 0 } });
    expect(seen).toEqual([7]);
  });

  it('rejects one failed request, and every request once the worker cannot start', async () => {
    const worker = new FakeWorker();
    const client = createRelatedClient(worker as unknown as Worker);
    const one = client.similar('a', 5);
    worker.emit({ type: 'error', requestId: 1, message: 'read failed' });
    await expect(one).rejects.toThrow('read failed');

    const waiting = client.similar('b', 5);
    worker.emit({ type: 'failed', message: 'database would not open' });
    await expect(waiting).rejects.toBeInstanceOf(RelatedUnavailableError);
    await expect(client.similar('c', 5)).rejects.toThrow('database would not open');
  });

  it('never leaves a request hanging when the worker crashes', async () => {
    const worker = new FakeWorker();
    const client = createRelatedClient(worker as unknown as Worker);
    const waiting = client.similar('a', 5);
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'script error' }));
    await expect(waiting).rejects.toThrow('script error');
  });
});
