import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/db';
import type { SyncRunRow } from '../data/rows';
import { listSyncRuns } from '../data/syncRunsRepo';

export interface SyncLog {
  runs: SyncRunRow[];
  /** Source titles by id; removed sources are missing. */
  titles: Record<string, string>;
}

export function useSyncLog(): SyncLog | undefined {
  return useLiveQuery(async () => {
    const [runs, sources] = await Promise.all([listSyncRuns(db), db.sources.toArray()]);
    return { runs, titles: Object.fromEntries(sources.map((s) => [s.id, s.title])) };
  }, []);
}
