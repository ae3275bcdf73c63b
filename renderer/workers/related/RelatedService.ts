import { RelatedIndex, reasonFor } from '../../../shared/related';
import type { ArchiveDb } from '../../data/ArchiveDb';
import type { ArticlesChanged } from '../../data/articleChanges';
import { loadRelatedIndexes, saveRelatedIndexes, type RelatedPartition } from '../../data/relatedIndexStore';
import { articleIdsFetchedSince } from '../../data/searchDocs';
import { articleIdsNewestFirst, listIndexableArticles, readIndexableArticles, readRelatedInputs, type RelatedInput } from '../../data/relatedSource';
import { inBackgroundSlot } from '../backgroundSlot';
import { partitionOf } from './partitionOf';
import type { RelatedProgress, SimilarAnswer, SimilarItem } from './relatedProtocol';
import { toRelatedDoc } from './toRelatedDoc';

export interface RelatedServiceOptions {
  /** Quiet time after the last change before the index is saved. */
  saveDelayMs?: number;
  /** Called after every batch that changed an index. */
  onChange?(progress: RelatedProgress): void;
  /** Lets queued messages (queries) run between batches; tests pass an immediate one. */
  yieldToEvents?(): Promise<void>;
  log?(message: string): void;
}

/**
 * How long one `add` may hold the worker: a query that arrives meanwhile waits at most this, and so
 * does the search worker for its turn of the shared background slot.
 */
const BATCH_BUDGET_MS = 50;
const MAX_BATCH = 200;
/** A save costs a full serialisation; saving at most every (this × last save time) bounds that share. */
const SAVE_COST_FACTOR = 5;
/**
 * While a backlog is being indexed (after a big sync, every article of the archive), a save rewrites
 * the whole index for a few more articles: at most this often, and at most a tenth of the time. A page
 * closed meanwhile loses at most this much work, which the next start redoes from the articles.
 */
const BACKLOG_SAVE_EVERY_MS = 30_000;
const BACKLOG_SAVE_COST_FACTOR = 10;
const RETRY_MS = 5000;
/**
 * On start-up, articles fetched up to this long before the newest indexed one are checked against their
 * stored hash: sync writes a batch seconds after fetching it, so a change the index missed when the page
 * closed has a fetchedAt at most about that far back (the search index uses the same margin).
 */
const RECHECK_MARGIN_MS = 600_000;

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The related-articles worker's state machine, free of worker plumbing so it runs on fake-indexeddb in
 * tests. It loads the persisted indexes, reconciles them with the store (articles added, edited or
 * deleted while it was not running), then keeps them current from change notifications, newest articles
 * first, in small batches so queries are answered between them. A query for an article not indexed yet
 * indexes that one article first: opening an article never waits for the rest.
 */
export class RelatedService {
  private readonly partitions = new Map<string, RelatedPartition>();
  private readonly pendingPut = new Set<string>();
  private readonly pendingDelete = new Set<string>();
  private readonly saveDelayMs: number;
  private readonly yieldToEvents: () => Promise<void>;
  private loaded: Promise<boolean> | null = null;
  private reconciled = false;
  private pump: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private msPerDoc = 5;
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private lastSaveMs = 0;
  private lastSaveEnd = 0;
  private stopped = false;
  /** Newest `fetchedAt` of what the index holds; saved with it. */
  private maxFetchedAt = '';

  constructor(
    private readonly db: ArchiveDb,
    private readonly options: RelatedServiceOptions = {},
  ) {
    this.saveDelayMs = options.saveDelayMs ?? 2000;
    this.yieldToEvents = options.yieldToEvents ?? defaultYield;
  }

  /**
   * Loads the stored index and queues whatever the store has that it lacks. Resolves once queries can be
   * answered; indexing continues in the background (`idle()` waits for it). Resolves to whether the
   * stored index was usable.
   */
  start(): Promise<boolean> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** A batch was stored or deleted somewhere in the app. */
  enqueue(change: ArticlesChanged): void {
    for (const id of change.deleted) {
      this.pendingPut.delete(id);
      this.pendingDelete.add(id);
    }
    for (const id of change.put) {
      this.pendingDelete.delete(id);
      this.pendingPut.add(id);
    }
    if (this.reconciled) this.kick();
  }

  progress(): RelatedProgress {
    let indexed = 0;
    for (const p of this.partitions.values()) indexed += p.index.size;
    return { indexed, pending: this.pendingPut.size + this.pendingDelete.size };
  }

  has(id: string): boolean {
    return this.partitions.get(partitionOf(id))?.index.has(id) ?? false;
  }

