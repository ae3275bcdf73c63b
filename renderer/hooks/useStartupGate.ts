import { useSyncExternalStore } from 'react';

/**
 * Background work that may wait until the first list is on screen. IndexedDB serves one origin's
 * requests one after another, so the search and related-article workers loading their persisted indexes
 * (hundreds of megabytes at 100,000 articles) at startup held every read the first list needs for
 * seconds. They start once the list has painted (or after FALLBACK_MS, should it never paint).
 */
let open = false;
const listeners = new Set<() => void>();

/** Longest wait for the first list before background work starts anyway. */
const FALLBACK_MS = 8000;

/** Starts background work now: the user asked for it (a search typed before the list painted). */
export function startBackgroundWork(): void {
  release();
}

function release() {
  if (open) return;
  open = true;
  for (const listener of [...listeners]) listener();
  listeners.clear();
}

if (typeof window !== 'undefined') setTimeout(release, FALLBACK_MS);

/**
 * Called when the first list (or its empty message) has painted. Background work then starts at the
 * next idle moment, so the rows' own follow-up reads still come first.
 */
export function markFirstListPainted(): void {
  if (open) return;
  void whenIdle().then(release);
}

export function isStartupDone(): boolean {
  return open;
}

function subscribe(listener: () => void): () => void {
  if (open) return () => {};
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** False until the first list has painted: background work (worker start-up) waits for true. */
export function useStartupDone(): boolean {
  return useSyncExternalStore(subscribe, isStartupDone, isStartupDone);
}

/**
 * Resolves at the next idle moment (at most `timeoutMs` later): for writes that should not queue in
 * IndexedDB ahead of the reads a click is waiting for (IndexedDB runs an origin's transactions in turn).
 */
export function whenIdle(timeoutMs = 500): Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => void }).requestIdleCallback;
  return new Promise((resolve) => (idle ? idle(() => resolve(), { timeout: timeoutMs }) : setTimeout(resolve, 0)));
}
