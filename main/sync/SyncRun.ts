import type { ApiError } from '../../shared/api/apiError';
import type { ExtractedArticle } from '../../shared/model/article';
import type {
  DocState,
  KnownArticle,
  SyncBatch,
  SyncBatchAck,
  SyncCounters,
  SyncFailure,
  SyncFinished,
  SyncRequest,
  SyncResult,
  SyncSourceSpec,
  SyncedImage,
} from '../../shared/model/sync';
import type { Emit } from '../api/createHandlers';
import { toApiError } from '../api/dispatchCall';
import type { ExtractInput } from '../extract/extractArticle';
import type { Logger } from '../log/createLogger';
import { BatchQueue } from './BatchQueue';
import { enumerateSource, type Candidate } from './enumerateSource';
import type { Fetcher } from './net/Fetcher';
import { isFetchError } from './net/FetchError';

export interface SyncRunOptions {
  runId: string;
  request: SyncRequest;
  fetcher: Fetcher;
  emit: Emit;
  logger: Logger;
  extract(input: ExtractInput): ExtractedArticle | Promise<ExtractedArticle>;
  /** Article pages in flight across the run; the fetcher still caps each host. */
  concurrency?: number;
  maxImageBytes?: number;
  progressIntervalMs?: number;
  ackTimeoutMs?: number;
}

const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8';

/** One sync run over one or more sources: enumerate, fetch, extract, batch, and wait for the store. */
export class SyncRun {
  readonly counters: SyncCounters = { found: 0, fetched: 0, notModified: 0, stored: 0, failed: 0, images: 0, bytes: 0 };
  readonly failures: SyncFailure[] = [];
  private readonly controller = new AbortController();
  private readonly queues = new Map<number, BatchQueue>();
  private readonly startedAt = new Date();
  private batchId = 0;
  private lastProgress = 0;
  private processed = 0;
  private readonly allQueues: BatchQueue[] = [];

  constructor(private readonly o: SyncRunOptions) {}

  cancel() {
    this.controller.abort();
    for (const q of this.queues.values()) q.fail({ code: 'cancelled', message: 'Sync cancelled' });
  }

  get sourceIds(): string[] {
    return this.o.request.sources.map((s) => s.sourceId);
  }

  /** Sends every unacknowledged batch again: the window it went to may have closed or reloaded. */
  resend() {
    for (const q of this.allQueues) q.resend();
  }

  ack(ack: SyncBatchAck) {
    const queue = this.queues.get(ack.batchId);
    if (!queue) return;
    this.queues.delete(ack.batchId);
    queue.ack(ack);
    this.updateStored();
    this.progress();
  }

  async run(): Promise<SyncFinished> {
    const perSource: SyncFinished['perSource'] = [];
    // Sources are usually distinct hosts, and the fetcher limits each host, so they run side by side.
    await Promise.all(
      this.o.request.sources.map(async (spec) => {
        const { result, error } = await this.syncSource(spec);
        perSource.push({ sourceId: spec.sourceId, result, ...(error ? { error } : {}) });
      }),
    );
    this.updateStored();
    const results = perSource.map((p) => p.result);
    const result: SyncResult = this.controller.signal.aborted
      ? 'cancelled'
      : results.every((r) => r === 'ok')
        ? 'ok'
        : results.every((r) => r === 'failed')
          ? 'failed'
          : 'partial';
    const finished: SyncFinished = {
      runId: this.o.runId,
      ...this.counters,
      result,
      perSource,
      failures: this.failures,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    };
    this.o.emit('sync:finished', finished);
    this.o.logger.info(
      `sync ${this.o.runId} ${result}: found ${this.counters.found}, fetched ${this.counters.fetched}, 304 ${this.counters.notModified}, stored ${this.counters.stored}, failed ${this.counters.failed}, images ${this.counters.images}`,
    );
    return finished;
  }

  private updateStored() {
    this.counters.stored = this.allQueues.reduce((sum, q) => sum + q.stored, 0);
  }

  private send = (queue: BatchQueue) => (batch: SyncBatch) => {
    this.queues.set(batch.batchId, queue);
    this.o.emit('sync:batch', batch);
  };

