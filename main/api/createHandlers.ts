import type { AppInfo, ArchiveApi, ArchiveEvents, HostKind } from '../../shared/api/archiveApi';
import { isSafeExternalUrl } from '../app/isSafeExternalUrl';
import type { Logger } from '../log/createLogger';
import { exportOpml, parseOpml } from '../sync/feeds/opml';
import type { SyncService } from '../sync/SyncService';
import type { NetworkSettingsStore } from '../settings/NetworkSettingsStore';

export type Emit = <E extends keyof ArchiveEvents>(event: E, payload: ArchiveEvents[E]) => void;

export interface HandlerDeps {
  host: HostKind;
  version: string;
  dataDir: string;
  logger: Logger;
  openExternal(url: string): Promise<void>;
  sync: SyncService;
  emit: Emit;
  /** Proxy settings; both hosts pass one (tests that do not need it may leave it out). */
  network?: NetworkSettingsStore;
}

/** The implementation of the contract, shared by the Electron host and the browser-mode host. */
export function createHandlers(deps: HandlerDeps): ArchiveApi {
  const { logger } = deps;
  const networkStore = (): NetworkSettingsStore => {
    if (!deps.network) throw { code: 'network-settings-unavailable', message: 'This host keeps no network settings' };
    return deps.network;
  };
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { host: deps.host, version: deps.version, platform: process.platform, dataDir: deps.dataDir, logFile: logger.file };
    },
    async openExternal(url) {
      if (!isSafeExternalUrl(url)) {
        throw { code: 'unsafe-url', message: `Refusing to open ${url}`, params: { url } };
      }
      logger.info(`open external ${url}`);
      await deps.openExternal(url);
    },
    async log({ level, message }) {
      logger.log(level, `[renderer] ${message}`);
    },
    async discoverSource(url) {
      try {
        return await deps.sync.discover(url);
      } catch (err) {
        // The fetcher keeps the HTTP status on the error itself; pass it on so the UI can name it.
        const e = err as { code?: unknown; message?: unknown; status?: unknown; params?: Record<string, string | number> };
        if (typeof e?.code === 'string' && typeof e.status === 'number') {
          throw { code: e.code, message: String(e.message ?? e.code), params: { ...e.params, status: e.status } };
        }
        throw err;
      }
    },
    startSync: async (request) => ({ runId: deps.sync.start(request, deps.emit) }),
    cancelSync: async (runId) => deps.sync.cancel(runId),
    resumeSync: async () => ({ runs: deps.sync.resume() }),
    ackSyncBatch: async (ack) => deps.sync.ack(ack),
    async importOpml(text) {
      const { entries, skipped } = parseOpml(text);
      return { entries, skipped };
    },
    exportOpml: async (entries) => exportOpml(entries),
    async getNetworkSettings() {
      return networkStore().view();
    },
    async setNetworkSettings(update) {
      return networkStore().update(update);
    },
  };
}
