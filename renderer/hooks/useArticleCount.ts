import { db } from '../data/db';
import type { Language } from '../data/settings';
import { useQuietQuery } from './useQuietQuery';

const watchArticles = () => db.articles.limit(1).toArray();

/**
 * Stored articles as the reader sees them: the guide counts once, in the UI language. Counting 100,000
 * rows takes a while, so it waits for the first list and for quiet moments (useQuietQuery).
 */
export function useArticleCount(language: Language): number {
  return (
    useQuietQuery(
      async () => (await db.articles.count()) - (await db.articles.where('lang').equals(language === 'vi' ? 'en' : 'vi').count()),
      [language],
      watchArticles,
    ) ?? 0
  );
}
