import crypto from 'node:crypto';
import type { Discovery } from '../../shared/model/sync';
import type { ExtractedArticle } from '../../shared/model/article';
import { extractArticle, type ExtractInput } from '../extract/extractArticle';
import type { Logger } from '../log/createLogger';
import { discoverSource } from './feeds/discoverSource';
import { Fetcher, type FetcherOptions, type ProxySetting } from './net/Fetcher';
import type { ProxyResolver } from './net/pacResult';
import { SyncRun } from './SyncRun';
import type { SyncService } from './SyncService';

export interface SyncServiceOptions {
  logger: Logger;
  appVersion?: string;
  fetcher?: FetcherOptions;
  /** The system proxy: Electron's `session.resolveProxy`, or the environment in browser mode. */
  resolveProxy?: ProxyResolver;
  /** The user's proxy choice at start; later changes go through `setNetwork`. */
  network?: ProxySetting;
  /** Article pages in flight per run. */
  concurrency?: number;
  ackTimeoutMs?: number;
  /** Extraction, e.g. an ExtractorPool's; defaults to extracting on the calling thread. */
  extract?(input: ExtractInput): Promise<ExtractedArticle> | ExtractedArticle;
}

export interface NetworkAwareSyncService extends SyncService {
  /** A new proxy choice, used from the next request on. */
  setNetwork(setting: ProxySetting): void;
}

/**
 * Sync for the app's lifetime. One Fetcher is kept across runs so robots.txt and per-host politeness
 * state (Retry-After pauses, crawl delays) carry over from one sync to the next.
 */
export function createSyncService(options: SyncServiceOptions): NetworkAwareSyncService {
  const { logger } = options;
  const fetcher = new Fetcher({
    appVersion: options.appVersion,
    onRetry: (e) => logger.info(`retry ${e.retry} for ${e.url} in ${e.delayMs} ms: ${e.error.code} ${e.error.message}`),
    onWarning: (message) => logger.warn(message),
    ...(options.resolveProxy ? { resolveProxy: options.resolveProxy } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...options.fetcher,
  });
  const runs = new Map<string, { run: SyncRun; done: Promise<unknown> }>();

  return {
    async discover(url): Promise<Discovery> {
      const found = await discoverSource(url, (u, o) => fetcher.fetch(u, o));
      return {
        url: found.url,
        finalUrl: found.finalUrl,
        kind: found.kind,
        title: found.title,
        feeds: found.feeds.map((f) => ({ url: f.url, title: f.title, kind: f.kind })),
        sitemaps: found.sitemaps,
        listings: found.listings,
      };
    },
    start(request, emit) {
      const runId = crypto.randomUUID();
      const run = new SyncRun({
        runId,
        request,
        fetcher,
        emit,
        logger,
        extract: options.extract ?? extractArticle,
        concurrency: options.concurrency,
        ackTimeoutMs: options.ackTimeoutMs,
      });
      logger.info(`sync ${runId} started for ${request.sources.map((s) => s.sourceId).join(', ')}`);
      const done = run
        .run()
        .catch((err) => logger.error(`sync ${runId} crashed: ${err instanceof Error ? err.stack : String(err)}`))
        .finally(() => runs.delete(runId));
      runs.set(runId, { run, done });
      return runId;
    },
    cancel(runId) {
      runs.get(runId)?.run.cancel();
    },
    ack(ack) {
      runs.get(ack.runId)?.run.ack(ack);
    },
    resume() {
      return [...runs].map(([runId, { run }]) => {
        run.resend();
        return { runId, sourceIds: run.sourceIds };
      });
    },
    setNetwork(setting) {
      fetcher.setNetwork(setting);
      logger.info(`sync network: ${setting.mode}${setting.mode === 'manual' ? ` via ${new URL(setting.proxy.url).host}` : ''}`);
    },
    async shutdown() {
      for (const { run } of runs.values()) run.cancel();
      await Promise.all([...runs.values()].map((r) => r.done));
      await fetcher.close();
    },
  };
}
