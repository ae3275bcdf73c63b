import type { ApiError } from '../../shared/api/apiError';
import { isApiError } from '../../shared/api/apiError';
import type { ArchiveBridge } from '../../shared/api/archiveApi';
import type { SyncBatch, SyncBatchAck, SyncFinished, SyncProgress, SyncRequest } from '../../shared/model/sync';
import type { ArchiveDb } from './ArchiveDb';
import { applySyncBatch } from './applySyncBatch';
import { buildSyncRequest, type TripFilter } from './buildSyncRequest';
import { recordRunFinished, recordRunStarted } from './syncRunsRepo';

export interface ActiveRun {
  /** Main's run id; `pending:N` until startSync answers. */
  runId: string;
  sourceIds: string[];
  startedAt: string;
  filter?: TripFilter;
  progress: SyncProgress | null;
  cancelling: boolean;
}

export interface SyncState {
  runs: ActiveRun[];
  /** Runs that ended during this session, newest first (a handful). */
  recent: SyncFinished[];
  /** A batch the store could not write. Everything committed before it stays. */
  storeError: ApiError | null;
  /** A run main refused to start (host gone, invalid request). */
  startError: ApiError | null;
}

export interface StartOptions {
  /** Trip limits: categories and a published-date range. */
  filter?: TripFilter;
  /** Stored articles to fetch again in full (e.g. ones missing images), whatever their validators say. */
  refetch?: string[];
}

const RECENT_KEPT = 10;
/** A run main has said nothing about for this long is taken as lost (host restarted, connection gone). */
export const RUN_SILENCE_LIMIT_MS = 10 * 60 * 1000;

/**
 * Forgets what the store knows about some articles, so main fetches and extracts them again instead of
 * trusting a 304. Checkpoints go too: an unchanged feed or sitemap would otherwise list nothing at all.
 */
export function withRefetch(request: SyncRequest, urls: Iterable<string>): SyncRequest {
  const forget = new Set(urls);
  return {
    sources: request.sources.map(({ checkpoint: _checkpoint, ...spec }) => ({
      ...spec,
      known: spec.known.filter((k) => !forget.has(k.url)),
    })),
  };
}

/** Turns a failed IndexedDB write into an error main and the UI understand; a full disk gets its own code. */
export function storeErrorOf(err: unknown): ApiError {
  const names: string[] = [];
  for (let e = err as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.name === 'string') names.push(e.name);
  }
  const message = err instanceof Error ? err.message : isApiError(err) ? err.message : String(err);
  if (names.includes('QuotaExceededError')) return { code: 'disk-full', message: `The disk is full: ${message}` };
  return { code: 'store-failed', message: message || 'The store refused a batch' };
}

/**
 * The renderer's half of sync: starts runs, stores each batch main sends (one transaction each) and
 * acknowledges it, keeps live progress, and writes the run log when a run ends. One run at a time per
 * source. Batches are handled whatever window started the run, so a reloaded window keeps storing.
 */
