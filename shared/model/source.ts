import type { ApiError } from '../api/apiError';
import type { Discovery, SyncCheckpoint } from './sync';

export type SourceKind = 'portal' | 'rss' | 'atom' | 'jsonfeed' | 'sitemap' | 'listing' | 'guide';

export type SyncSchedule = 'off' | 'hourly' | 'daily';

export interface Source {
  id: string;
  title: string;
  url: string;
  kind: SourceKind;
  /** Feeds bring new articles; sitemaps and listing pagination backfill the archive. */
  feedUrls: string[];
  backfillUrls: string[];
  paused: boolean;
  schedule: SyncSchedule;
  downloadImages: boolean;
  createdAt: string;
  lastSyncAt?: string;
  lastSyncResult?: 'ok' | 'partial' | 'failed' | 'cancelled';
  /** Time the user last looked at this source; articles fetched after it count as new. */
  lastSeenAt?: string;
  /** Feed and sitemap validators from the last complete sync. */
  checkpoint?: SyncCheckpoint;
  /** Why the last sync of this source failed, when it did (translated by code in the UI). */
  lastSyncError?: ApiError;
  /** What discovery offered when the source was added: the choices the edit dialog shows again. */
  discovered?: Discovery;
}
