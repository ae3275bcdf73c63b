import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/db';
import type { Language } from '../data/settings';

/** Stored articles as the reader sees them: the guide counts once, in the UI language. */
export function useArticleCount(language: Language): number {
  return useLiveQuery(
    async () => (await db.articles.count()) - (await db.articles.where('lang').equals(language === 'vi' ? 'en' : 'vi').count()),
    [language],
    0,
  );
}
