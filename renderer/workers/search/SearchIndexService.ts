import {
  IndexFormatError, SearchEngine, formatQuery, highlightRanges, isConverted, makeSnippet,
  type HighlightRange, type SnippetSegment,
} from '../../../shared/search/index';
import type { ArchiveDb } from '../../data/ArchiveDb';
import { onArticlesChanged, type ArticlesChanged } from '../../data/articleChanges';
import {
  allArticleIds, articleIdsFetchedSince, hiddenGuidePrefix, markedFilterIds, metadataFilterIds, readDocsToIndex,
  readResultSources, shortHash,
} from '../../data/searchDocs';
import type { SearchFilters } from '../../data/searchFilters';
import { loadSearchIndex, saveSearchIndex } from '../../data/searchIndexStore';
import { inBackgroundSlot } from '../backgroundSlot';
import type { IndexPhase, IndexProblem, IndexStatus, ResultRow, SearchRequest, SearchResponse } from './searchProtocol';

export interface SearchIndexServiceOptions {
  /** Save this long after the last change (default 2.5 s)… */
  quietMs?: number;
  /** …or at the latest this long after the first unsaved one, so a long rebuild keeps its progress (default 60 s). */
  maxUnsavedMs?: number;
  /** Articles read from the store per step (default 200). */
  readBatch?: number;
  /** Longest stretch of indexing between yields, so queries keep answering (default 30 ms). */
  sliceMs?: number;
  /**
   * On startup, articles fetched up to this long before the newest indexed one are checked against
   * their stored hash (default 10 min): sync writes a batch seconds after fetching it, so a write the
   * index missed when the page died has a fetchedAt at most about that far back. The check reads
   * article rows, never bodies, and only bodies of articles that did change.
   */
  recheckMarginMs?: number;
  onStatus?(status: IndexStatus): void;
  /** Where load and save timings go (the worker's console), for diagnosing a slow start. */
  log?(message: string): void;
  /** How changes are heard; the BroadcastChannel by default. */
  subscribe?(listener: (change: ArticlesChanged) => void): () => void;
  now?(): number;
}

const SNIPPET_CHARS = 220;

