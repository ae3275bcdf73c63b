/**
 * Sync benchmark: 2,000 articles with images from the fixture portal (its own process, on loopback)
 * through main's real sync service (Fetcher, ExtractorPool worker threads, SyncRun, BatchQueue) into the
 * renderer's real store code (SyncController → applySyncBatch → Dexie) on fake-indexeddb in Node.
 *
 * In the same run, three baselines over the same work:
 *   (a) fetch only: every URL the sync fetched, with a Fetcher of the same settings, client (the app's
 *       default, undici's request) and concurrency, against a second portal process in the state the
 *       sync found its portal in (fresh, warmed up);
 *   (b) decode + extract + sanitize only: the same article bodies through the same extractor pool;
 *   (c) store only: the same batches written with applySyncBatch into a fresh database.
 * ratio = end-to-end seconds / (a + b + c): below 1 means the pipeline overlaps its stages; above 1
 * means it loses time between them (acknowledgement waits, idle workers) or that the stages, run
 * together, fight over the CPU. `extractorIdleShare` (time the pool had less work than workers) tells the
 * two apart, and `cpuRatio` repeats the comparison in CPU time, which other load on a shared machine
 * disturbs far less than wall time. `warmPortal` repeats the end-to-end run and (a) against a portal
 * that has already served everything once.
 *
 *   npm run bench:sync [-- --articles 2000]
 *
 * Prints one JSON object. fake-indexeddb is much slower than a browser's IndexedDB and keeps everything
 * in memory, so store time and memory are upper bounds of the app's.
 */
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { ArchiveApi, ArchiveBridge, ArchiveEvents } from '../shared/api/archiveApi';
import type { SyncBatch, SyncFinished } from '../shared/model/sync';
import { ExtractorPool, defaultExtractorPoolSize } from '../main/extract/ExtractorPool';
import { createLogger, type Logger } from '../main/log/createLogger';
import { createSyncService } from '../main/sync/createSyncService';
import { Fetcher } from '../main/sync/net/Fetcher';
import { ArchiveDb } from '../renderer/data/ArchiveDb';
import { applySyncBatch } from '../renderer/data/applySyncBatch';
import { SyncController } from '../renderer/data/syncController';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 2000);
const CONCURRENCY = 8; // SyncRun's default article workers
const APP_VERSION = 'bench';

// The app's own rotating file logger, in a scratch folder: its synchronous appends are part of the cost.
const logger: Logger = createLogger({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-log-')) });

function startPortalProcess(articles: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.resolve(root, '../shared/portal/serve.mjs'), '--port', '0', '--articles', String(articles)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /portal listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`portal exited ${code}: ${out}`)));
  });
}