  /** The `k` most similar articles of the same partition, each with its reason. */
  async similar(articleId: string, k: number): Promise<SimilarAnswer> {
    await this.start();
    const partition = this.partition(partitionOf(articleId));
    if (!partition.index.has(articleId)) {
      const [input] = await readRelatedInputs(this.db, [articleId]);
      if (!input) return { articleId, state: 'unknown', items: [], progress: this.progress() };
      if (!partition.index.has(articleId)) this.apply([input], []);
    }
    const hits = partition.index.similar(articleId, k);
    const inputs = await readRelatedInputs(this.db, [articleId, ...hits.map((h) => h.id)]);
    const byId = new Map(inputs.map((i) => [i.id, i]));
    const source = byId.get(articleId);
    if (!source) return { articleId, state: 'unknown', items: [], progress: this.progress() };
    const items: SimilarItem[] = [];
    for (const hit of hits) {
      const other = byId.get(hit.id);
      // Deleted since it was indexed; its removal is queued.
      if (!other) continue;
      const reason = reasonFor(hit, source, other);
      items.push({ id: other.id, title: other.title, sharedTerms: reason.sharedTerms, sameCategory: reason.sameCategory });
    }
    const progress = this.progress();
    return { articleId, state: this.reconciled && progress.pending === 0 ? 'ready' : 'indexing', items, progress };
  }

  /** Resolves when nothing is queued and the index is saved (tests, shutdown). */
  async idle(): Promise<void> {
    await this.start();
    for (;;) {
      if (this.pump) {
        await this.pump;
      } else if ((this.pendingPut.size || this.pendingDelete.size) && !this.retryTimer && !this.stopped) {
        this.kick();
      } else if (this.dirty && !this.stopped) {
        await this.saveNow();
        if (this.dirty) break; // the save failed; it is retried on the next change
      } else {
        break;
      }
    }
    await this.saving;
  }

  /** Stops background work; a pending save is written first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pump) await this.pump;
    if (this.dirty) await this.saveNow();
    await this.saving;
  }

  // ---- loading and reconciling ----------------------------------------------------------------

  private async load(): Promise<boolean> {
    const started = performance.now();
    // Decoding a large index is seconds of CPU: it takes its turn like any other background step.
    const stored = await inBackgroundSlot(() => loadRelatedIndexes(this.db));
    let since: string | null = null;
    if (stored.ok) {
      for (const [name, partition] of stored.partitions) this.partitions.set(name, partition);
      this.maxFetchedAt = stored.manifest.maxFetchedAt ?? '';
      if (this.maxFetchedAt) since = new Date(Date.parse(this.maxFetchedAt) - RECHECK_MARGIN_MS).toISOString();
      this.log(`loaded ${stored.manifest.count} articles in ${Math.round(performance.now() - started)} ms`);
    } else if (stored.reason !== 'empty') {
      // The articles are the source of truth: a bad index is rebuilt, never trusted.
      this.log(`stored index refused (${stored.reason}: ${stored.detail}); rebuilding`);
      this.dirty = true;
    }
    await this.reconcile(since);
    return stored.ok;
  }

  private indexedHash(id: string): string | undefined {
    return this.partitions.get(partitionOf(id))?.hashes.get(id);
  }

  /**
   * Compares the index with the store from keys: ids it lacks, ids the store no longer has, and, of the
   * ids it has, those fetched since `since` (the hash decides). Without a `since` but with something
   * indexed, every article's hash is checked (an index saved before that was recorded).
   */
  private async reconcile(since: string | null): Promise<void> {
    const started = performance.now();
    // Newest first: those are the ones people open, and the index is useful long before it is complete.
    const ids = await articleIdsNewestFirst(this.db);
    const inStore = new Set(ids);
    for (const p of this.partitions.values()) {
      for (const id of p.hashes.keys()) if (!inStore.has(id) && !this.pendingPut.has(id)) this.pendingDelete.add(id);
    }
    const anyIndexed = [...this.partitions.values()].some((p) => p.hashes.size > 0);
    const suspects = !anyIndexed ? [] : since !== null ? await articleIdsFetchedSince(this.db, since) : null;
    const changed = suspects === null
      ? (await listIndexableArticles(this.db)).filter((a) => this.indexedHash(a.id) !== undefined && this.indexedHash(a.id) !== a.hash)
      : (await readIndexableArticles(this.db, suspects.filter((id) => this.indexedHash(id) !== undefined))).filter((a) => this.indexedHash(a.id) !== a.hash);
    const toIndex = [...changed.map((a) => a.id), ...ids.filter((id) => this.indexedHash(id) === undefined)];
    for (const id of toIndex) if (!this.pendingDelete.has(id)) this.pendingPut.add(id);
    this.reconciled = true;
    this.log(`reconciled in ${Math.round(performance.now() - started)} ms: ${toIndex.length} to index (${changed.length} changed), ${this.pendingDelete.size} to remove`);
    this.kick();
    if (this.dirty) this.scheduleSave();
  }

  // ---- incremental work ------------------------------------------------------------------------

