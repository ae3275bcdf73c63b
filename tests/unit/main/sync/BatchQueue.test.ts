import { describe, expect, it } from 'vitest';
import { BatchQueue } from '../../../../main/sync/BatchQueue';
import type { SyncBatch, SyncedArticle } from '../../../../shared/model/sync';

const article = (i: number) => ({ canonicalUrl: `https://a.example.vn/bai-${i}.html` }) as unknown as SyncedArticle;

function queue(ackTimeoutMs = 60_000) {
  const sent: SyncBatch[] = [];
  let id = 0;
  const q = new BatchQueue({ runId: 'r', sourceId: 'a', send: (b) => sent.push(b), maxArticles: 2, maxUnacked: 2, ackTimeoutMs, nextBatchId: () => ++id });
  return { q, sent };
}

describe('BatchQueue', () => {
  it('sends the batches still unconfirmed again, and counts each one stored once', async () => {
    const { q, sent } = queue();
    const adding = (async () => {
      for (let i = 1; i <= 4; i++) await q.addArticle(article(i), []);
    })();
    await new Promise((r) => setTimeout(r, 0));
    // The batch went to a window that closed: nothing confirms it, and the producer waits for the answer.
    expect(sent.map((b) => b.batchId)).toEqual([1]);
    q.resend();
    expect(sent.map((b) => b.batchId)).toEqual([1, 1]);
    expect(sent[1]).toBe(sent[0]);
    expect(q.ack({ runId: 'r', batchId: 1, ok: true })).toBe(true);
    // The first window did answer after all: a late duplicate answer changes nothing.
    expect(q.ack({ runId: 'r', batchId: 1, ok: true })).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((b) => b.batchId)).toEqual([1, 1, 2]);
    expect(q.ack({ runId: 'r', batchId: 2, ok: true })).toBe(true);
    await adding;
    expect(q.stored).toBe(4);
  });

  it('a resend gives each batch a fresh deadline; with no answer at all the queue fails', async () => {
    const { q, sent } = queue(80);
    const first = q.flush({ docs: {} });
    await new Promise((r) => setTimeout(r, 50));
    q.resend();
    await new Promise((r) => setTimeout(r, 50));
    // 100 ms after the first send, past its own deadline, but the resend's deadline still holds.
    expect(q.ack({ runId: 'r', batchId: 1, ok: true })).toBe(true);
    await first;
    const second = q.flush({ docs: {} });
    await expect(second).rejects.toMatchObject({ code: 'store-timeout' });
    expect(sent.length).toBe(3);
  });

  it('after a failure nothing is sent again', async () => {
    const { q, sent } = queue();
    void q.flush({ docs: {} }).catch(() => undefined);
    q.fail({ code: 'cancelled', message: 'Sync cancelled' });
    q.resend();
    expect(sent.length).toBe(1);
  });
});
