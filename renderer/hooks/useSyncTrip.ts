import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../data/db';
import { checkCompleteness, estimateTripSize, tripCategories, tripFilterOf, type Completeness, type TripEstimate, type TripSelection } from '../data/tripQueries';
import { useSyncController, useSyncState } from './useSyncController';

export function useSyncTripCategories(sourceIds: string[]): string[] | undefined {
  const key = sourceIds.join('\n');
  return useLiveQuery(() => tripCategories(db, key ? key.split('\n') : []), [key]);
}

const selectionKey = (sel: TripSelection) => JSON.stringify([sel.sourceIds, sel.categories, sel.from ?? '', sel.to ?? '']);

/**
 * The size estimate for a selection. Not a live query: it reads every matching article, which would be
 * wasteful on each batch of a running sync; it is worked out again when a run ends.
 */
export function useSyncTripEstimate(sel: TripSelection): { estimate: TripEstimate | null; loading: boolean } {
  const key = selectionKey(sel);
  const { recent } = useSyncState();
  const finishedCount = recent.length;
  const [result, setResult] = useState<{ key: string; estimate: TripEstimate | null } | null>(null);
  useEffect(() => {
    let alive = true;
    const [sourceIds, categories, from, to] = JSON.parse(key) as [string[], string[], string, string];
    void estimateTripSize(db, { sourceIds, categories, from: from || undefined, to: to || undefined }).then((estimate) => {
      if (alive) setResult({ key, estimate });
    });
    return () => {
      alive = false;
    };
  }, [key, finishedCount]);
  return { estimate: result?.key === key ? result.estimate : null, loading: result?.key !== key };
}

export interface TripActions {
  /** Starts the trip sync; resolves to the run id (null when nothing could start). */
  start(sel: TripSelection): Promise<string | null>;
  /** Fetches the listed articles again in full, with their images. */
  resyncMissing(sel: TripSelection, articleIds: string[]): Promise<string | null>;
  check(sel: TripSelection): Promise<Completeness>;
}

export function useSyncTripActions(): TripActions {
  const controller = useSyncController();
  return useMemo<TripActions>(
    () => ({
      start: (sel) => controller.start(sel.sourceIds, { filter: tripFilterOf(sel) }),
      resyncMissing: (sel, ids) => controller.start(sel.sourceIds, { filter: tripFilterOf(sel), refetch: ids }),
      async check(sel) {
        await controller.idle();
        return checkCompleteness(db, sel);
      },
    }),
    [controller],
  );
}
