import type { ArchiveDb } from './ArchiveDb';

/** Marks our JSON files so an import can tell them from any other JSON. */
export const BOOKMARKS_FORMAT = 'archive-reader/bookmarks';
export const BOOKMARKS_FORMAT_VERSION = 1;

export interface ExportedCollection {
  id: string;
  name: string;
  createdAt: string;
}

export interface ExportedBookmark {
  articleId: string;
  /** The article's address on the portal, so a browser (or another archive) can find it again. */
  url: string;
  title: string;
  createdAt: string;
  /** Ids from `collections`. */
  collections: string[];
}

export interface BookmarksFile {
  format: typeof BOOKMARKS_FORMAT;
  version: typeof BOOKMARKS_FORMAT_VERSION;
  exportedAt: string;
  collections: ExportedCollection[];
  bookmarks: ExportedBookmark[];
}

/** Everything bookmarked, with the collections each bookmark is in, read in one transaction. */
export async function collectBookmarks(db: ArchiveDb, now = new Date()): Promise<BookmarksFile> {
  return db.transaction('r', [db.bookmarks, db.collections, db.collectionItems, db.articles], async () => {
    const [bookmarks, collections, items] = await Promise.all([
      db.bookmarks.orderBy('createdAt').toArray(),
      db.collections.orderBy('name').toArray(),
      db.collectionItems.toArray(),
    ]);
    const articles = await db.articles.bulkGet(bookmarks.map((b) => b.articleId));
    const byArticle = new Map<string, string[]>();
    for (const item of items) byArticle.set(item.articleId, [...(byArticle.get(item.articleId) ?? []), item.collectionId]);
    return {
      format: BOOKMARKS_FORMAT,
      version: BOOKMARKS_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      collections: collections.map(({ id, name, createdAt }) => ({ id, name, createdAt })),
      bookmarks: bookmarks.map((b, i) => ({
        articleId: b.articleId,
        url: articles[i]?.canonicalUrl ?? b.url ?? b.articleId,
        title: articles[i]?.title ?? b.title ?? b.articleId,
        createdAt: b.createdAt,
        collections: byArticle.get(b.articleId) ?? [],
      })),
    };
  });
}

export function bookmarksToJson(file: BookmarksFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const epochSeconds = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.floor(t / 1000);
};

/**
 * The Netscape bookmark file every browser imports and exports: one folder per collection, an article
 * in several collections appears in each, and bookmarks in none sit at the top level.
 */
export function bookmarksToHtml(file: BookmarksFile, title: string): string {
  const link = (b: ExportedBookmark, indent: string) =>
    `${indent}<DT><A HREF="${escapeHtml(b.url)}" ADD_DATE="${epochSeconds(b.createdAt)}">${escapeHtml(b.title)}</A>\n`;
  let out =
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n' +
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->\n' +
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n' +
    `<TITLE>${escapeHtml(title)}</TITLE>\n<H1>${escapeHtml(title)}</H1>\n<DL><p>\n`;
  for (const c of file.collections) {
    out += `    <DT><H3 ADD_DATE="${epochSeconds(c.createdAt)}">${escapeHtml(c.name)}</H3>\n    <DL><p>\n`;
    for (const b of file.bookmarks) if (b.collections.includes(c.id)) out += link(b, '        ');
    out += '    </DL><p>\n';
  }
  for (const b of file.bookmarks) if (b.collections.length === 0) out += link(b, '    ');
  return `${out}</DL><p>\n`;
}