  private fail(spec: SyncSourceSpec, url: string, err: unknown) {
    const e = toApiError(err);
    const status = isFetchError(err) ? err.status : undefined;
    this.failures.push({ url, sourceId: spec.sourceId, code: e.code, message: e.message, ...(status ? { status } : {}) });
    this.counters.failed++;
    this.o.logger.warn(`sync ${spec.sourceId}: ${url}: ${e.code}: ${e.message}`);
  }

  private progress(force = false) {
    const now = Date.now();
    if (!force && now - this.lastProgress < (this.o.progressIntervalMs ?? 250)) return;
    this.lastProgress = now;
    const elapsed = (now - this.startedAt.getTime()) / 1000;
    const rate = this.processed / Math.max(elapsed, 0.001);
    const remaining = Math.max(0, this.counters.found - this.processed);
    this.o.emit('sync:progress', {
      runId: this.o.runId,
      phase: remaining === 0 && this.processed > 0 ? 'finishing' : this.counters.found === 0 ? 'discovering' : 'fetching',
      ...this.counters,
      etaSeconds: this.processed >= 5 && rate > 0 ? Math.round(remaining / rate) : null,
    });
  }

  private async syncSource(spec: SyncSourceSpec): Promise<{ result: SyncResult; error?: ApiError }> {
    const { signal } = this.controller;
    const known = new Map<string, KnownArticle>(spec.known.map((k) => [k.url, k]));
    const knownImages = new Set(spec.knownImages);
    const fetchedImages = new Set<string>();
    const seen = new Set<string>();
    const canonicalSeen = new Set<string>();
    const pending: Candidate[] = [];
    const nextDocs: Record<string, DocState> = {};
    let enumerating = true;
    const idle: (() => void)[] = [];
    const wakeAll = () => idle.splice(0).forEach((w) => w());
    let docErrors = 0;
    let failuresHere = 0;
    let successes = 0;

    const queue = new BatchQueue({
      runId: this.o.runId,
      sourceId: spec.sourceId,
      send: (b) => this.send(queue)(b),
      nextBatchId: () => ++this.batchId,
      ackTimeoutMs: this.o.ackTimeoutMs,
    });
    this.allQueues.push(queue);

    const fail = (url: string, err: unknown) => {
      failuresHere++;
      this.fail(spec, url, err);
    };

    const filter = spec.filter;
    const inFilter = (category?: string, publishedAt?: string) => {
      if (!filter) return true;
      if (filter.categories?.length && category && !filter.categories.includes(category)) return false;
      const day = publishedAt?.slice(0, 10);
      if (day && filter.from && day < filter.from) return false;
      if (day && filter.to && day > filter.to) return false;
      return true;
    };

    const urlsets = { read: 0, unchanged: 0, failed: 0 };
    const addCandidates = (items: Candidate[]) => {
      for (const item of items) {
        if (seen.has(item.url)) continue;
        seen.add(item.url);
        if (!inFilter(item.category, item.publishedAt)) continue;
        const k = known.get(item.url);
        // A sitemap <lastmod> no later than our copy's own modification time: unchanged, no request needed.
        if (k?.updatedAt && item.updatedAt && Date.parse(item.updatedAt) <= Date.parse(k.updatedAt)) continue;
        this.counters.found++;
        pending.push(item);
      }
      wakeAll();
      this.progress();
    };

    const enumeration = enumerateSource(spec, {
      fetcher: this.o.fetcher,
      urlsets,
      signal,
      previous: spec.checkpoint?.docs ?? {},
      next: nextDocs,
      onCandidates: addCandidates,
      onDocError: (url, err) => {
        docErrors++;
        fail(url, err);
      },
    })
      .then(() => {
        // The whole archive was listed afresh: stored articles it no longer lists are checked, so ones the
        // portal deleted get flagged "removed upstream" (a 404/410) instead of lingering unnoticed.
        if (urlsets.read > 0 && urlsets.unchanged === 0 && urlsets.failed === 0 && !spec.filter) {
          addCandidates([...known.keys()].filter((url) => !seen.has(url)).map((url) => ({ url })));
        }
      })
      .finally(() => {
        enumerating = false;
        wakeAll();
      });

    const fetchImages = async (article: ExtractedArticle): Promise<SyncedImage[]> => {
      if (!spec.downloadImages) return [];
      const out: SyncedImage[] = [];
      for (const { url } of article.images) {
        if (knownImages.has(url) || fetchedImages.has(url)) continue;
        fetchedImages.add(url);
        try {
          const res = await this.o.fetcher.fetch(url, { accept: IMAGE_ACCEPT, signal, maxBytes: this.o.maxImageBytes ?? 5 * 1024 * 1024 });
          const mime = (res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
          if (!mime.startsWith('image/')) throw { code: 'not-an-image', message: `${url} is ${mime || 'of unknown type'}, not an image`, params: { url } };
          out.push({ url, mime, bytes: res.body });
          this.counters.images++;
          this.counters.bytes += res.body.byteLength;
        } catch (err) {
          if (signal.aborted) throw err;
          fail(url, err);
        }
      }
      return out;
    };

    const processOne = async (c: Candidate) => {
      const k = known.get(c.url);
      try {
        const res = await this.o.fetcher.fetch(c.url, { etag: k?.etag, lastModified: k?.lastModified, accept: 'text/html,application/xhtml+xml', signal });
        if (res.notModified) {
          this.counters.notModified++;
          successes++;
          return;
        }
        this.counters.fetched++;
        this.counters.bytes += res.body.byteLength;
        const article = await this.o.extract({ url: c.url, finalUrl: res.finalUrl, contentType: res.headers['content-type'], body: res.body });
        if (canonicalSeen.has(article.canonicalUrl)) return;
        canonicalSeen.add(article.canonicalUrl);
        successes++;
        if (!inFilter(article.category, article.publishedAt)) return;
        const stored = known.get(article.canonicalUrl) ?? k;
        const images = await fetchImages(article);
        if (stored && stored.contentHash === article.contentHash && !images.length) return;
        await queue.addArticle({ ...article, fetchedAt: new Date().toISOString(), etag: res.etag, lastModified: res.lastModified }, images);
      } catch (err) {
        if (signal.aborted) return;
        if ((err as ApiError)?.code === 'store-timeout' || (err as ApiError)?.code === 'store-failed') throw err;
        if (isFetchError(err) && (err.status === 404 || err.status === 410)) {
          // Gone is an answer, not a fault: it must not hold back the checkpoint. Listed in the log when
          // it is news (a page we never had), flagged on the stored copy otherwise.
          successes++;
          if (k) await queue.addRemoved(c.url);
          else this.fail(spec, c.url, err);
          return;
        }
        fail(c.url, err);
      } finally {
        this.processed++;
        this.progress();
      }
    };

    const worker = async () => {
      for (;;) {
        if (signal.aborted) return;
        const next = pending.shift();
        if (next) {
          await processOne(next);
          continue;
        }
        if (!enumerating) return;
        await new Promise<void>((resolve) => idle.push(resolve));
      }
    };

    try {
      const workers = Array.from({ length: this.o.concurrency ?? 8 }, worker);
      await Promise.all([enumeration.catch(() => undefined), ...workers]);
      if (signal.aborted) return { result: 'cancelled' };
      await queue.drain();
      const clean = failuresHere === 0;
      if (clean) await queue.flush({ docs: nextDocs });
      this.progress(true);
      const jobs = spec.feedUrls.length + spec.backfillUrls.length;
      if (jobs > 0 && docErrors >= jobs && successes === 0) return { result: 'failed', error: toApiError(this.failures.find((f) => f.sourceId === spec.sourceId)) };
      return { result: clean ? 'ok' : 'partial' };
    } catch (err) {
      if (signal.aborted) return { result: 'cancelled' };
      const error = toApiError(err);
      this.o.logger.error(`sync ${spec.sourceId} stopped: ${error.code}: ${error.message}`);
      return { result: 'failed', error };
    }
  }
}

