import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../../../main/extract/ExtractorPool';
import type { ExtractInput } from '../../../../main/extract/extractArticle';

// A stand-in for extractWorker.ts speaking the same protocol: the URL says what to do. "work:N" spins
// for N ms and answers with when it started, "crash" throws outside any handler (the worker dies). A body
// over shared memory gets a 1 written into it when the job starts, which a busy main thread can watch.
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, input }) => {
  if (input.url === 'crash') throw new Error('boom');
  if (input.body.buffer instanceof SharedArrayBuffer) Atomics.store(new Int32Array(input.body.buffer), 0, 1);
  const startedAt = Date.now();
  const ms = Number(input.url.split(':')[1] ?? 0);
  while (Date.now() - startedAt < ms) { /* busy, like a parse */ }
  parentPort.postMessage({ id, ok: true, value: { url: input.url, startedAt } });
});
`;

const workerUrl = (() => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'extractor-pool-')), 'worker.mjs');
  fs.writeFileSync(file, WORKER);
  return pathToFileURL(file);
})();

const job = (url: string): ExtractInput => ({ url, body: new Uint8Array() });
const startedAt = (v: unknown): number => (v as { startedAt: number }).startedAt;

let pool: ExtractorPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('ExtractorPool', () => {
  it('starts a worker\'s next job as soon as its last ends, even while the main thread is busy', async () => {
    pool = new ExtractorPool({ workerUrl, size: 1 });
    await pool.extract(job('work:0')); // the worker is up
    const started = new Int32Array(new SharedArrayBuffer(4));
    const first = pool.extract(job('work:50'));
    const second = pool.extract({ url: 'work:50', body: new Uint8Array(started.buffer) });
    // The main thread stays busy (a sync writing a batch) until the second job has started. Were the
    // next job handed over only when the main thread handles the first one's result, it could not start
    // before the cap: however loaded the machine, the outcome does not depend on timing.
    const cap = Date.now() + 30_000;
    while (Atomics.load(started, 0) === 0 && Date.now() < cap) { /* busy */ }
    expect(Atomics.load(started, 0)).toBe(1);
    const [a, b] = await Promise.all([first, second]);
    expect(startedAt(b)).toBeGreaterThanOrEqual(startedAt(a) + 50);
  });

  it('fails only the job a crashed worker was running; the jobs waiting for it run elsewhere', async () => {
    pool = new ExtractorPool({ workerUrl, size: 2 });
    const results = await Promise.allSettled(['crash', 'work:20', 'work:0', 'work:0', 'work:0'].map((u) => pool!.extract(job(u))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'extract-failed' });
    expect(await pool.extract(job('work:0'))).toMatchObject({ url: 'work:0' });
  });

  it('replaces the only worker after it crashes, for as long as the app runs', async () => {
    pool = new ExtractorPool({ workerUrl, size: 1 });
    for (let round = 0; round < 4; round++) {
      await expect(pool.extract(job('crash'))).rejects.toMatchObject({ code: 'extract-failed' });
      expect(await pool.extract(job('work:0'))).toMatchObject({ url: 'work:0' });
    }
  });

  it('gives up, failing every job, when its worker cannot even start', async () => {
    pool = new ExtractorPool({ workerUrl: pathToFileURL(path.join(os.tmpdir(), 'no-such-extract-worker.mjs')), size: 1 });
    const results = await Promise.allSettled(['work:0', 'work:0', 'work:0', 'work:0'].map((u) => pool!.extract(job(u))));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'extract-failed')).toBe(true);
    await expect(pool.extract(job('work:0'))).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('rejects running, waiting and queued jobs when closed', async () => {
    pool = new ExtractorPool({ workerUrl, size: 1 });
    const settled = Promise.allSettled(['work:200', 'work:0', 'work:0'].map((u) => pool!.extract(job(u))));
    await pool.close();
    const results = await settled;
    expect(results.map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });
});
