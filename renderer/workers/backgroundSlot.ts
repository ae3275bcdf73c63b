/**
 * Background CPU slots shared by every worker and window of the app (one origin), through the Web
 * Locks API. The search and related-articles workers each run their heavy steps inside a slot, so
 * together they never take every core: on an old two-core laptop one core stays with the window, and
 * a task that would have waited 100+ ms for a CPU (measured: 143 ms of wall clock for 13 ms of work
 * while both workers indexed) runs at once. Slices are short (tens of ms), so the workers take turns
 * instead of one starving the other.
 */

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

export interface SlotOptions {
  /**
   * Settles when someone is waiting for this step's result (a query typed while the index loads): the
   * step then stops waiting for a slot and runs at once.
   */
  urgent?: Promise<unknown>;
}

const PREFIX = 'archive-reader:background-cpu:';

function lockManager(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Cores left to background work: all but one, at least one. */
export function backgroundSlotCount(cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency): number {
  return Math.max(1, (cores && Number.isFinite(cores) ? Math.floor(cores) : 2) - 1);
}

let nextWait = 0;

/**
 * Runs `work` while holding a background slot; resolves with its result. Where Web Locks are missing
 * (Node tests, very old engines) it simply runs. Keep `work` to one bounded step: waiting for the store
 * inside it would hold a core's turn without using it.
 */
export async function inBackgroundSlot<T>(work: () => T | Promise<T>, options: SlotOptions = {}): Promise<T> {
  const locks = lockManager();
  if (!locks) return work();
  const slots = backgroundSlotCount();
  const NOT_TAKEN = Symbol('not taken');
  for (let i = 0; i < slots; i++) {
    const result = await locks.request(PREFIX + i, { ifAvailable: true }, (lock) => (lock ? work() : NOT_TAKEN));
    if (result !== NOT_TAKEN) return result as T;
  }
  // All slots busy: queue on one of them (round robin spreads waiters when there are several).
  const slot = nextWait++ % slots;
  if (!options.urgent) return locks.request(PREFIX + slot, {}, () => work());
  const waiting = new AbortController();
  void options.urgent.then(
    () => waiting.abort(),
    () => waiting.abort(),
  );
  let started = false;
  try {
    return await locks.request(PREFIX + slot, { signal: waiting.signal }, () => {
      started = true;
      return work();
    });
  } catch (err) {
    if (started || !waiting.signal.aborted) throw err;
    return work();
  }
}
