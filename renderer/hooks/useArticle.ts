import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { setRead } from '../data/articleQueries';
import { db } from '../data/db';
import type { ArticleRow, BodyRow } from '../data/rows';

export interface OpenArticle {
  article: ArticleRow;
  body: BodyRow | undefined;
  read: boolean;
}

/** null when the id is unknown (e.g. a remembered article that was since removed). */
export function useArticle(id: string | null): OpenArticle | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const [article, body, read] = await Promise.all([db.articles.get(id), db.bodies.get(id), db.readState.get(id)]);
    return article ? { article, body, read: read?.read === 1 } : null;
  }, [id]);
}

export function useSetRead(): (id: string, read: boolean) => Promise<void> {
  return useCallback((id, read) => setRead(db, id, read), []);
}
