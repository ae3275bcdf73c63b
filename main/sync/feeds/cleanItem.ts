import type { FeedItem } from './feedTypes';

/** Drops undefined and empty fields so items compare and serialise cleanly. */
export function cleanItem(item: FeedItem): FeedItem {
  const out: FeedItem = { url: item.url };
  for (const [k, v] of Object.entries(item) as Array<[keyof FeedItem, string | undefined]>) {
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}
