import type { ApiError } from '../api/apiError';
import type { ExtractedArticle } from './article';
import type { SourceKind } from './source';

export interface FeedLink {
  url: string;
  title: string;
  kind: SourceKind;
}

/** What discovery found at a URL; the user chooses what to sync from it. */
export interface Discovery {
  url: string;
  finalUrl: string;
  kind: SourceKind;
  title: string;
  feeds: FeedLink[];
  sitemaps: string[];
  listings: { url: string; title: string }[];
}

/** What the store already holds for one article, so main can ask conditionally and skip unchanged pages. */
export interface KnownArticle {
  url: string;
  etag?: string;
  lastModified?: string;
  contentHash: string;
  /** The portal's own last-modified time for our copy: a sitemap <lastmod> not after it means no change. */
  updatedAt?: string;
}

/** Validators of a feed, sitemap or listing page from the last complete sync of a source. */
export interface DocState {
  etag?: string;
  lastModified?: string;
  /** A sitemap index's child sitemaps, so an unchanged (304) index can still be walked. */
  children?: string[];
}

/** What a source remembers between syncs; advanced only after the renderer has stored everything before it. */
export interface SyncCheckpoint {
  docs: Record<string, DocState>;
}

export interface SyncSourceSpec {
  sourceId: string;
  url: string;
  feedUrls: string[];
  backfillUrls: string[];
  downloadImages: boolean;
  known: KnownArticle[];
  /** Image URLs already stored as blobs: never fetched again. */
  knownImages: string[];
  checkpoint?: SyncCheckpoint;
  /** Limits for "prepare for a trip": categories and an inclusive published-date range (ISO dates). */
  filter?: { categories?: string[]; from?: string; to?: string };
}

export interface SyncRequest {
  sources: SyncSourceSpec[];
}

export interface SyncedArticle extends ExtractedArticle {
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
}

export interface SyncedImage {
  url: string;
  mime: string;
  bytes: Uint8Array;
}

export interface SyncBatch {
  runId: string;
  batchId: number;
  sourceId: string;
  articles: SyncedArticle[];
  images: SyncedImage[];
  /** URLs that answered 404/410: flagged "removed upstream", never deleted. */
  removedUrls: string[];
  /** Present on a source's last batch when the whole source synced cleanly: store it with the batch. */
  checkpoint?: SyncCheckpoint;
}

export interface SyncBatchAck {
  runId: string;
  batchId: number;
  ok: boolean;
  error?: ApiError;
}

/** A run main is still working on, as a window that (re)starts learns of it. */
export interface ActiveSyncRun {
  runId: string;
  sourceIds: string[];
}

export interface SyncFailure {
  url: string;
  sourceId: string;
  code: string;
  message: string;
  status?: number;
}

export interface SyncCounters {
  found: number;
  fetched: number;
  notModified: number;
  stored: number;
  failed: number;
  images: number;
  bytes: number;
}

export interface SyncProgress extends SyncCounters {
  runId: string;
  phase: 'discovering' | 'fetching' | 'finishing';
  /** Seconds left, estimated from the recent rate; null until there is a rate. */
  etaSeconds: number | null;
}

export type SyncResult = 'ok' | 'partial' | 'failed' | 'cancelled';

export interface SyncFinished extends SyncCounters {
  runId: string;
  result: SyncResult;
  perSource: { sourceId: string; result: SyncResult; error?: ApiError }[];
  failures: SyncFailure[];
  startedAt: string;
  finishedAt: string;
}
