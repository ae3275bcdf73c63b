import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getProgress, setProgress, setRead } from '../data/articleQueries';
import { db } from '../data/db';
import type { ArticleRow, BodyRow } from '../data/rows';

export interface OpenArticle {
  article: ArticleRow;
  body: BodyRow | undefined;
  read: boolean;
}

/**
 * The open article with its body and read flag; null when the id is unknown (e.g. a remembered article
 * that was since removed). Article and body are one query and the read flag another, so saving the
 * reading position or the read flag never re-reads the body.
 */
export function useArticle(id: string | null): OpenArticle | null | undefined {
  const content = useLiveQuery(async () => {
    if (!id) return null;
    const [article, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
    return article ? { article, body } : null;
  }, [id]);
  const read = useLiveQuery(async () => (id ? (await db.readState.get(id))?.read === 1 : false), [id]);
  // While the next article loads the previous one stays on screen (no blank flash between j and k).
  if (!content) return content;
  return { ...content, read: read ?? false };
}

export function useSetRead(): (id: string, read: boolean) => Promise<void> {
  return useCallback((id, read) => setRead(db, id, read), []);
}

/** Reading position (0…1) per article: a reader for the saved value and a writer. */
export function useReadingPosition(): { load(id: string): Promise<number>; save(id: string, progress: number): Promise<void> } {
  const load = useCallback((id: string) => getProgress(db, id), []);
  const save = useCallback((id: string, progress: number) => setProgress(db, id, progress), []);
  return { load, save };
}
