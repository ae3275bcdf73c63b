import { useLiveQuery } from 'dexie-react-hooks';
import { countUnread } from '../data/articleQueries';
import { db } from '../data/db';
import type { SourceRow } from '../data/rows';
import type { Language } from '../data/settings';

export interface SourceWithCounts extends SourceRow {
  unread: number;
}

export function useSources(language: Language): SourceWithCounts[] | undefined {
  return useLiveQuery(async () => {
    const sources = await db.sources.orderBy('id').toArray();
    // The guide first, then portal sources by title.
    sources.sort((a, b) => (a.kind === 'guide' ? -1 : b.kind === 'guide' ? 1 : a.title.localeCompare(b.title, 'vi')));
    return Promise.all(sources.map(async (s) => ({ ...s, unread: await countUnread(db, s.id, language) })));
  }, [language]);
}
