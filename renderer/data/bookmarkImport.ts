import { z } from 'zod';
import type { ArchiveDb } from './ArchiveDb';
import { BOOKMARKS_FORMAT, BOOKMARKS_FORMAT_VERSION } from './bookmarkExport';
import type { CollectionItemRow, CollectionRow } from './rows';

export type ImportErrorCode = 'too-large' | 'unknown-type' | 'not-json' | 'wrong-format' | 'unsupported-version' | 'invalid' | 'damaged-html';

/** A file that cannot be imported; `detail` says where (an entry number, a line), for the message. */
export class BookmarkImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail = '',
  ) {
    super(`bookmark import: ${code}${detail ? ` (${detail})` : ''}`);
  }
}

/** What a file asks for, fully validated, before anything is written. */
export interface ImportPlan {
  collections: { key: string; id?: string; name: string; createdAt: string }[];
  bookmarks: { articleId?: string; url: string; title: string; createdAt: string; collectionKeys: string[] }[];
}

export interface ImportResult {
  bookmarksAdded: number;
  collectionsAdded: number;
  placementsAdded: number;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const ACCEPTED_URL = /^(?:https?:\/\/|guide:\/\/)/i;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const fileSchema = z.object({
  format: z.literal(BOOKMARKS_FORMAT),
  version: z.number(),
  collections: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(500), createdAt: isoDate })),
  bookmarks: z.array(
    z.object({
      articleId: z.string().min(1).max(4096),
      url: z.string().max(4096),
      title: z.string().max(2000),
      createdAt: isoDate,
      collections: z.array(z.string()),
    }),
  ),
});

export function parseBookmarksJson(text: string): ImportPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new BookmarkImportError('not-json', (err as Error).message);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BOOKMARKS_FORMAT) throw new BookmarkImportError('wrong-format');
  if (typeof head.version === 'number' && head.version > BOOKMARKS_FORMAT_VERSION) throw new BookmarkImportError('unsupported-version', String(head.version));
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BookmarkImportError('invalid', issue.path.join('.'));
  }
  const file = parsed.data;
  const ids = new Set<string>();
  file.collections.forEach((c, i) => {
    if (ids.has(c.id)) throw new BookmarkImportError('invalid', `collections.${i}.id`);
    ids.add(c.id);
  });
  file.bookmarks.forEach((b, i) => {
    const missing = b.collections.find((c) => !ids.has(c));
    if (missing !== undefined) throw new BookmarkImportError('invalid', `bookmarks.${i}.collections`);
  });
  return {
    collections: file.collections.map((c) => ({ key: c.id, id: c.id, name: c.name.normalize('NFC').trim(), createdAt: c.createdAt })),
    bookmarks: file.bookmarks.map((b) => ({
      articleId: b.articleId,
      url: b.url,
      title: b.title.normalize('NFC'),
      createdAt: b.createdAt,
      collectionKeys: [...new Set(b.collections)],
    })),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : undefined;
};
const secondsToIso = (s: string | undefined, fallback: string) => {
  const n = Number(s);
  return s && Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : fallback;
};

/**
 * Reads a Netscape bookmark file (what browsers export). Each folder that holds links becomes a
 * collection named after it; links outside folders are plain bookmarks. Links the archive cannot hold
 * (javascript:, place:, ftp:…) are skipped. Structure is checked strictly: a truncated or mangled file
 * (unclosed folders, a link without an address) is refused as a whole.
 */
export function parseBookmarksHtml(text: string, now = new Date()): ImportPlan {
  if (!/^\s*(?:\ufeff)?<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>/i.test(text)) throw new BookmarkImportError('damaged-html', 'DOCTYPE');
  const fallback = now.toISOString();
  const tag = /<(\/?)(DL|H3|A)\b([^>]*)>/gi;
  const closeA = /<\/A\s*>|<DT\b|<\/?DL\b/gi;
  const closeH3 = /<\/H3\s*>|<DT\b|<\/?DL\b/gi;
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const stack: (string | null)[] = [];
  const collections = new Map<string, ImportPlan['collections'][number]>();
  const byUrl = new Map<string, ImportPlan['bookmarks'][number]>();
  let pendingFolder: { name: string; createdAt: string } | null = null;
  let sawRoot = false;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text))) {
    const [, closing, name, attrs] = m;
    const upper = name.toUpperCase();
    if (upper === 'DL') {
      if (closing) {
        if (stack.length === 0) throw new BookmarkImportError('damaged-html', `line ${lineAt(m.index)}`);
        stack.pop();
      } else {
        if (stack.length === 0 && sawRoot) throw new BookmarkImportError('damaged-html', `line ${lineAt(m.index)}`);
        sawRoot = true;
        stack.push(pendingFolder?.name ?? null);
        if (pendingFolder && !collections.has(pendingFolder.name.toLocaleLowerCase('vi'))) {
          collections.set(pendingFolder.name.toLocaleLowerCase('vi'), { key: pendingFolder.name.toLocaleLowerCase('vi'), name: pendingFolder.name, createdAt: pendingFolder.createdAt });
        }
        pendingFolder = null;
      }
      continue;
    }
    if (closing) continue;
    // The element's text runs to its own closing tag; a missing one means the file was cut or mangled.
    const close = upper === 'A' ? closeA : closeH3;
    close.lastIndex = tag.lastIndex;
    const c = close.exec(text);
    if (!c || !/^<\/(?:A|H3)/i.test(c[0]) || stack.length === 0) throw new BookmarkImportError('damaged-html', `line ${lineAt(m.index)}`);
    const inner = decodeEntities(text.slice(tag.lastIndex, c.index).replace(/<[^>]*>/g, '')).normalize('NFC').replace(/\s+/g, ' ').trim();
    tag.lastIndex = close.lastIndex;
    if (upper === 'H3') {
      pendingFolder = { name: inner || '…', createdAt: secondsToIso(attr(attrs, 'ADD_DATE'), fallback) };
      continue;
    }
    const href = attr(attrs, 'HREF');
    if (href === undefined || href.trim() === '') throw new BookmarkImportError('damaged-html', `line ${lineAt(m.index)}`);
    const url = href.trim();
    if (!ACCEPTED_URL.test(url)) continue;
    const folder = stack.findLast((f) => f !== null) ?? null;
    const folderKey = folder?.toLocaleLowerCase('vi');
    const existing = byUrl.get(url);
    if (existing) {
      if (folderKey && !existing.collectionKeys.includes(folderKey)) existing.collectionKeys.push(folderKey);
      continue;
    }
    byUrl.set(url, { url, title: inner || url, createdAt: secondsToIso(attr(attrs, 'ADD_DATE'), fallback), collectionKeys: folderKey ? [folderKey] : [] });
  }
  if (!sawRoot || stack.length !== 0) throw new BookmarkImportError('damaged-html', 'DL');
  const used = new Set([...byUrl.values()].flatMap((b) => b.collectionKeys));
  return { collections: [...collections.values()].filter((c) => used.has(c.key)), bookmarks: [...byUrl.values()] };
}

