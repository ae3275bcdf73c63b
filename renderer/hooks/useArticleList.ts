import { useLiveQuery } from 'dexie-react-hooks';
import { listArticleIds, type ListQuery } from '../data/articleQueries';
import { db } from '../data/db';
import type { ArticleRow } from '../data/rows';

export function useArticleIds(query: ListQuery): string[] | undefined {
  return useLiveQuery(() => listArticleIds(db, query), [query.sourceId, query.language]);
}

export interface ListRow {
  article: ArticleRow;
  read: boolean;
}

/** Rows for the ids currently on screen only: the virtual list asks for a window at a time. */
export function useListRows(ids: string[]): Map<string, ListRow> | undefined {
  const key = ids.join('\n');
  return useLiveQuery(async () => {
    const [articles, reads] = await Promise.all([db.articles.bulkGet(ids), db.readState.bulkGet(ids)]);
    const rows = new Map<string, ListRow>();
    articles.forEach((article, i) => {
      if (article) rows.set(article.id, { article, read: reads[i]?.read === 1 });
    });
    return rows;
  }, [key]);
}
