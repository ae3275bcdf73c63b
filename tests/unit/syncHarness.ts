import 'fake-indexeddb/auto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { ArchiveEvents } from '../../shared/api/archiveApi';
import type { SyncFinished, SyncProgress } from '../../shared/model/sync';
import { ExtractorPool } from '../../main/extract/ExtractorPool';
import { createSyncService, type SyncServiceOptions } from '../../main/sync/createSyncService';
import { ArchiveDb } from '../../renderer/data/ArchiveDb';
import { applySyncBatch } from '../../renderer/data/applySyncBatch';
import { buildSyncRequest, type TripFilter } from '../../renderer/data/buildSyncRequest';
import { tempLogger } from './testLogger';

export interface Portal {
  url: string;
  truth(): {
    articles: {
      id: number;
      url: string;
      title: string;
      category: string;
      author: string;
      publishedAt: string;
      updatedAt: string;
      views: number;
      lead: string;
      paragraphs: string[];
      images: { url: string; caption: string }[];
      related: number[];
      legacyCharset: boolean;
    }[];
    gone: string[];
  };
  stats(): Record<string, unknown> & { maxInFlight: number };
  setEdition(n: number): void;
  setFaults(f: Record<string, number>): void;
  close(): Promise<void>;
}

export async function startPortal(opts: Record<string, unknown>): Promise<Portal> {
  const mod = await import(path.resolve(process.cwd(), '../shared/portal/serve.mjs'));
  return mod.startPortal(opts);
}

let dbCounter = 0;
let workerUrl: URL | undefined;

/** Worker threads cannot load TypeScript, so tests bundle the worker as the build does. */
function extractWorkerUrl(): URL {
  if (workerUrl) return workerUrl;
  const outfile = path.resolve('.cache/test/extractWorker.mjs');
  buildSync({ entryPoints: [path.resolve('main/extract/extractWorker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
  workerUrl = pathToFileURL(outfile);
  return workerUrl;
}

/**
 * Main's real sync service wired to the renderer's real store code on fake-indexeddb: everything the app
 * does except the transport, which the host tests cover.
 */
export function createSyncHarness(options: Partial<SyncServiceOptions> = {}) {
  const logger = tempLogger();
  const db = new ArchiveDb(`sync-${process.pid}-${++dbCounter}`);
  const pool = new ExtractorPool({ workerUrl: extractWorkerUrl(), size: 2 });
  const service = createSyncService({
    logger,
    extract: (input) => pool.extract(input),
    fetcher: { backoffBaseMs: 20, backoffMaxMs: 200, ...options.fetcher },
    ...options,
  });
  const progress: SyncProgress[] = [];
  let batches = 0;
  let writes = 0;

  async function addSource(id: string, portalUrl: string, extra: { feedUrls?: string[]; backfillUrls?: string[]; downloadImages?: boolean } = {}) {
    await db.sources.put({
      id,
      title: id,
      url: portalUrl,
      kind: 'portal',
      feedUrls: extra.feedUrls ?? [`${portalUrl}/rss/tin-moi.rss`],
      backfillUrls: extra.backfillUrls ?? [`${portalUrl}/sitemap.xml`],
      paused: false,
      schedule: 'off',
      downloadImages: extra.downloadImages ?? true,
      createdAt: new Date().toISOString(),
    });
  }

  /** Runs one sync to the end, storing each batch and acknowledging it as the renderer does. */
  async function sync(sourceIds: string[], filter?: TripFilter, hooks: { onBatch?: (n: number) => void | 'stop' } = {}): Promise<SyncFinished> {
    const request = await buildSyncRequest(db, sourceIds, filter);
    return new Promise<SyncFinished>((resolve, reject) => {
      let runId = '';
      let stopped = false;
      const emit = <E extends keyof ArchiveEvents>(event: E, payload: ArchiveEvents[E]) => {
        if (stopped) return;
        if (event === 'sync:progress') progress.push(payload as SyncProgress);
        if (event === 'sync:finished') resolve(payload as SyncFinished);
        if (event === 'sync:batch') {
          const batch = payload as ArchiveEvents['sync:batch'];
          void applySyncBatch(db, batch).then(
            (r) => {
              batches++;
              writes += r.added + r.updated + r.removed;
              if (hooks.onBatch?.(batches) === 'stop') {
                // Simulates the app dying: this batch is stored but never acknowledged, and nothing more arrives.
                stopped = true;
                service.cancel(runId);
                resolve({ result: 'cancelled' } as SyncFinished);
                return;
              }
              service.ack({ runId: batch.runId, batchId: batch.batchId, ok: true });
            },
            (err) => reject(err),
          );
        }
      };
      runId = service.start(request, emit);
    });
  }

  return {
    db,
    service,
    logger,
    progress,
    addSource,
    sync,
    get writes() {
      return writes;
    },
    resetWrites() {
      writes = 0;
    },
    async close() {
      await service.shutdown();
      await pool.close();
      db.close();
      await db.delete();
    },
  };
}
