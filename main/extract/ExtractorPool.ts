import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../../shared/model/article';
import type { ExtractInput } from './extractArticle';

interface Job {
  id: number;
  input: ExtractInput;
  resolve(value: ExtractedArticle): void;
  reject(err: unknown): void;
}

export interface ExtractorPoolOptions {
  /** The built worker script (dist/main/extractWorker.mjs), or the .ts source with a TypeScript loader. */
  workerUrl: URL;
  size?: number;
  execArgv?: string[];
}

/**
 * Extraction workers for this machine: every core but one, at most four. The spare core is for what a
 * sync does besides extracting: main fetching and handing batches over, and the window writing them
 * and indexing them for search and related articles. On an old two-core laptop that means one
 * extraction worker: a sync measured ~20% slower than with two, but it no longer starves the window.
 */
export function defaultExtractorPoolSize(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

// Jobs handed to a worker before it reports on the one it runs. The next jobs then wait in the worker's
// own message queue, so each starts the moment the last one ends, not when the main thread (often busy
// with a sync's fetching and batches) gets round to the result. With one job each, the worker of a
// one-worker sync always had a job outstanding yet computed for only 9 of 24 s. Four cover ~15 ms of main-thread work
// at ~5 ms a portal page; a crash sends the waiting ones back to the queue.
const JOBS_PER_WORKER = 4;
const MAX_START_FAILURES = 3;

/** A fixed set of worker threads running extractArticle; jobs queue when all are busy. */
export class ExtractorPool {
  /** Jobs posted to each worker, in the order it runs them: the first is running. */
  private readonly sent = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers in a row that died before they came online. */
  private startFailures = 0;

  constructor(private readonly o: ExtractorPoolOptions) {
    const size = o.size ?? defaultExtractorPoolSize();
    for (let i = 0; i < size; i++) this.spawn();
  }

  extract(input: ExtractInput): Promise<ExtractedArticle> {
    if (this.closed) return Promise.reject({ code: 'cancelled', message: 'Extractor pool is closed' });
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  }

  async close() {
    this.closed = true;
    const pending = [...[...this.sent.values()].flat(), ...this.queue.splice(0)];
    this.sent.clear();
    for (const job of pending) job.reject({ code: 'cancelled', message: 'Extractor pool closed' });
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn() {
    const worker = new Worker(this.o.workerUrl, { execArgv: this.o.execArgv });
    worker.unref();
    // Node says 'online' before the worker's module has even loaded; a message says it really runs.
    let started = false;
    worker.on('message', (msg: { id: number; ok: boolean; value?: ExtractedArticle; error?: unknown } | { ready: true }) => {
      if (!started) {
        started = true;
        this.startFailures = 0;
      }
      if ('ready' in msg) return;
      const jobs = this.sent.get(worker) ?? [];
      const i = jobs.findIndex((j) => j.id === msg.id);
      if (i >= 0) {
        const [job] = jobs.splice(i, 1);
        if (msg.ok) job.resolve(msg.value!);
        else job.reject(msg.error);
      }
      this.pump();
    });
    worker.on('error', (err) => {
      // A crashed worker fails only the job it was running; the ones waiting for it go back in line,
      // and a fresh worker takes its place.
      const [job, ...waiting] = this.sent.get(worker) ?? [];
      this.sent.delete(worker);
      this.queue.unshift(...waiting);
      this.workers.splice(this.workers.indexOf(worker), 1);
      job?.reject({ code: 'extract-failed', message: err.message });
      // A worker that cannot even start (missing file, bad loader) would crash forever: after a few in a
      // row, stop respawning. One that ran and then crashed (a page that broke the parser) is replaced
      // every time: with one worker, giving up would end extraction for the rest of the app's life.
      if (!started) this.startFailures++;
      if (this.startFailures >= MAX_START_FAILURES) {
        if (this.workers.length === 0) {
          this.closed = true;
          for (const queued of this.queue.splice(0)) queued.reject({ code: 'extract-failed', message: err.message });
        }
        return;
      }
      if (!this.closed) this.spawn();
      this.pump();
    });
    this.workers.push(worker);
    this.sent.set(worker, []);
  }

  private pump() {
    if (this.closed) return;
    // Every worker gets a job before any gets a second.
    for (let depth = 1; depth <= JOBS_PER_WORKER; depth++) {
      for (const worker of this.workers) {
        const jobs = this.sent.get(worker)!;
        if (jobs.length >= depth) continue;
        const job = this.queue.shift();
        if (!job) return;
        jobs.push(job);
        worker.postMessage({ id: job.id, input: job.input });
      }
    }
  }
}
