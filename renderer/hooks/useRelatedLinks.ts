import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/db';
import { findUpstreamRelated, type UpstreamRelated } from '../data/relatedLinks';

/**
 * The portal's own related links of an article that are in the store. A live query: an article a sync
 * stores later appears in the list without reopening. Undefined while loading, null for no article.
 */
export function useRelatedLinks(articleId: string | null): UpstreamRelated | null | undefined {
  return useLiveQuery(() => (articleId ? findUpstreamRelated(db, articleId) : null), [articleId]);
}
