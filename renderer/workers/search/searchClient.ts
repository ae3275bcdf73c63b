import type { FromWorker, IndexStatus, SearchRequest, SearchResponse, ToWorker } from './searchProtocol';

export type SearchQuery = Omit<SearchRequest, 'type' | 'requestId'>;

/** The window's side of the search worker: requests with promised answers, and index status. */
export class SearchClient {
  private readonly pending = new Map<number, { resolve(r: SearchResponse): void; reject(e: Error): void }>();
  private readonly listeners = new Set<(s: IndexStatus) => void>();
  private nextId = 0;
  private current: IndexStatus = { phase: 'loading', indexed: 0, pending: 0, error: null };

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      // The worker failed to load or crashed: nothing it was asked will be answered.
      const error = new Error(e.message || 'The search worker stopped');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.setStatus({ ...this.current, error: { code: 'worker', message: error.message } });
    });
  }

  get status(): IndexStatus {
    return this.current;
  }

  search(query: SearchQuery): Promise<SearchResponse> {
    const requestId = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.post({ type: 'search', requestId, ...query });
    });
  }

  onStatus(listener: (s: IndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'status') {
      this.setStatus(msg.status);
      return;
    }
    const p = this.pending.get(msg.requestId);
    if (!p) return;
    this.pending.delete(msg.requestId);
    if (msg.type === 'result') p.resolve(msg);
    else p.reject(new Error(msg.message));
  }

  private setStatus(status: IndexStatus): void {
    this.current = status;
    for (const l of this.listeners) l(status);
  }
}

let shared: SearchClient | null = null;

/** The window's one search worker, started on first use; it then keeps the index current for the session. */
export function searchClient(): SearchClient {
  shared ??= new SearchClient(new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search' }));
  return shared;
}
