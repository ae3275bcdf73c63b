import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { bookmarksToHtml, bookmarksToJson, collectBookmarks } from '../data/bookmarkExport';
import { importBookmarks, type ImportResult } from '../data/bookmarkImport';
import {
  collectionsOf,
  createCollection,
  deleteCollection,
  listCollections,
  renameCollection,
  setInCollection,
  toggleBookmark,
  type CollectionWithCount,
} from '../data/bookmarksRepo';
import { db } from '../data/db';

// Live results are tagged with the article they are for: while the next article's answer is on its way
// the hook says "no" rather than repeating the previous article's.
export function useIsBookmarked(articleId: string | null): boolean {
  const result = useLiveQuery(async () => ({ articleId, on: articleId ? (await db.bookmarks.get(articleId)) !== undefined : false }), [articleId]);
  return result?.articleId === articleId ? result.on : false;
}

/** Ids of the collections the article is in; undefined while they load. */
export function useArticleCollections(articleId: string | null): string[] | undefined {
  const result = useLiveQuery(async () => ({ articleId, ids: articleId ? await collectionsOf(db, articleId) : [] }), [articleId]);
  return result?.articleId === articleId ? result.ids : undefined;
}

export function useCollections(): CollectionWithCount[] | undefined {
  return useLiveQuery(() => listCollections(db), []);
}

export interface BookmarkActions {
  toggle(articleId: string): Promise<boolean>;
  setInCollection(collectionId: string, articleId: string, inside: boolean): Promise<void>;
  create(name: string): Promise<string>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The export file's text, ready for a download. */
  exportJson(): Promise<string>;
  exportHtml(title: string): Promise<string>;
  importText(text: string, fileName: string): Promise<ImportResult>;
}

export function useBookmarkActions(): BookmarkActions {
  return useMemo(
    () => ({
      toggle: (articleId) => toggleBookmark(db, articleId),
      setInCollection: (collectionId, articleId, inside) => setInCollection(db, collectionId, articleId, inside),
      create: async (name) => (await createCollection(db, name)).id,
      rename: (id, name) => renameCollection(db, id, name),
      remove: (id) => deleteCollection(db, id),
      exportJson: async () => bookmarksToJson(await collectBookmarks(db)),
      exportHtml: async (title) => bookmarksToHtml(await collectBookmarks(db), title),
      importText: (text, fileName) => importBookmarks(db, text, fileName),
    }),
    [],
  );
}
