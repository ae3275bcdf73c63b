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

/** A fixed set of worker threads running extractArticle; jobs queue when all are busy. */
export class ExtractorPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private closed = false;
  private crashes = 0;

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
    for (const job of this.queue.splice(0)) job.reject({ code: 'cancelled', message: 'Extractor pool closed' });
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn() {
    const worker = new Worker(this.o.workerUrl, { execArgv: this.o.execArgv });
    worker.unref();
    worker.on('message', (msg: { id: number; ok: boolean; value?: ExtractedArticle; error?: unknown }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (job && job.id === msg.id) {
        if (msg.ok) job.resolve(msg.value!);
        else job.reject(msg.error);
      }
      this.pump();
    });
    worker.on('error', (err) => {
      // A crashed worker fails only its own job; a fresh one takes its place.
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      job?.reject({ code: 'extract-failed', message: err.message });
      // A worker that cannot even start (missing file, bad loader) would crash forever: stop respawning.
      if (++this.crashes > 20 || this.workers.length === 0) {
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
    this.idle.push(worker);
  }

  private pump() {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, input: job.input });
    }
  }
}
