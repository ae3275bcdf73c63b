import type { SyncFinished } from '../../shared/model/sync';
import type { ArchiveDb } from './ArchiveDb';
import type { TripFilter } from './buildSyncRequest';
import type { SyncRunRow } from './rows';

/**
 * A run is written when it starts, so one the app never saw finish (closed, crashed) still shows in
 * the log, as interrupted.
 */
export async function recordRunStarted(
  db: ArchiveDb,
  run: { runId: string; sourceIds: string[]; startedAt: string; filter?: TripFilter },
): Promise<void> {
  await db.syncRuns.put({
    id: run.runId,
    sourceIds: run.sourceIds,
    startedAt: run.startedAt,
    stored: 0,
    failed: 0,
    failures: [],
    ...(run.filter ? { filter: run.filter } : {}),
  });
}

/** Writes the run's outcome and each source's last sync time, result and error. */
export async function recordRunFinished(db: ArchiveDb, finished: SyncFinished): Promise<void> {
  await db.transaction('rw', [db.syncRuns, db.sources], async () => {
    const prev = await db.syncRuns.get(finished.runId);
    const { found, fetched, notModified, stored, failed, images, bytes } = finished;
    const row: SyncRunRow = {
      ...prev,
      id: finished.runId,
      sourceIds: prev?.sourceIds.length ? prev.sourceIds : finished.perSource.map((p) => p.sourceId),
      startedAt: prev?.startedAt ?? finished.startedAt,
      finishedAt: finished.finishedAt,
      result: finished.result,
      stored,
      failed,
      failures: finished.failures,
      counters: { found, fetched, notModified, stored, failed, images, bytes },
      perSource: finished.perSource,
    };
    await db.syncRuns.put(row);
    for (const p of finished.perSource) {
      await db.sources.update(p.sourceId, {
        lastSyncAt: finished.finishedAt,
        lastSyncResult: p.result,
        lastSyncError: p.error,
      });
    }
  });
}

/** Newest first. */
export async function listSyncRuns(db: ArchiveDb, limit = 100): Promise<SyncRunRow[]> {
  return db.syncRuns.orderBy('startedAt').reverse().limit(limit).toArray();
}
