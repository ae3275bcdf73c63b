import type { Logger } from '../log/createLogger';
import type { SyncService } from './SyncService';

export interface SyncServiceOptions {
  logger: Logger;
}

// Replaced by the real orchestrator in the sync work; kept compiling meanwhile.
export function createSyncService({ logger }: SyncServiceOptions): SyncService {
  const unavailable = () => {
    logger.warn('sync requested before the sync service exists');
    return { code: 'not-available', message: 'Sync is not available in this build' };
  };
  return {
    async discover() {
      throw unavailable();
    },
    start() {
      throw unavailable();
    },
    cancel() {},
    ack() {},
    async shutdown() {},
  };
}