/** Picks the parser from the content (not the file name, which users rename), and refuses anything else. */
export function parseBookmarksFile(text: string, fileName = ''): ImportPlan {
  if (text.length > MAX_IMPORT_BYTES) throw new BookmarkImportError('too-large');
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{') || /\.json$/i.test(fileName)) return parseBookmarksJson(start);
  if (/^<!DOCTYPE\s+NETSCAPE-Bookmark-file-1/i.test(start) || /\.html?$/i.test(fileName)) return parseBookmarksHtml(start);
  throw new BookmarkImportError('unknown-type');
}

/**
 * Merges a validated plan in one transaction: a failure anywhere rolls all of it back. Collections match
 * by id, then by name (case-insensitive), so importing the same file twice adds nothing the second time;
 * existing bookmarks keep their date.
 */
export async function applyImport(db: ArchiveDb, plan: ImportPlan, now = new Date()): Promise<ImportResult> {
  const result: ImportResult = { bookmarksAdded: 0, collectionsAdded: 0, placementsAdded: 0 };
  await db.transaction('rw', [db.bookmarks, db.collections, db.collectionItems, db.articles], async () => {
    const existing = await db.collections.toArray();
    const byName = new Map(existing.map((c) => [c.name.toLocaleLowerCase('vi'), c.id]));
    const byId = new Set(existing.map((c) => c.id));
    const keyToId = new Map<string, string>();
    const newCollections: CollectionRow[] = [];
    for (const c of plan.collections) {
      const nameKey = c.name.toLocaleLowerCase('vi');
      let id = c.id && byId.has(c.id) ? c.id : byName.get(nameKey);
      if (!id) {
        id = c.id ?? crypto.randomUUID();
        newCollections.push({ id, name: c.name, createdAt: c.createdAt });
        byId.add(id);
        byName.set(nameKey, id);
      }
      keyToId.set(c.key, id);
    }
    await db.collections.bulkAdd(newCollections);
    result.collectionsAdded = newCollections.length;

    const articleIds = await Promise.all(plan.bookmarks.map((b) => b.articleId ?? resolveArticleId(db, b.url)));
    const [bookmarks, items] = await Promise.all([
      db.bookmarks.bulkGet(articleIds),
      db.collectionItems.bulkGet(plan.bookmarks.flatMap((b, i) => b.collectionKeys.map((k) => [keyToId.get(k)!, articleIds[i]] as [string, string]))),
    ]);
    const seen = new Set<string>();
    const newBookmarks = plan.bookmarks.flatMap((b, i) => {
      const articleId = articleIds[i];
      if (bookmarks[i] || seen.has(articleId)) return [];
      seen.add(articleId);
      return [{ articleId, createdAt: b.createdAt, title: b.title, url: b.url }];
    });
    await db.bookmarks.bulkAdd(newBookmarks);
    result.bookmarksAdded = newBookmarks.length;

    const addedAt = now.toISOString();
    const newItems = new Map<string, CollectionItemRow>();
    let k = 0;
    plan.bookmarks.forEach((b, i) => {
      for (const key of b.collectionKeys) {
        const collectionId = keyToId.get(key)!;
        if (!items[k++]) newItems.set(`${collectionId}\n${articleIds[i]}`, { collectionId, articleId: articleIds[i], addedAt });
      }
    });
    await db.collectionItems.bulkAdd([...newItems.values()]);
    result.placementsAdded = newItems.size;
  });
  return result;
}

/** A browser file knows only addresses: find the stored article with that address, else keep the address as its id. */
async function resolveArticleId(db: ArchiveDb, url: string): Promise<string> {
  const hit = (await db.articles.where('canonicalUrl').equals(url).primaryKeys())[0] ?? (await db.articles.where('url').equals(url).primaryKeys())[0];
  return (hit as string | undefined) ?? url;
}

export async function importBookmarks(db: ArchiveDb, text: string, fileName = ''): Promise<ImportResult> {
  return applyImport(db, parseBookmarksFile(text, fileName));
}
