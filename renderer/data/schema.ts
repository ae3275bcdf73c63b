/**
 * Every schema version the app has shipped, oldest first. Entries are never edited once released:
 * a change is a new version (with an upgrade function where data must move), and each version has an
 * upgrade test that opens a database written by the previous one.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null> }[] = [
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
];
