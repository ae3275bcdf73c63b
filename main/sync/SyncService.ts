import type { ActiveSyncRun, SyncBatchAck, SyncRequest, Discovery } from '../../shared/model/sync';
import type { Emit } from '../api/createHandlers';

/** What the API handlers need from sync; the implementation lives in createSyncService.ts. */
export interface SyncService {
  discover(url: string): Promise<Discovery>;
  /** Starts a run in the background and returns its id at once; progress arrives as events. */
  start(request: SyncRequest, emit: Emit): string;
  cancel(runId: string): void;
  ack(ack: SyncBatchAck): void;
  /** The runs still going, after sending again every batch they still wait for. */
  resume(): ActiveSyncRun[];
  /** Cancels every run and waits for them to settle (app shutdown). */
  shutdown(): Promise<void>;
}
