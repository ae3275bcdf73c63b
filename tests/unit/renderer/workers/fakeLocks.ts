/** The Web Locks semantics the module relies on: exclusive names, FIFO waiters, `ifAvailable` → null. */
export class FakeLocks {
  private held = new Set<string>();
  private waiters = new Map<string, Array<() => void>>();

  async request<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<T> | T): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        this.waiters.set(name, [...(this.waiters.get(name) ?? []), resolve]);
        // An aborted request leaves the queue without ever holding the lock.
        options.signal?.addEventListener('abort', () => {
          this.waiters.set(name, (this.waiters.get(name) ?? []).filter((w) => w !== resolve));
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      const next = this.waiters.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }
}
