import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/db';
import { newArticleCounts } from '../data/sourcesRepo';

/** Per source: articles fetched since the user last opened it. */
export function useSyncNewCounts(): Record<string, number> {
  return useLiveQuery(() => newArticleCounts(db), [], {});
}