function buildWorker(): URL {
  const outfile = path.resolve(root, '.cache/bench/extractWorker.mjs');
  buildSync({ entryPoints: [path.resolve(root, 'main/extract/extractWorker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
  return pathToFileURL(outfile);
}

/** Peak resident memory: sampled, and the kernel's high-water mark (worker threads live in this process). */
function memoryProbe() {
  // memoryUsage.rss() reads one number; memoryUsage() walks the heap spaces and showed up in profiles.
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024) / (1024 * 1024);
    },
  };
}

interface BatchShape {
  sourceId: string;
  articleIds: string[];
  imageUrls: string[];
  removedUrls: string[];
  checkpoint?: SyncBatch['checkpoint'];
}

/** The batches the run sent, rebuilt record for record from the store it filled. */
async function rebuildBatches(db: ArchiveDb, shapes: BatchShape[]): Promise<SyncBatch[]> {
  const out: SyncBatch[] = [];
  let batchId = 0;
  for (const shape of shapes) {
    const [rows, bodies, images] = await Promise.all([db.articles.bulkGet(shape.articleIds), db.bodies.bulkGet(shape.articleIds), db.images.bulkGet(shape.imageUrls)]);
    const articles = rows.map((row, i) => {
      const { id: _id, sourceId: _sourceId, removedUpstream: _r, removed: _x, lang: _lang, ...meta } = row!;
      return { ...meta, html: bodies[i]!.html, text: bodies[i]!.text };
    });
    const imageData = await Promise.all(images.map(async (img) => ({ url: img!.url, mime: img!.mime, bytes: new Uint8Array(await img!.blob.arrayBuffer()) })));
    out.push({ runId: 'baseline', batchId: ++batchId, sourceId: shape.sourceId, articles, images: imageData, removedUrls: shape.removedUrls, ...(shape.checkpoint ? { checkpoint: shape.checkpoint } : {}) });
  }
  return out;
}

interface Fetched {
  url: string;
  contentType: string;
}

/** What one end-to-end sync measured, and what the baselines replay of it. */
interface EndToEnd {
  seconds: number;
  cpu: number;
  mainThreadBusy: number;
  peakRssMb: number;
  stored: number;
  storedImages: number;
  finished: SyncFinished;
  idleShare: number;
  /** Every response that was not a redirect, in order: the URL list the fetch baseline replays. */
  fetched: Fetched[];
  batchShapes: BatchShape[];
  db: ArchiveDb;
}

/** One sync of the whole portal, as the app runs it: main's sync service → SyncController → Dexie. */
async function runEndToEnd(portalUrl: string, pool: ExtractorPool, poolSize: number, dbName: string): Promise<EndToEnd> {
  const fetched: Fetched[] = [];
  // Observed rather than intercepted, so the run goes through the app's own client (undici's request).
  const recordResponse = (url: string, status: number, headers: Readonly<Record<string, string>>) => {
    if (status < 300 || status >= 400) fetched.push({ url, contentType: headers['content-type'] ?? '' });
  };

  // How often the pool had less work than workers: time with fewer than poolSize extractions outstanding.
  const starve = { outstanding: 0, since: 0, starvedMs: 0, on: false };
  const mark = () => {
    const now = performance.now();
    if (starve.on && starve.outstanding < poolSize) starve.starvedMs += now - starve.since;
    starve.since = now;
  };
  const service = createSyncService({
    logger,
    appVersion: APP_VERSION,
    extract: (input) => {
      mark();
      starve.outstanding++;
      return pool.extract(input).finally(() => {
        mark();
        starve.outstanding--;
      });
    },
    fetcher: { onResponse: recordResponse },
  });

  // The renderer side exactly as the app wires it, minus the socket: SyncController on a bridge to the service.
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  // Only the shape of each batch is kept (holding the payloads would inflate the run's memory); the store
  // baseline rebuilds the same records from what the run stored.
  const batchShapes: BatchShape[] = [];
  const emit = <E extends keyof ArchiveEvents>(event: E, payload: ArchiveEvents[E]) => {
    if (event === 'sync:batch') {
      const b = payload as SyncBatch;
      batchShapes.push({ sourceId: b.sourceId, articleIds: b.articles.map((a) => a.canonicalUrl), imageUrls: b.images.map((i) => i.url), removedUrls: b.removedUrls, checkpoint: b.checkpoint });
    }
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const api = {
    startSync: async (request: Parameters<ArchiveApi['startSync']>[0]) => ({ runId: service.start(request, emit) }),
    ackSyncBatch: async (ack: Parameters<ArchiveApi['ackSyncBatch']>[0]) => service.ack(ack),
    cancelSync: async (runId: string) => service.cancel(runId),
    resumeSync: async () => ({ runs: service.resume() }),
    log: async ({ message }: { message: string }) => console.error(message),
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

  const db = new ArchiveDb(dbName);
  await db.sources.put({
    id: 'portal',
    title: 'portal',
    url: portalUrl,
    kind: 'portal',
    feedUrls: [`${portalUrl}/rss/tin-moi.rss`],
    backfillUrls: [`${portalUrl}/sitemap.xml`],
    paused: false,
    schedule: 'off',
    downloadImages: true,
    createdAt: new Date().toISOString(),
  });
  const controller = new SyncController(db, bridge);

  const memory = memoryProbe();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  starve.on = true;
  starve.since = t0;
  const finished = await new Promise<SyncFinished>((resolve, reject) => {
    let runId: string | null = null;
    const check = () => {
      const done = runId && controller.getState().recent.find((f) => f.runId === runId);
      if (done) resolve(done);
    };
    controller.subscribe(check);
    controller.start(['portal']).then((id) => {
      if (!id) reject(new Error(`sync did not start: ${JSON.stringify(controller.getState().startError)}`));
      runId = id;
      check();
    }, reject);
  });
  await controller.idle();
  mark();
  starve.on = false;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  const mainThreadBusy = performance.eventLoopUtilization(elu0).active / 1000;
  const peakRssMb = memory.stop();
  const stored = await db.articles.where('sourceId').equals('portal').count();
  const storedImages = await db.images.count();
  await service.shutdown();
  controller.dispose();
  return { seconds, cpu, mainThreadBusy, peakRssMb, stored, storedImages, finished, idleShare: starve.starvedMs / 1000 / seconds, fetched, batchShapes, db };
}

/** Baseline (a): the URLs a sync fetched, with a Fetcher of the same settings and the same number of workers. */
async function fetchOnly(urls: string[], keepBodies?: Map<string, { body: Uint8Array; contentType: string; finalUrl: string }>) {
  const fetcher = new Fetcher({ appVersion: APP_VERSION });
  let next = 0;
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const url = urls[next++];
        try {
          const res = await fetcher.fetch(url);
          if (keepBodies && /\/bai-viet\//.test(url) && /html/i.test(res.headers['content-type'] ?? '')) {
            keepBodies.set(url, { body: res.body, contentType: res.headers['content-type'] ?? '', finalUrl: res.finalUrl });
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  await fetcher.close();
  return { seconds, cpu, errors };
}

/**
 * The same requests the pool warm-up makes, so a portal started for a baseline is in the state the
 * end-to-end run found its portal in (the server's JIT warm, nothing else rendered yet).
 */
async function warmPortal(portalUrl: string, links: string[]): Promise<void> {
  const fetcher = new Fetcher({ appVersion: APP_VERSION });
  await fetcher.fetch(`${portalUrl}/`);
  for (const link of links) await fetcher.fetch(portalUrl + link);
  await fetcher.close();
}

async function main() {
  const started = performance.now();
  const { url: portalUrl, child } = await startPortalProcess(ARTICLES);
  const workerUrl = buildWorker();
  // `--pool N` tries another number of extraction workers than the app's default.
  const poolSize = arg('pool', 0) || defaultExtractorPoolSize();
  const pool = new ExtractorPool({ workerUrl, size: poolSize });

  // A long-lived app's pool is warm (JIT, jsdom's first-document costs): warm it the same way for the
  // end-to-end run and the extraction baseline, on pages of the home listing.
  const warmFetcher = new Fetcher({ appVersion: APP_VERSION });
  const home = await warmFetcher.fetch(`${portalUrl}/`);
  const links = [...new Set(new TextDecoder().decode(home.body).match(/\/bai-viet\/[\w-]+\.html/g) ?? [])].slice(0, 2 * poolSize * 4);
  for (const link of links) {
    const page = await warmFetcher.fetch(portalUrl + link);
    await pool.extract({ url: portalUrl + link, finalUrl: page.finalUrl, contentType: page.headers['content-type'], body: page.body });
  }
  await warmFetcher.close();

  // ---- end to end, against a portal that has served nothing but the warm-up ----
  const e2e = await runEndToEnd(portalUrl, pool, poolSize, `bench-sync-${process.pid}`);

  // ---- (a) fetch only: same URLs, same Fetcher settings, same number of workers ----
  // The portal renders pages and draws images on first request and keeps the images: replaying the URLs
  // against the portal the sync just warmed would time a server with less work to do than the sync
  // faced. So (a) runs against a second portal process, started and warmed the same way.
  const fresh = await startPortalProcess(ARTICLES);
  await warmPortal(fresh.url, links);
  const replayed = e2e.fetched.filter((f) => !f.url.endsWith('/robots.txt')).map((f) => fresh.url + f.url.slice(portalUrl.length));
  const bodies = new Map<string, { body: Uint8Array; contentType: string; finalUrl: string }>();
  const fetchA = await fetchOnly(replayed, bodies);
  fresh.child.kill('SIGTERM');

  // ---- (b) decode + extract + sanitize only, the same bodies through the same pool ----
  const cpuB = process.cpuUsage();
  const tB = performance.now();
  let extractErrors = 0;
  await Promise.all(
    [...bodies].map(([url, b]) =>
      pool.extract({ url, finalUrl: b.finalUrl, contentType: b.contentType, body: b.body }).catch(() => {
        extractErrors++;
      }),
    ),
  );
  const extractSeconds = (performance.now() - tB) / 1000;
  const extractCpu = cpuSeconds(cpuB);
  const extractedPages = bodies.size;
  bodies.clear();

  // ---- (c) store only: the same batches, written one after another as the controller does ----
  const batches = await rebuildBatches(e2e.db, e2e.batchShapes);
  const storeDb = new ArchiveDb(`bench-store-${process.pid}`);
  await storeDb.open();
  const cpuC = process.cpuUsage();
  const tC = performance.now();
  for (const batch of batches) await applySyncBatch(storeDb, batch);
  const storeSeconds = (performance.now() - tC) / 1000;
  const storeCpu = cpuSeconds(cpuC);
  batches.length = 0;
  await storeDb.delete();
  await e2e.db.delete();

  // ---- the same comparison with a warm portal: a second sync into an empty store, then (a) again ----
  // Both now hit a server that has drawn every image once; this isolates the pipeline's own overlap from
  // the fixture's first-request costs, which (on a two-core machine) compete with extraction for the CPU.
  const warm = await runEndToEnd(portalUrl, pool, poolSize, `bench-sync-warm-${process.pid}`);
  const fetchWarm = await fetchOnly(warm.fetched.filter((f) => !f.url.endsWith('/robots.txt')).map((f) => f.url));
  await warm.db.delete();
  await pool.close();

  const baselineSum = fetchA.seconds + extractSeconds + storeSeconds;
  const result = {
    bench: 'sync',
    store: 'fake-indexeddb',
    articles: e2e.stored,
    portalArticles: ARTICLES,
    images: e2e.storedImages,
    result: e2e.finished.result,
    failures: e2e.finished.failures.length,
    downloadedBytes: e2e.finished.bytes,
    endToEndSeconds: round(e2e.seconds),
    articlesPerSecond: round(e2e.stored / e2e.seconds),
    baselines: {
      fetchSeconds: round(fetchA.seconds),
      extractSeconds: round(extractSeconds),
      storeSeconds: round(storeSeconds),
      fetchRequests: replayed.length,
      fetchErrors: fetchA.errors,
      extractedPages,
      extractErrors,
      storedBatches: e2e.batchShapes.length,
    },
    ratio: round(e2e.seconds / baselineSum, 3),
    // The same run and baseline against a warm portal (see above).
    warmPortal: {
      endToEndSeconds: round(warm.seconds),
      articlesPerSecond: round(warm.stored / warm.seconds),
      fetchSeconds: round(fetchWarm.seconds),
      ratio: round(warm.seconds / (fetchWarm.seconds + extractSeconds + storeSeconds), 3),
    },
    // CPU time of this process, worker threads included: equal sums mean no extra work, only waiting.
    cpuSeconds: {
      endToEnd: round(e2e.cpu),
      endToEndMainThreadBusy: round(e2e.mainThreadBusy),
      fetch: round(fetchA.cpu),
      extract: round(extractCpu),
      store: round(storeCpu),
    },
    // The same comparison in CPU time, which other load on the machine disturbs far less than wall time.
    cpuRatio: round(e2e.cpu / (fetchA.cpu + extractCpu + storeCpu), 3),
    extractorIdleShare: round(e2e.idleShare, 3),
    loadAverage: os.loadavg().map((l) => round(l)),
    warmupPages: links.length,
    peakRssMb: Math.round(e2e.peakRssMb),
    settings: { extractorPoolSize: poolSize, articleConcurrency: CONCURRENCY, perHostConcurrency: 4 },
    machine: { node: process.version, cpus: os.availableParallelism(), platform: process.platform },
    totalSeconds: round((performance.now() - started) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
  child.kill('SIGTERM');
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
