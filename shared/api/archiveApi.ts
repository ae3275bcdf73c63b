import type { OpmlImport, OpmlSubscription } from '../model/opml';
import type { NetworkSettingsUpdate, NetworkSettingsView } from '../model/network';
import type { ActiveSyncRun, Discovery, SyncBatch, SyncBatchAck, SyncFinished, SyncProgress, SyncRequest } from '../model/sync';

export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  host: HostKind;
  version: string;
  platform: string;
  dataDir: string;
  logFile: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Every call the renderer can make to main. Both hosts implement exactly this interface
 * (main/api/createHandlers.ts); the preload and the browser-mode client expose it unchanged.
 * Every method takes at most one argument so validation and transport stay uniform.
 */
export interface ArchiveApi {
  getAppInfo(): Promise<AppInfo>;
  /** Opens an http(s) URL in the OS browser; other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** Lets the renderer write to the host's rotating log file. */
  log(entry: { level: LogLevel; message: string }): Promise<void>;
  /** Fetches a URL and says what it is: feed, sitemap, portal page, listing. */
  discoverSource(url: string): Promise<Discovery>;
  startSync(request: SyncRequest): Promise<{ runId: string }>;
  cancelSync(runId: string): Promise<void>;
  /**
   * A window that (re)starts asks which runs are still going; main sends again every batch it is
   * still waiting for, since one sent to a window that closed or reloaded would otherwise be lost.
   */
  resumeSync(): Promise<{ runs: ActiveSyncRun[] }>;
  /** The renderer confirms a batch is committed to its store; main then advances checkpoints. */
  ackSyncBatch(ack: SyncBatchAck): Promise<void>;
  /** Reads an OPML subscription list; a file that is not OPML fails with 'malformed-opml'. */
  importOpml(text: string): Promise<OpmlImport>;
  /** Writes an OPML 2.0 subscription list. */
  exportOpml(entries: OpmlSubscription[]): Promise<string>;
  /** The proxy settings sync uses; the password itself never leaves main, only whether one is stored. */
  getNetworkSettings(): Promise<NetworkSettingsView>;
  /** Saves and applies them to the next request; a bad proxy address fails with 'proxy-invalid-url'. */
  setNetworkSettings(settings: NetworkSettingsUpdate): Promise<NetworkSettingsView>;
}

/** Events main pushes to the renderer. */
export interface ArchiveEvents {
  'sync:progress': SyncProgress;
  'sync:batch': SyncBatch;
  'sync:finished': SyncFinished;
}

export type ApiMethod = keyof ArchiveApi;
export type ApiEvent = keyof ArchiveEvents;
export type ApiArg<M extends ApiMethod> = Parameters<ArchiveApi[M]>[0];
export type ApiReturn<M extends ApiMethod> = Awaited<ReturnType<ArchiveApi[M]>>;

/** What the preload puts on `window.archive`, and what the browser-mode client implements. */
export interface ArchiveBridge {
  api: ArchiveApi;
  on<E extends ApiEvent>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void;
}

// A record keyed by the interface makes the compiler reject a method missing here.
const METHOD_TABLE: Record<ApiMethod, true> = {
  getAppInfo: true,
  openExternal: true,
  log: true,
  discoverSource: true,
  startSync: true,
  cancelSync: true,
  resumeSync: true,
  ackSyncBatch: true,
  importOpml: true,
  exportOpml: true,
  getNetworkSettings: true,
  setNetworkSettings: true,
};
export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];

const EVENT_TABLE: Record<ApiEvent, true> = {
  'sync:progress': true,
  'sync:batch': true,
  'sync:finished': true,
};
export const API_EVENTS = Object.keys(EVENT_TABLE) as ApiEvent[];

/** Electron IPC channel for a method; one channel per method so handlers can be audited. */
export const channelFor = (method: ApiMethod): string => `archive:${method}`;
export const eventChannelFor = (event: ApiEvent): string => `archive-event:${event}`;

/**
 * What the Electron preload exposes on `window.archiveBridge`: one function per contract method, each
 * resolving to a result object (errors cross contextBridge as data; thrown objects lose their fields).
 * The renderer's client turns this into an `ArchiveApi` that throws `ApiCallError`.
 */
export type RawBridge = {
  [M in ApiMethod]: (arg: ApiArg<M>) => Promise<import('./apiError').ApiResult<ApiReturn<M>>>;
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void;
};
