import type { SyncBatch, SyncBatchAck, SyncCheckpoint, SyncedArticle, SyncedImage } from '../../shared/model/sync';

export interface BatchQueueOptions {
  runId: string;
  sourceId: string;
  send(batch: SyncBatch): void;
  /** Flush when a batch holds this many articles. */
  maxArticles?: number;
  /** …or this many image bytes. */
  maxImageBytes?: number;
  /** Batches sent but not yet acknowledged before producers wait: backpressure on a slow store. */
  maxUnacked?: number;
  /** Nothing acknowledged for this long means the renderer is gone. */
  ackTimeoutMs?: number;
  nextBatchId(): number;
}

interface Waiting {
  batch: SyncBatch;
  articles: number;
  resolve(): void;
  reject(err: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Groups one source's results into batches and tracks the renderer's acknowledgements. `stored` counts
 * only acknowledged articles: that is what a user may rely on if the app dies now.
 */
export class BatchQueue {
  private articles: SyncedArticle[] = [];
  private images: SyncedImage[] = [];
  private imageBytes = 0;
  private removedUrls: string[] = [];
  private readonly unacked = new Map<number, Waiting>();
  private readonly slotWaiters: (() => void)[] = [];
  private failure: unknown = null;
  stored = 0;

  constructor(private readonly o: BatchQueueOptions) {}

  async addArticle(article: SyncedArticle, images: SyncedImage[]) {
    this.throwIfFailed();
    this.articles.push(article);
    for (const img of images) {
      this.images.push(img);
      this.imageBytes += img.bytes.byteLength;
    }
    if (this.articles.length >= (this.o.maxArticles ?? 25) || this.imageBytes >= (this.o.maxImageBytes ?? 8 * 1024 * 1024)) await this.flush();
  }

  async addRemoved(url: string) {
    this.throwIfFailed();
    this.removedUrls.push(url);
    if (this.removedUrls.length >= 200) await this.flush();
  }

  /** Sends what is pending (and the checkpoint, if given) once there is room in the window. */
  async flush(checkpoint?: SyncCheckpoint) {
    if (!this.articles.length && !this.images.length && !this.removedUrls.length && !checkpoint) return;
    const batch: SyncBatch = {
      runId: this.o.runId,
      batchId: this.o.nextBatchId(),
      sourceId: this.o.sourceId,
      articles: this.articles,
      images: this.images,
      removedUrls: this.removedUrls,
      ...(checkpoint ? { checkpoint } : {}),
    };
    this.articles = [];
    this.images = [];
    this.imageBytes = 0;
    this.removedUrls = [];
    while (this.unacked.size >= (this.o.maxUnacked ?? 2)) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
      this.throwIfFailed();
    }
    const done = new Promise<void>((resolve, reject) => {
      this.unacked.set(batch.batchId, { batch, articles: batch.articles.length, resolve, reject, timer: this.ackTimer(batch.batchId) });
    });
    done.catch(() => undefined);
    this.o.send(batch);
    return done;
  }

  /** Sends the unacknowledged batches again, each with a fresh deadline; storing a batch twice is harmless. */
  resend() {
    if (this.failure) return;
    for (const [batchId, w] of this.unacked) {
      clearTimeout(w.timer);
      w.timer = this.ackTimer(batchId);
      this.o.send(w.batch);
    }
  }

  private ackTimer(batchId: number) {
    return setTimeout(
      () => this.fail({ code: 'store-timeout', message: `The store did not confirm batch ${batchId} in time` }),
      this.o.ackTimeoutMs ?? 120_000,
    );
  }

  /** Waits until every sent batch is acknowledged. */
  async drain() {
    await this.flush();
    while (this.unacked.size) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
      this.throwIfFailed();
    }
  }

  ack(ack: SyncBatchAck): boolean {
    const waiting = this.unacked.get(ack.batchId);
    if (!waiting) return false;
    clearTimeout(waiting.timer);
    this.unacked.delete(ack.batchId);
    if (ack.ok) {
      this.stored += waiting.articles;
      waiting.resolve();
    } else {
      this.fail(ack.error ?? { code: 'store-failed', message: 'The store refused a batch' });
    }
    this.wake();
    return true;
  }

  fail(err: unknown) {
    if (this.failure) return;
    this.failure = err;
    for (const w of this.unacked.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.unacked.clear();
    this.wake();
  }

  private wake() {
    for (const w of this.slotWaiters.splice(0)) w();
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure;
  }
}
