import type { Transaction } from 'dexie';
import type { ArticleRow, ReadStateRow } from './rows';

/**
 * Every schema version the app has shipped, oldest first. Entries are never edited once released:
 * a change is a new version (with an upgrade function where data must move), and each version has an
 * upgrade test that opens a database written by the previous one.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Fills fields a new index needs in rows written by older versions; runs once, inside the upgrade. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      sources: 'id, kind',
      articles:
        'id, sourceId, url, canonicalUrl, publishedAt, views, category, fetchedAt, lang, removed, [sourceId+publishedAt], [category+publishedAt]',
      bodies: 'id',
      images: 'url',
      bookmarks: 'articleId, createdAt',
      collections: 'id, name',
      collectionItems: '[collectionId+articleId], collectionId, articleId',
      annotations: 'id, articleId, createdAt, *tags',
      readState: 'articleId, [sourceId+read], updatedAt',
      syncRuns: 'id, startedAt',
      settings: 'key',
    },
  },
  {
    // The search and related-article indexes persist in chunks so a restart loads instead of rebuilding;
    // the annotations index on updatedAt serves "recently edited notes".
    version: 2,
    stores: {
      searchChunks: 'key',
      relatedChunks: 'key',
      annotations: 'id, articleId, createdAt, updatedAt, *tags',
    },
  },
  {
    // [sourceId+fetchedAt] counts a source's articles fetched since the user last looked, from keys alone,
    // so the "new" badge stays cheap while a large sync writes batch after batch.
    version: 3,
    stores: {
      articles:
        'id, sourceId, url, canonicalUrl, publishedAt, views, category, fetchedAt, lang, removed, [sourceId+publishedAt], [category+publishedAt], [sourceId+fetchedAt]',
    },
  },
  {
    // Views order within a source or a category, and unread counts per category, straight from indexes:
    // read state carries its article's category so "read in category X" is one index count.
    version: 4,
    stores: {
      articles:
        'id, sourceId, url, canonicalUrl, publishedAt, views, category, fetchedAt, lang, removed, [sourceId+publishedAt], [category+publishedAt], [sourceId+fetchedAt], [sourceId+views], [category+views]',
      readState: 'articleId, [sourceId+read], [category+read], updatedAt',
    },
    upgrade: async (tx) => {
      const reads = tx.table<ReadStateRow, string>('readState');
      const rows = await reads.toArray();
      const articles = await tx.table<ArticleRow, string>('articles').bulkGet(rows.map((r) => r.articleId));
      await reads.bulkPut(rows.map((r, i) => ({ ...r, category: articles[i]?.category ?? '' })));
    },
  },
];
