import type { SyncSchedule } from '../../shared/model/source';
import type { SourceRow } from './rows';

export const SCHEDULE_INTERVAL_MS: Record<Exclude<SyncSchedule, 'off'>, number> = {
  hourly: 60 * 60 * 1000,
  daily: 24 * 60 * 60 * 1000,
};

/** How often the app looks for due sources while it runs. */
export const SCHEDULE_TICK_MS = 60 * 1000;

type Schedulable = Pick<SourceRow, 'id' | 'kind' | 'paused' | 'schedule' | 'lastSyncAt'>;

/**
 * A scheduled source is due when it never synced or its last sync (of any outcome, so a failing portal
 * is retried once per interval rather than every tick) is at least one interval old.
 */
export function isSyncDue(source: Schedulable, now: number): boolean {
  if (source.kind === 'guide' || source.paused || source.schedule === 'off') return false;
  const interval = SCHEDULE_INTERVAL_MS[source.schedule];
  if (!interval) return false;
  if (!source.lastSyncAt) return true;
  const last = Date.parse(source.lastSyncAt);
  // A clock that jumped back (or a corrupt date) must not stall the schedule forever.
  if (!Number.isFinite(last) || last > now) return true;
  return now - last >= interval;
}

/** Sources to sync now: due, and not already in a run. */
export function dueSourceIds(sources: Schedulable[], now: number, running: ReadonlySet<string>): string[] {
  return sources.filter((s) => !running.has(s.id) && isSyncDue(s, now)).map((s) => s.id);
}
