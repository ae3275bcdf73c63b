import { useEffect } from 'react';
import { db } from '../data/db';
import { dueSourceIds, SCHEDULE_TICK_MS } from '../data/syncSchedule';
import { useSyncController } from './useSyncController';

/**
 * While the app runs, starts the syncs that sources' schedules (hourly, daily) say are due, and lets go
 * of runs main has gone silent about.
 */
export function useSyncSchedule(): void {
  const controller = useSyncController();
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      controller.reapSilentRuns();
      const sources = await db.sources.toArray();
      const due = dueSourceIds(sources, Date.now(), controller.runningSourceIds());
      if (!stopped && due.length) await controller.start(due);
    };
    // A first look soon after start-up, then once a minute.
    const first = setTimeout(() => void tick(), 5_000);
    const timer = setInterval(() => void tick(), SCHEDULE_TICK_MS);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [controller]);
}