  private kick(): void {
    if (this.pump || this.stopped || this.retryTimer) return;
    this.pump = this.drain().finally(() => {
      this.pump = null;
      // The backlog is done: the quiet delay applies again instead of the backlog's spacing.
      if (this.saveTimer && !this.pendingPut.size && !this.pendingDelete.size) {
        clearTimeout(this.saveTimer);
        this.saveTimer = null;
        this.scheduleSave();
      }
      if (!this.stopped && (this.pendingPut.size || this.pendingDelete.size)) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (this.pendingPut.size || this.pendingDelete.size)) {
      const deleted = [...this.pendingDelete];
      this.pendingDelete.clear();
      const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_BUDGET_MS / this.msPerDoc)));
      const ids = [...this.pendingPut].slice(0, size);
      for (const id of ids) this.pendingPut.delete(id);
      let inputs: RelatedInput[];
      try {
        inputs = ids.length ? await readRelatedInputs(this.db, ids) : [];
      } catch (err) {
        // Reading failed (database closing, quota): requeue rather than lose the work.
        for (const id of ids) this.pendingPut.add(id);
        for (const id of deleted) this.pendingDelete.add(id);
        this.log(`reading articles failed: ${String(err)}; retrying in ${RETRY_MS / 1000} s`);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.kick();
        }, RETRY_MS);
        return;
      }
      // An id that was put but is no longer stored was deleted after the notification.
      const found = new Set(inputs.map((i) => i.id));
      const gone = ids.filter((id) => !found.has(id));
      // Timed inside the slot: waiting for the turn is not what a document costs.
      const { changed, ms } = await inBackgroundSlot(() => {
        const started = performance.now();
        return { changed: this.apply(inputs, [...deleted, ...gone]), ms: performance.now() - started };
      });
      const fresh = inputs.length;
      if (fresh > 0) this.msPerDoc = Math.max(0.5, 0.7 * this.msPerDoc + (0.3 * ms) / fresh);
      if (changed) {
        this.options.onChange?.(this.progress());
        this.scheduleSave();
      }
      await this.yieldToEvents();
    }
  }

  /** Adds or replaces `inputs` and removes `deleted`; returns whether any index changed. */
  private apply(inputs: RelatedInput[], deleted: string[]): boolean {
    let changed = false;
    const removals = new Map<string, string[]>();
    for (const id of deleted) {
      const name = partitionOf(id);
      if (this.partitions.get(name)?.hashes.has(id)) removals.set(name, [...(removals.get(name) ?? []), id]);
    }
    for (const [name, ids] of removals) {
      const p = this.partition(name);
      p.index.remove(ids);
      for (const id of ids) p.hashes.delete(id);
      changed = true;
    }
    const additions = new Map<string, RelatedInput[]>();
    for (const input of inputs) {
      const name = partitionOf(input.id);
      // Re-stored unchanged (sync refreshed its view count, say): nothing to re-weigh.
      if (this.partitions.get(name)?.hashes.get(input.id) === input.hash) continue;
      additions.set(name, [...(additions.get(name) ?? []), input]);
    }
    for (const input of inputs) if (input.fetchedAt > this.maxFetchedAt) this.maxFetchedAt = input.fetchedAt;
    for (const [name, list] of additions) {
      const p = this.partition(name);
      p.index.add(list.map(toRelatedDoc));
      for (const input of list) p.hashes.set(input.id, input.hash);
      changed = true;
    }
    if (changed) this.dirty = true;
    return changed;
  }

  private partition(name: string): RelatedPartition {
    let p = this.partitions.get(name);
    if (!p) {
      p = { index: new RelatedIndex(), hashes: new Map() };
      this.partitions.set(name, p);
    }
    return p;
  }

  // ---- persistence -----------------------------------------------------------------------------

  private scheduleSave(): void {
    if (this.saveTimer || this.stopped) return;
    const sinceLast = performance.now() - this.lastSaveEnd;
    const backlog = this.pendingPut.size + this.pendingDelete.size > 0;
    const spacing = backlog ? Math.max(BACKLOG_SAVE_EVERY_MS, BACKLOG_SAVE_COST_FACTOR * this.lastSaveMs) : SAVE_COST_FACTOR * this.lastSaveMs;
    const wait = Math.max(this.saveDelayMs, spacing - sinceLast);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.saveNow();
    }, wait);
  }

  private saveNow(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const started = performance.now();
      try {
        const manifest = await inBackgroundSlot(() => saveRelatedIndexes(this.db, this.partitions, { maxFetchedAt: this.maxFetchedAt }));
        this.lastSaveMs = performance.now() - started;
        this.log(`saved ${manifest.count} articles in ${Math.round(this.lastSaveMs)} ms`);
      } catch (err) {
        // Kept in memory; the next change (or restart's reconcile) tries again.
        this.dirty = true;
        this.log(`saving the index failed: ${String(err)}`);
      } finally {
        this.lastSaveEnd = performance.now();
      }
    });
    return this.saving;
  }

  private log(message: string): void {
    this.options.log?.(`related: ${message}`);
  }
}
