import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveApi, ArchiveBridge, ArchiveEvents } from '../../../../shared/api/archiveApi';
import type { ActiveSyncRun, SyncBatch, SyncBatchAck, SyncFinished, SyncRequest } from '../../../../shared/model/sync';
import type { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import { storeErrorOf, SyncController, withRefetch } from '../../../../renderer/data/syncController';
import { articleRow, closeDbs, freshDb, sourceRow, storeArticles } from './syncFixtures';

afterEach(closeDbs);

/** A bridge whose events the test fires by hand, recording what the controller asks of main. */
function fakeBridge(active: ActiveSyncRun[] = []) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const requests: SyncRequest[] = [];
  let resumes = 0;
  const acks: SyncBatchAck[] = [];
  const cancelled: string[] = [];
  let next = 0;
  const api = {
    startSync: async (request: SyncRequest) => {
      requests.push(request);
      return { runId: `run-${++next}` };
    },
    ackSyncBatch: async (ack: SyncBatchAck) => {
      acks.push(ack);
    },
    cancelSync: async (runId: string) => {
      cancelled.push(runId);
    },
    resumeSync: async () => {
      resumes++;
      return { runs: active };
    },
    log: async () => undefined,
  } as unknown as ArchiveApi;
  const bridge: ArchiveBridge = {
    api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const fire = <E extends keyof ArchiveEvents>(event: E, payload: ArchiveEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { bridge, fire, requests, acks, cancelled, resumes: () => resumes };
}

const synced = (sourceId: string, i: number) => {
  const { id: _id, sourceId: _s, removedUpstream: _r, removed: _x, ...rest } = articleRow(sourceId, i);
  return { ...rest, html: `<p>Đoạn ${i}</p>`, text: `Đoạn ${i}` };
};

const batch = (runId: string, batchId: number, sourceId: string, ids: number[]): SyncBatch => ({
  runId,
  batchId,
  sourceId,
  articles: ids.map((i) => synced(sourceId, i)),
  images: ids.map((i) => ({ url: `https://${sourceId}.example.vn/anh/${i}.png`, mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) })),
  removedUrls: [],
});

const finished = (runId: string, extra: Partial<SyncFinished> = {}): SyncFinished => ({
  runId,
  found: 3,
  fetched: 3,
  notModified: 0,
  stored: 2,
  failed: 1,
  images: 2,
  bytes: 12345,
  result: 'ok',
  perSource: [{ sourceId: 'a', result: 'ok' }],
  failures: [{ url: 'https://a.example.vn/bai-viet/bai-da-go-999999.html', sourceId: 'a', code: 'http-status', message: 'HTTP 404', status: 404 }],
  startedAt: '2026-04-01T00:00:00.000Z',
  finishedAt: '2026-04-01T00:01:00.000Z',
  ...extra,
});

async function setup(active: ActiveSyncRun[] = []): Promise<{ db: ArchiveDb; c: SyncController } & ReturnType<typeof fakeBridge>> {
  const db = freshDb();
  await db.sources.bulkPut([sourceRow('a'), sourceRow('b'), sourceRow('g', { kind: 'guide' })]);
  const fake = fakeBridge(active);
  return { db, c: new SyncController(db, fake.bridge), ...fake };
}

describe('sync controller', () => {
  it('a window that starts while a run goes on adopts it: its sources count as syncing and its batches are stored', async () => {
    const { db, c, fire, acks, resumes } = await setup([{ runId: 'run-old', sourceIds: ['a'] }]);
    await c.resumed;
    expect(resumes()).toBe(1);
    expect(c.isRunning('a')).toBe(true);
    expect(c.isRunning('b')).toBe(false);
    expect(c.getState().runs.map((r) => [r.runId, r.sourceIds])).toEqual([['run-old', ['a']]]);
    expect(await c.start(['a'])).toBeNull();
    // Main sends again the batch the closed window never confirmed; a second copy is stored once.
    fire('sync:batch', batch('run-old', 7, 'a', [1, 2]));
    fire('sync:batch', batch('run-old', 7, 'a', [1, 2]));
    await c.idle();
    expect(acks.map((a) => [a.batchId, a.ok])).toEqual([
      [7, true],
      [7, true],
    ]);
    expect(await db.articles.where('sourceId').equals('a').count()).toBe(2);
    fire('sync:finished', finished('run-old'));
    await c.idle();
    expect(c.isRunning('a')).toBe(false);
  });

  it('a run main has already finished is not adopted', async () => {
    const fake = fakeBridge([{ runId: 'run-x', sourceIds: ['a'] }]);
    const db = freshDb();
    const c = new SyncController(db, fake.bridge);
    fake.fire('sync:finished', finished('run-x'));
    await c.resumed;
    expect(c.isRunning('a')).toBe(false);
    expect(c.getState().runs).toEqual([]);
  });

  it('runs at most one sync per source, and tells main what is stored', async () => {
    const { db, c, requests } = await setup();
    await storeArticles(db, [articleRow('a', 1)]);
    const run1 = await c.start(['a']);
    expect(run1).toBe('run-1');
    expect(requests[0].sources.map((s) => s.sourceId)).toEqual(['a']);
    expect(requests[0].sources[0].known.map((k) => k.url)).toEqual([articleRow('a', 1).id]);
    expect(requests[0].sources[0].knownImages).toEqual([articleRow('a', 1).images[0].url]);
    expect(c.isRunning('a')).toBe(true);
    expect(await c.start(['a'])).toBeNull();
    expect(await c.start(['a', 'b'])).toBe('run-2');
    expect(requests[1].sources.map((s) => s.sourceId)).toEqual(['b']);
    expect(c.getState().runs.map((r) => [r.runId, r.sourceIds])).toEqual([
      ['run-1', ['a']],
      ['run-2', ['b']],
    ]);
    // The guide never syncs: nothing to start.
    expect(await c.start(['g'])).toBeNull();
    expect(c.isRunning('g')).toBe(false);
  });

  it('stores each batch in order and acknowledges it; progress is live; the end is logged', async () => {
    const { db, c, fire, acks } = await setup();
    const runId = (await c.start(['a']))!;
    fire('sync:progress', { runId, phase: 'fetching', found: 3, fetched: 1, notModified: 0, stored: 0, failed: 0, images: 1, bytes: 900, etaSeconds: 4 });
    expect(c.getState().runs[0].progress?.found).toBe(3);
    fire('sync:batch', batch(runId, 1, 'a', [1, 2]));
    fire('sync:batch', batch(runId, 2, 'a', [3]));
    await c.idle();
    expect(acks).toEqual([
      { runId, batchId: 1, ok: true },
      { runId, batchId: 2, ok: true },
    ]);
    expect(await db.articles.where('sourceId').equals('a').count()).toBe(3);
    expect((await db.images.get('https://a.example.vn/anh/3.png'))?.size).toBe(4);

    fire('sync:finished', finished(runId));
    await c.idle();
    expect(c.isRunning('a')).toBe(false);
    expect(c.getState().runs).toEqual([]);
    expect(c.getState().recent[0].runId).toBe(runId);
    const row = (await db.syncRuns.get(runId))!;
    expect(row).toMatchObject({ sourceIds: ['a'], result: 'ok', stored: 2, failed: 1, finishedAt: '2026-04-01T00:01:00.000Z' });
    expect(row.counters).toMatchObject({ found: 3, bytes: 12345, images: 2 });
    expect(row.failures[0]).toMatchObject({ status: 404 });
    expect(await db.sources.get('a')).toMatchObject({ lastSyncAt: '2026-04-01T00:01:00.000Z', lastSyncResult: 'ok' });
    // The source can sync again.
    expect(await c.start(['a'])).not.toBeNull();
  });

  it('records a failed source with its error, and clears it after a clean run', async () => {
    const { db, c, fire } = await setup();
    const r1 = (await c.start(['a']))!;
    fire('sync:finished', finished(r1, { result: 'failed', perSource: [{ sourceId: 'a', result: 'failed', error: { code: 'malformed-feed', message: 'bad' } }] }));
    await c.idle();
    expect((await db.sources.get('a'))?.lastSyncError?.code).toBe('malformed-feed');
    const r2 = (await c.start(['a']))!;
    fire('sync:finished', finished(r2));
    await c.idle();
    expect((await db.sources.get('a'))?.lastSyncError).toBeUndefined();
  });

  it('on a full disk answers ok:false with disk-full and keeps what was stored', async () => {
    const { db, c, fire, acks } = await setup();
    const runId = (await c.start(['a']))!;
    fire('sync:batch', batch(runId, 1, 'a', [1]));
    await c.idle();
    const real = db.bodies.bulkPut.bind(db.bodies);
    db.bodies.bulkPut = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof db.bodies.bulkPut;
    fire('sync:batch', batch(runId, 2, 'a', [2, 3]));
    await c.idle();
    db.bodies.bulkPut = real;
    expect(acks[1]).toMatchObject({ runId, batchId: 2, ok: false, error: { code: 'disk-full' } });
    expect(c.getState().storeError?.code).toBe('disk-full');
    // The failed batch rolled back whole; the first one is intact.
    expect((await db.articles.where('sourceId').equals('a').primaryKeys()).length).toBe(1);
    expect(await db.bodies.count()).toBe(1);
  });

  it('does not bring back articles of a source removed mid-run', async () => {
    const { db, c, fire, acks } = await setup();
    const runId = (await c.start(['b']))!;
    await db.sources.delete('b');
    fire('sync:batch', batch(runId, 1, 'b', [1]));
    await c.idle();
    expect(acks[0].ok).toBe(true);
    expect(await db.articles.count()).toBe(0);
  });

  it('cancels through main, also a run whose id has not arrived yet', async () => {
    const { c, cancelled } = await setup();
    const starting = c.start(['a']);
    const pending = c.getState().runs[0].runId;
    expect(pending).toMatch(/^pending:/);
    await c.cancel(pending);
    const runId = await starting;
    expect(cancelled).toEqual([runId]);
    expect(c.getState().runs[0].cancelling).toBe(true);
  });

  it('lets go of a run main has gone silent about, so its source can sync again', async () => {
    const { db, c, fire } = await setup();
    const runId = (await c.start(['a']))!;
    const t0 = Date.now();
    expect(c.reapSilentRuns(t0 + 60_000, 10 * 60_000)).toEqual([]);
    fire('sync:progress', { runId, phase: 'fetching', found: 1, fetched: 0, notModified: 0, stored: 0, failed: 0, images: 0, bytes: 0, etaSeconds: null });
    expect(c.reapSilentRuns(Date.now() + 9 * 60_000, 10 * 60_000)).toEqual([]);
    expect(c.reapSilentRuns(Date.now() + 11 * 60_000, 10 * 60_000)).toEqual([runId]);
    expect(c.isRunning('a')).toBe(false);
    await c.idle();
    // Its log entry stays unfinished: the log shows it as interrupted.
    expect((await db.syncRuns.get(runId))?.finishedAt).toBeUndefined();
    expect(await c.start(['a'])).not.toBeNull();
  });

  it('refetches chosen articles in full: their known entries and the checkpoints go', () => {
    const request: SyncRequest = {
      sources: [
        {
          sourceId: 'a', url: 'https://a.example.vn/', feedUrls: [], backfillUrls: [], downloadImages: true,
          known: [{ url: 'u1', contentHash: 'h1' }, { url: 'u2', contentHash: 'h2' }], knownImages: ['i1'], checkpoint: { docs: { f: { etag: 'x' } } },
        },
      ],
    };
    const out = withRefetch(request, ['u2']);
    expect(out.sources[0].known).toEqual([{ url: 'u1', contentHash: 'h1' }]);
    expect(out.sources[0].checkpoint).toBeUndefined();
    expect(out.sources[0].knownImages).toEqual(['i1']);
  });

  it('names store errors by cause', () => {
    expect(storeErrorOf(new DOMException('x', 'QuotaExceededError')).code).toBe('disk-full');
    expect(storeErrorOf({ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } }).code).toBe('disk-full');
    expect(storeErrorOf(new Error('boom'))).toEqual({ code: 'store-failed', message: 'boom' });
  });
});
