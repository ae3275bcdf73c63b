/**
 * Tells every context of the app (the window, the search and related-article workers, other windows)
 * that stored articles changed, so indexes catch up without polling. Workers open the database
 * themselves and read what changed; the message only says "look again".
 */
const CHANNEL = 'archive-reader:articles';

export interface ArticlesChanged {
  /** Article ids written or re-written. */
  put: string[];
  /** Article ids deleted from the store (not "removed upstream": those stay and stay searchable). */
  deleted: string[];
}

export function notifyArticlesChanged(change: ArticlesChanged): void {
  if (!change.put.length && !change.deleted.length) return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(change);
  channel.close();
}

export function onArticlesChanged(listener: (change: ArticlesChanged) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<ArticlesChanged>) => listener(e.data);
  return () => channel.close();
}