const pause = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function segmentsOf(text: string, ranges: readonly HighlightRange[]): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), match: false });
    out.push({ text: text.slice(r.start, r.end), match: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/**
 * The search index of one window, meant to run in a Web Worker: loads the persisted index (or builds
 * one), keeps it in step with the store as articles change, saves it in the background, and answers
 * queries with filters, titles and snippets. Indexing runs in short slices so queries answer meanwhile.
 */
export class SearchIndexService {
  private engine = new SearchEngine();
  /** Article id → short content hash, for everything the engine holds. */
  private hashes = new Map<string, string>();
  private maxFetchedAt = '';
  /** Ids to check and (re)index, oldest request first. */
  private readonly queue = new Set<string>();
  private phase: IndexPhase = 'loading';
  private error: IndexProblem | null = null;
  private loaded: Promise<void> | null = null;
  private pumping: Promise<void> | null = null;
  private unsaved = 0;
  private unsavedSince = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private saveFailures = 0;
  private lastSaveMs = 0;
  private readonly metaFilters = new Map<string, Promise<Set<string> | null>>();
  private unsubscribe: (() => void) | null = null;
  private lastStatus = '';
  private closed = false;
  private readonly o: Required<Omit<SearchIndexServiceOptions, 'onStatus' | 'subscribe' | 'log'>> & Pick<SearchIndexServiceOptions, 'onStatus' | 'log'>;
  private readonly subscribe: NonNullable<SearchIndexServiceOptions['subscribe']>;

  constructor(
    private readonly db: ArchiveDb,
    options: SearchIndexServiceOptions = {},
  ) {
    this.o = {
      quietMs: options.quietMs ?? 2500,
      maxUnsavedMs: options.maxUnsavedMs ?? 60_000,
      readBatch: options.readBatch ?? 200,
      sliceMs: options.sliceMs ?? 30,
      recheckMarginMs: options.recheckMarginMs ?? 600_000,
      now: options.now ?? (() => Date.now()),
      onStatus: options.onStatus,
      log: options.log,
    };
    this.subscribe = options.subscribe ?? onArticlesChanged;
  }

  /** Loads or builds the index and starts following changes. Resolves once queries can be answered. */
  start(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  status(): IndexStatus {
    return { phase: this.phase, indexed: this.engine.size, pending: this.queue.size, error: this.error };
  }

  /** Resolves when everything heard of so far is indexed and saved. */
  async flush(): Promise<void> {
    await this.start();
    while (this.pumping || this.saving || this.queue.size) {
      await (this.pumping ?? this.saving ?? pause(10));
    }
    if (this.unsaved > 0) await this.save();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    this.queryWaiting.resolve();
    await this.start();
    const empty: SearchResponse = { type: 'result', requestId: req.requestId, offset: req.offset, total: 0, rows: [], searchedAs: null, matchedAll: true };
    const parsed = this.engine.parse(req.query);
    if (parsed.groups.length === 0) return empty;
    const accept = await this.filterFor(req.filters, req.language);
    const result = this.engine.search(parsed, { offset: req.offset, limit: req.limit, filter: accept });
    const sources = await readResultSources(this.db, result.hits.map((h) => h.id));
    if (sources.length < result.hits.length) {
      // Deleted without a notification (or the notification is still on its way): check them.
      const found = new Set(sources.map((s) => s.article.id));
      this.enqueue(result.hits.map((h) => h.id).filter((id) => !found.has(id)));
    }
    const rows: ResultRow[] = sources.map(({ article, text }) => ({
      id: article.id,
      title: segmentsOf(article.title, highlightRanges(article.title, result.query)),
      snippet: makeSnippet(text, result.query, { maxChars: SNIPPET_CHARS }),
      publishedAt: article.publishedAt,
      category: article.category,
      sourceId: article.sourceId,
      removed: article.removed === 1,
    }));
    return {
      ...empty,
      total: result.total,
      rows,
      searchedAs: isConverted(result.query) ? formatQuery(result.query) : null,
      matchedAll: result.matchedAll,
    };
  }

  // ---------------------------------------------------------------- loading and catching up

  private async load(): Promise<void> {
    // Listen first: a change that lands while the stored index loads must not be missed.
    this.unsubscribe = this.subscribe((change) => {
      this.metaFilters.clear();
      this.enqueue([...change.put, ...change.deleted]);
    });
    this.emitStatus(true);
    try {
      const started = this.o.now();
      const stored = await loadSearchIndex(this.db);
      if (stored) {
        const read = this.o.now();
        // In its turn, unless a query is waiting for it: the related worker's own start-up load (seconds
        // at 100k) may hold the slot, and decoding is one step of under a second.
        const engine = await inBackgroundSlot(() => SearchEngine.importChunks(stored.chunks), { urgent: this.queryWaiting.promise });
        this.o.log?.(`search: read the saved index in ${read - started} ms, decoded ${engine.size} articles in ${this.o.now() - read} ms`);
        if (engine.size !== stored.hashes.size || engine.fingerprint() !== stored.manifest.fingerprint) {
          throw new IndexFormatError('the stored index and its hash table disagree');
        }
        this.engine = engine;
        this.hashes = stored.hashes;
        this.maxFetchedAt = stored.manifest.maxFetchedAt;
      }
    } catch (err) {
      // A damaged or outdated index is rebuilt; the store itself is untouched.
      this.error = err instanceof IndexFormatError ? null : problemOf(err);
      this.engine = new SearchEngine();
      this.hashes = new Map();
      this.maxFetchedAt = '';
    }
    const checking = this.o.now();
    await this.catchUp();
    this.o.log?.(`search: startup check in ${this.o.now() - checking} ms, ${this.queue.size} to index`);
  }

  /**
   * Compares the loaded index with the store from keys alone: ids the index lacks, ids the store no
   * longer has, and the recently fetched articles (checked against their hash when their turn comes).
   */
  private async catchUp(): Promise<void> {
    const ids = await allArticleIds(this.db);
    const inStore = new Set(ids);
    const gone = [...this.hashes.keys()].filter((id) => !inStore.has(id));
    if (gone.length) {
      this.engine.remove(gone);
      for (const id of gone) this.hashes.delete(id);
      this.markUnsaved(gone.length);
    }
    const recent = this.maxFetchedAt
      ? await articleIdsFetchedSince(this.db, new Date(Date.parse(this.maxFetchedAt) - this.o.recheckMarginMs).toISOString())
      : [];
    for (const id of [...ids.filter((id) => !this.hashes.has(id)), ...recent]) this.queue.add(id);
    this.phase = 'ready';
    this.emitStatus(true);
    this.scheduleSave();
    // Also starts on what arrived while the stored index was loading.
    this.enqueue([]);
  }

  private enqueue(ids: readonly string[]): void {
    if (this.closed) return;
    for (const id of ids) this.queue.add(id);
    // Before the first load completes, catchUp starts the pump.
    if (this.phase === 'loading' || !this.queue.size) return;
    this.pumping ??= this.pump().finally(() => this.pumpDone());
  }

  private async pump(): Promise<void> {
    this.phase = 'indexing';
    this.emitStatus(true);
    let readFailures = 0;
    while (this.queue.size && !this.closed) {
      // Taken out before reading: an id notified again meanwhile is queued anew and read again.
      const ids: string[] = [];
      for (const id of this.queue) {
        ids.push(id);
        if (ids.length >= this.o.readBatch) break;
      }
      for (const id of ids) this.queue.delete(id);
      let read;
      try {
        read = await readDocsToIndex(this.db, ids, this.hashes);
      } catch (err) {
        // The store refused a read (e.g. busy upgrading): queue the ids again and retry later.
        for (const id of ids) this.queue.add(id);
        this.error = problemOf(err);
        this.emitStatus(true);
        await pause(Math.min(30_000, 500 * 2 ** readFailures++));
        continue;
      }
      if (readFailures) {
        readFailures = 0;
        this.error = null;
        this.emitStatus(true);
      }
      for (const f of read.fetchedAt) if (f > this.maxFetchedAt) this.maxFetchedAt = f;
      const gone = read.missing.filter((id) => this.hashes.delete(id));
      if (gone.length) {
        this.engine.remove(gone);
        this.markUnsaved(gone.length);
      }
      let i = 0;
      while (i < read.docs.length) {
        await inBackgroundSlot(() => {
          const sliceEnd = this.o.now() + this.o.sliceMs;
          do {
            const doc = read.docs[i++];
            try {
              this.engine.add([doc]);
              this.hashes.set(doc.id, shortHash(doc.contentHash));
            } catch (err) {
              // One article the engine cannot take must not stop the others; it stays unindexed.
              this.engine.remove([doc.id]);
              this.hashes.delete(doc.id);
              this.error = { code: 'store', message: `${doc.id}: ${errorText(err)}` };
            }
          } while (i < read.docs.length && this.o.now() < sliceEnd);
        });
        this.emitStatus(false);
        await pause();
        if (this.closed) return;
      }
      if (read.docs.length) this.metaFilters.clear();
      this.markUnsaved(read.docs.length);
      this.emitStatus(false);
      await pause();
    }
    this.phase = 'ready';
    this.emitStatus(true);
  }

  /** The pump has stopped: now the quiet delay applies. */
  private pumpDone(): void {
    this.pumping = null;
    this.scheduleSave();
  }

  // ---------------------------------------------------------------- saving

  private markUnsaved(n: number): void {
    if (n <= 0 && this.unsaved === 0) return;
    if (this.unsaved === 0) this.unsavedSince = this.o.now();
    this.unsaved += Math.max(0, n);
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.closed || this.unsaved === 0) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // A save of a large index takes seconds of export and writing, and slows the store's reads meanwhile:
    // while indexing goes on, space saves out so they cost at most a tenth of the time.
    const latest = this.unsavedSince + Math.max(this.o.maxUnsavedMs, this.lastSaveMs * 10) - this.o.now();
    // "Quiet" means nothing left to index, not a slow read: a save started mid-run competes with the
    // very reads the run is waiting for.
    const indexing = this.queue.size > 0 || this.pumping !== null;
    const backoff = Math.min(60_000, 1000 * 2 ** this.saveFailures) - 1000;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, Math.max(0, indexing ? latest : Math.min(this.o.quietMs, latest)) + backoff);
  }

  private async save(): Promise<void> {
    while (this.saving) await this.saving;
    if (this.unsaved === 0 || this.closed) return;
    this.saving = this.writeSnapshot();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  private async writeSnapshot(): Promise<void> {
    const started = this.o.now();
    // Export, hash table and the unsaved count are taken in one synchronous step, so they describe the
    // same documents even if indexing continues while the transaction runs.
    const { snapshot, unsaved } = await inBackgroundSlot(() => {
      const taken = {
        snapshot: {
          chunks: this.engine.exportChunks(),
          fingerprint: this.engine.fingerprint(),
          hashes: new Map(this.hashes),
          maxFetchedAt: this.maxFetchedAt,
        },
        unsaved: this.unsaved,
      };
      this.unsaved = 0;
      return taken;
    });
    try {
      const exported = this.o.now();
      await saveSearchIndex(this.db, snapshot);
      this.lastSaveMs = this.o.now() - started;
      this.o.log?.(`search: saved ${snapshot.hashes.size} articles (export ${exported - started} ms, write ${this.o.now() - exported} ms)`);
      this.saveFailures = 0;
      if (this.error) {
        this.error = null;
        this.emitStatus(true);
      }
    } catch (err) {
      // Keep answering from memory; the next change (or the backoff) tries again.
      this.unsaved += unsaved;
      if (this.unsavedSince === 0) this.unsavedSince = this.o.now();
      this.saveFailures++;
      this.error = problemOf(err);
      this.emitStatus(true);
      this.scheduleSave();
    }
  }

  // ---------------------------------------------------------------- filters and status

  private async filterFor(filters: SearchFilters, language: SearchRequest['language']): Promise<(id: string) => boolean> {
    const hidden = hiddenGuidePrefix(language);
    const key = JSON.stringify([filters.sourceId, filters.category, filters.from, filters.to]);
    let meta = this.metaFilters.get(key);
    if (!meta) {
      meta = metadataFilterIds(this.db, filters);
      this.metaFilters.set(key, meta);
      meta.catch(() => this.metaFilters.delete(key));
    }
    const [inMeta, marked] = await Promise.all([meta, markedFilterIds(this.db, filters)]);
    return (id) => !id.startsWith(hidden) && (!inMeta || inMeta.has(id)) && (!marked || marked.has(id));
  }

  private emitStatus(force: boolean): void {
    const s = this.status();
    // Counts change constantly while indexing; the window needs a few updates a second at most.
    const key = `${s.phase}|${s.error?.code}|${s.error?.message}`;
    const now = this.o.now();
    if (!force && key === this.lastStatus && now - this.lastStatusAt < 250) return;
    this.lastStatus = key;
    this.lastStatusAt = now;
    this.o.onStatus?.(s);
  }

  private lastStatusAt = 0;
  private readonly queryWaiting = deferred();
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A full disk (or an exhausted storage quota) gets its own code: the reader can do something about it. */
function problemOf(err: unknown): IndexProblem {
  const names: string[] = [];
  for (let e = err as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.name === 'string') names.push(e.name);
  }
  const message = errorText(err);
  return { code: names.includes('QuotaExceededError') || /QuotaExceeded/.test(message) ? 'disk-full' : 'store', message };
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
