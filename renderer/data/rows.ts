import type { Article } from '../../shared/model/article';
import type { Source } from '../../shared/model/source';
import type { SyncCounters, SyncFailure, SyncFinished, SyncResult } from '../../shared/model/sync';

/**
 * Article metadata: what lists, filters and counts need. Bodies live in their own table so a list
 * of 100,000 rows never drags megabytes of HTML through memory.
 */
export interface ArticleRow extends Omit<Article, 'html' | 'text'> {
  /** Guide articles exist in both UI languages; portal articles have no `lang`. */
  lang?: 'vi' | 'en';
  /** 1 when the portal no longer serves the article (IndexedDB cannot index booleans). */
  removed: 0 | 1;
}

export interface BodyRow {
  id: string;
  html: string;
  text: string;
}

export interface ImageRow {
  url: string;
  blob: Blob;
  mime: string;
  size: number;
  fetchedAt: string;
}

export interface BookmarkRow {
  articleId: string;
  createdAt: string;
  /** Kept from an import so a bookmark for an article not (yet) in the archive still shows what it is. */
  title?: string;
  url?: string;
}

export interface CollectionRow {
  id: string;
  name: string;
  createdAt: string;
}

export interface CollectionItemRow {
  collectionId: string;
  articleId: string;
  addedAt: string;
}

export interface AnnotationRow {
  id: string;
  articleId: string;
  /** The highlighted text and some context around it, so it can be re-anchored after the portal edits the article. */
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  tags: string[];
  color: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReadStateRow {
  articleId: string;
  sourceId: string;
  read: 0 | 1;
  /** The article's category, copied so unread counts per category come from one index. */
  category?: string;
  /** Scroll position, 0…1. */
  progress: number;
  updatedAt: string;
}

export interface SyncRunRow {
  id: string;
  sourceIds: string[];
  startedAt: string;
  finishedAt?: string;
  result?: SyncResult;
  stored: number;
  failed: number;
  failures: SyncFailure[];
  /** Everything the run counted (found, fetched, images, bytes…), once it finished. */
  counters?: SyncCounters;
  perSource?: SyncFinished['perSource'];
  /** A trip sync's limits, so the log can say what was asked for. */
  filter?: { categories?: string[]; from?: string; to?: string };
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type SourceRow = Source;

/** A piece of a persisted index (search, related articles); `key` orders and names the pieces. */
export interface ChunkRow {
  key: string;
  data: string;
}
