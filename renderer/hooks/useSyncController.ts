import { useSyncExternalStore } from 'react';
import type { ArchiveBridge } from '../../shared/api/archiveApi';
import { useArchive } from '../api/ArchiveContext';
import { db } from '../data/db';
import { SyncController, type SyncState } from '../data/syncController';

// One controller per connection for the app's lifetime: it must hear every batch, whichever view is open.
const controllers = new WeakMap<ArchiveBridge, SyncController>();

export function useSyncController(): SyncController {
  const archive = useArchive();
  let controller = controllers.get(archive);
  if (!controller) {
    controller = new SyncController(db, archive);
    controllers.set(archive, controller);
  }
  return controller;
}

/** Live sync state: active runs with progress, recently finished runs, store and start errors. */
export function useSyncState(): SyncState {
  const controller = useSyncController();
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
