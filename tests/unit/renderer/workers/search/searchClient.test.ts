import { describe, expect, it } from 'vitest';
import { SearchClient } from '../../../../../renderer/workers/search/searchClient';
import type { FromWorker, IndexStatus, ToWorker } from '../../../../../renderer/workers/search/searchProtocol';
import { NO_SEARCH_FILTERS } from '../../../../../renderer/data/searchFilters';

/** A stand-in for the worker: records what it is sent and replies when told to. */
class FakeWorker extends EventTarget {
  sent: ToWorker[] = [];
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  reply(m: FromWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: m }));
  }
  fail(message: string) {
    const e = new Event('error') as Event & { message: string };
    e.message = message;
    this.dispatchEvent(e);
  }
}

const query = { query: 'dân vận', filters: NO_SEARCH_FILTERS, language: 'vi' as const, offset: 0, limit: 10 };
const answer = (requestId: number, total: number): FromWorker => ({ type: 'result', requestId, offset: 0, total, rows: [], searchedAs: null, matchedAll: true });

describe('SearchClient', () => {
  it('matches answers to requests, whatever order they come back in', async () => {
    const worker = new FakeWorker();
    const client = new SearchClient(worker as unknown as Worker);
    const a = client.search(query);
    const b = client.search({ ...query, query: 'xăng' });
    const [ra, rb] = worker.sent.map((m) => m.requestId);
    expect(worker.sent[1]).toMatchObject({ type: 'search', query: 'xăng' });
    worker.reply(answer(rb, 2));
    worker.reply(answer(ra, 1));
    expect((await a).total).toBe(1);
    expect((await b).total).toBe(2);
  });

  it('passes worker errors to the request, and a crash to every waiting request and the status', async () => {
    const worker = new FakeWorker();
    const client = new SearchClient(worker as unknown as Worker);
    const statuses: IndexStatus[] = [];
    client.onStatus((s) => statuses.push(s));
    const a = client.search(query);
    worker.reply({ type: 'error', requestId: worker.sent[0].requestId, message: 'bad' });
    await expect(a).rejects.toThrow('bad');
    worker.reply({ type: 'status', status: { phase: 'indexing', indexed: 5, pending: 3, error: null } });
    expect(client.status).toMatchObject({ phase: 'indexing', indexed: 5 });
    const b = client.search(query);
    worker.fail('could not load');
    await expect(b).rejects.toThrow('could not load');
    expect(statuses.at(-1)).toMatchObject({ phase: 'indexing', error: { code: 'worker', message: 'could not load' } });
  });
});