export class SyncController {
  private state: SyncState = { runs: [], recent: [], storeError: null, startError: null };
  private readonly listeners = new Set<() => void>();
  /** Store writes happen one after another, in arrival order. */
  private writes: Promise<void> = Promise.resolve();
  /** sourceId → the run (or pending token) it is part of. */
  private readonly reserved = new Map<string, string>();
  private readonly finishedIds = new Set<string>();
  private readonly cancelOnStart = new Set<string>();
  private readonly unsubscribe: (() => void)[];
  /** runId → when main last said something about it. */
  private readonly lastHeard = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly db: ArchiveDb,
    private readonly bridge: ArchiveBridge,
  ) {
    this.unsubscribe = [
      bridge.on('sync:batch', (batch) => this.onBatch(batch)),
      bridge.on('sync:progress', (progress) => this.onProgress(progress)),
      bridge.on('sync:finished', (finished) => this.onFinished(finished)),
    ];
    // Listening first, then asking: batches main sends again in answer are heard.
    this.resumed = this.resume();
  }

  /** Settles once runs that were going before this window started are adopted. */
  readonly resumed: Promise<void>;

  /** Adopts runs still going (a reloaded window, or one opened while another syncs); main resends their batches. */
  private async resume(): Promise<void> {
    let runs;
    try {
      ({ runs } = await this.bridge.api.resumeSync());
    } catch {
      return; // Main is gone or refuses: nothing to adopt, and new runs still work.
    }
    const adopted = runs.filter((r) => !this.finishedIds.has(r.runId));
    if (!adopted.length) return;
    for (const r of adopted) {
      this.lastHeard.set(r.runId, Date.now());
      for (const id of r.sourceIds) if (!this.reserved.has(id)) this.reserved.set(id, r.runId);
    }
    const known = new Map(this.state.runs.map((r) => [r.runId, r]));
    const now = new Date().toISOString();
    this.update({
      runs: [
        ...this.state.runs.map((r) => {
          const a = adopted.find((x) => x.runId === r.runId);
          return a ? { ...r, sourceIds: a.sourceIds } : r;
        }),
        ...adopted.filter((a) => !known.has(a.runId)).map((a) => ({ runId: a.runId, sourceIds: a.sourceIds, startedAt: now, progress: null, cancelling: false })),
      ],
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SyncState => this.state;

  isRunning(sourceId: string): boolean {
    return this.reserved.has(sourceId);
  }

  runningSourceIds(): Set<string> {
    return new Set(this.reserved.keys());
  }

  /** Resolves once every write received so far is committed (tests, and the trip check after a run). */
  idle(): Promise<void> {
    return this.writes;
  }

  /**
   * Starts one run over the given sources, leaving out any already syncing. Resolves to the run id, or
   * null when there was nothing to start (or main refused: see `startError`).
   */
  async start(sourceIds: string[], options: StartOptions = {}): Promise<string | null> {
    const ids = [...new Set(sourceIds)].filter((id) => !this.reserved.has(id));
    if (!ids.length) return null;
    const token = `pending:${++this.seq}`;
    for (const id of ids) this.reserved.set(id, token);
    const startedAt = new Date().toISOString();
    this.update({
      runs: [...this.state.runs, { runId: token, sourceIds: ids, startedAt, progress: null, cancelling: false, ...(options.filter ? { filter: options.filter } : {}) }],
      startError: null,
      storeError: null,
    });
    try {
      let request = await buildSyncRequest(this.db, ids, options.filter);
      if (options.refetch) request = withRefetch(request, options.refetch);
      if (!request.sources.length) {
        this.release(token);
        return null;
      }
      const { runId } = await this.bridge.api.startSync(request);
      const started = request.sources.map((s) => s.sourceId);
      if (this.finishedIds.has(runId)) {
        // Over before its id even arrived here: the finished record is already written.
        this.release(token);
        return runId;
      }
      this.chain(() => recordRunStarted(this.db, { runId, sourceIds: started, startedAt, filter: options.filter }));
      for (const id of ids) this.reserved.delete(id);
      for (const id of started) this.reserved.set(id, runId);
      this.lastHeard.set(runId, Date.now());
      const early = this.state.runs.find((r) => r.runId === runId);
      const mine = this.state.runs.find((r) => r.runId === token)!;
      const run: ActiveRun = { ...mine, ...early, runId, sourceIds: started, startedAt };
      this.update({ runs: this.state.runs.filter((r) => r.runId !== token && r.runId !== runId).concat(run) });
      if (this.cancelOnStart.delete(token)) await this.cancel(runId);
      return runId;
    } catch (err) {
      this.release(token);
      this.update({ startError: isApiError(err) ? { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } : storeErrorOf(err) });
      return null;
    }
  }

  async cancel(runId: string): Promise<void> {
    this.update({ runs: this.state.runs.map((r) => (r.runId === runId ? { ...r, cancelling: true } : r)) });
    if (runId.startsWith('pending:')) {
      this.cancelOnStart.add(runId);
      return;
    }
    await this.bridge.api.cancelSync(runId).catch(() => undefined);
  }

  async cancelAll(): Promise<void> {
    await Promise.all(this.state.runs.map((r) => this.cancel(r.runId)));
  }

  /** Stops the run a source is part of (which may include other sources). */
  async cancelSource(sourceId: string): Promise<void> {
    const runId = this.reserved.get(sourceId);
    if (runId) await this.cancel(runId);
  }

  /**
   * Lets go of runs main has been silent about for too long, so their sources can sync again. Their log
   * entries stay unfinished and show as interrupted. Returns the run ids dropped.
   */
  reapSilentRuns(now = Date.now(), limitMs = RUN_SILENCE_LIMIT_MS): string[] {
    const silent = this.state.runs
      .filter((r) => !r.runId.startsWith('pending:') && now - (this.lastHeard.get(r.runId) ?? now) > limitMs)
      .map((r) => r.runId);
    for (const runId of silent) {
      this.lastHeard.delete(runId);
      this.release(runId);
    }
    return silent;
  }

  dismissErrors(): void {
    this.update({ storeError: null, startError: null });
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.listeners.clear();
  }

  private onBatch(batch: SyncBatch) {
    this.lastHeard.set(batch.runId, Date.now());
    this.chain(async () => {
      let ack: SyncBatchAck = { runId: batch.runId, batchId: batch.batchId, ok: true };
      try {
        // A source removed while its run was still going: nothing of it is written back.
        if (await this.db.sources.get(batch.sourceId)) await applySyncBatch(this.db, batch);
      } catch (err) {
        const error = storeErrorOf(err);
        ack = { ...ack, ok: false, error };
        this.update({ storeError: error });
      }
      // Not awaited: the next batch can be written while this answer travels.
      void this.bridge.api.ackSyncBatch(ack).catch(() => undefined);
    });
  }

  private onProgress(progress: SyncProgress) {
    if (this.finishedIds.has(progress.runId)) return;
    this.lastHeard.set(progress.runId, Date.now());
    const known = this.state.runs.some((r) => r.runId === progress.runId);
    const runs = known
      ? this.state.runs.map((r) => (r.runId === progress.runId ? { ...r, progress } : r))
      : // Started by another window, or its startSync answer is still on the way.
        [...this.state.runs, { runId: progress.runId, sourceIds: [], startedAt: new Date().toISOString(), progress, cancelling: false }];
    this.update({ runs });
  }

  private onFinished(finished: SyncFinished) {
    this.finishedIds.add(finished.runId);
    this.lastHeard.delete(finished.runId);
    this.release(finished.runId);
    this.update({ recent: [finished, ...this.state.recent].slice(0, RECENT_KEPT) });
    this.chain(() => recordRunFinished(this.db, finished));
  }

  private release(runId: string) {
    for (const [sourceId, id] of this.reserved) if (id === runId) this.reserved.delete(sourceId);
    this.update({ runs: this.state.runs.filter((r) => r.runId !== runId) });
  }

  private chain(work: () => Promise<unknown>) {
    this.writes = this.writes.then(work).then(
      () => undefined,
      (err) => {
        void this.bridge.api.log({ level: 'error', message: `sync store write failed: ${err instanceof Error ? err.stack : String(err)}` }).catch(() => undefined);
      },
    );
  }

  private update(patch: Partial<SyncState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
