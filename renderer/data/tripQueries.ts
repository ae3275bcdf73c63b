import Dexie from 'dexie';
import type { ArchiveDb } from './ArchiveDb';
import type { TripFilter } from './buildSyncRequest';
import type { ArticleRow } from './rows';

/** What the user chose in "prepare for a trip". Dates are inclusive ISO days (yyyy-mm-dd). */
export interface TripSelection {
  sourceIds: string[];
  categories: string[];
  from?: string;
  to?: string;
}

export function tripFilterOf(sel: TripSelection): TripFilter | undefined {
  const filter: TripFilter = {
    ...(sel.categories.length ? { categories: sel.categories } : {}),
    ...(sel.from ? { from: sel.from } : {}),
    ...(sel.to ? { to: sel.to } : {}),
  };
  return Object.keys(filter).length ? filter : undefined;
}

/**
 * The same test main applies while syncing (SyncRun's filter): an article without a category or a date
 * is not excluded by that part of the filter, so the check asks for exactly what the sync brought.
 */
export function matchesTrip(article: Pick<ArticleRow, 'category' | 'publishedAt'>, sel: TripSelection): boolean {
  if (sel.categories.length && article.category && !sel.categories.includes(article.category)) return false;
  const day = article.publishedAt?.slice(0, 10);
  if (day && sel.from && day < sel.from) return false;
  if (day && sel.to && day > sel.to) return false;
  return true;
}

/** Stored articles the selection covers (articles the portal removed are left out: they cannot be completed). */
export async function tripArticles(db: ArchiveDb, sel: TripSelection): Promise<ArticleRow[]> {
  const out: ArticleRow[] = [];
  for (const sourceId of sel.sourceIds) {
    const lower = sel.from ? [sourceId, sel.from] : [sourceId, Dexie.minKey];
    const upper = sel.to ? [sourceId, `${sel.to}\uffff`] : [sourceId, Dexie.maxKey];
    const inRange = await db.articles.where('[sourceId+publishedAt]').between(lower, upper, true, true).toArray();
    // Undated articles sort before every date, outside the range, yet the sync filter lets them through.
    const undated = sel.from ? await db.articles.where('[sourceId+publishedAt]').equals([sourceId, '']).toArray() : [];
    for (const a of [...undated, ...inRange]) if (a.removed === 0 && matchesTrip(a, sel)) out.push(a);
  }
  return out;
}

/** Categories to choose from: those of the stored articles of the sources, and those their sites list. */
export async function tripCategories(db: ArchiveDb, sourceIds: string[]): Promise<string[]> {
  const found = new Set<string>();
  const wanted = new Set(sourceIds);
  const stored = (await db.articles.orderBy('category').uniqueKeys()) as string[];
  for (const category of stored) {
    if (!category) continue;
    const hit = await db.articles
      .where('category')
      .equals(category)
      .filter((a) => wanted.has(a.sourceId))
      .first();
    if (hit) found.add(category);
  }
  for (const source of await db.sources.bulkGet(sourceIds)) {
    for (const name of listedCategories(source?.discovered)) found.add(name);
  }
  return [...found].sort((a, b) => a.localeCompare(b, 'vi'));
}

/**
 * Category listings discovery found on the site. The page itself and pagination links ("Sau »", ?page=2)
 * are listings too, but not categories.
 */
export function listedCategories(discovered: { finalUrl: string; listings: { url: string; title: string }[] } | undefined): string[] {
  if (!discovered) return [];
  return discovered.listings
    .filter((l) => {
      if (l.url === discovered.finalUrl) return false;
      try {
        if (new URL(l.url).search) return false;
      } catch {
        return false;
      }
      return /\p{L}/u.test(l.title) && l.title.length <= 80;
    })
    .map((l) => l.title.normalize('NFC').trim());
}

export interface TripEstimate {
  /** Stored articles the selection covers. */
  articles: number;
  /** Their bodies (measured on a sample) plus every image: stored ones at their size, missing ones at the average. */
  bytes: number;
  images: number;
  missingImages: number;
}

const SAMPLE = 200;

/** A size estimate from what is stored; null when nothing matching is stored yet to estimate from. */
export async function estimateTripSize(db: ArchiveDb, sel: TripSelection): Promise<TripEstimate | null> {
  const articles = await tripArticles(db, sel);
  if (!articles.length) return null;
  const step = Math.max(1, Math.floor(articles.length / SAMPLE));
  const sampleIds = articles.filter((_, i) => i % step === 0).map((a) => a.id);
  const bodies = await db.bodies.bulkGet(sampleIds);
  const bodyBytes = bodies.reduce((sum, b) => sum + (b ? utf8Length(b.html) + utf8Length(b.text) : 0), 0);
  const avgBody = bodyBytes / Math.max(1, bodies.filter(Boolean).length);

  const imageUrls = [...new Set(articles.flatMap((a) => a.images.map((i) => i.url)))];
  let storedBytes = 0;
  let storedCount = 0;
  for (let i = 0; i < imageUrls.length; i += 500) {
    for (const img of await db.images.bulkGet(imageUrls.slice(i, i + 500))) {
      if (!img) continue;
      storedBytes += img.size;
      storedCount++;
    }
  }
  const missingImages = imageUrls.length - storedCount;
  const avgImage = storedCount ? storedBytes / storedCount : await averageStoredImageSize(db);
  return {
    articles: articles.length,
    images: imageUrls.length,
    missingImages,
    bytes: Math.round(avgBody * articles.length + storedBytes + avgImage * missingImages),
  };
}

async function averageStoredImageSize(db: ArchiveDb): Promise<number> {
  const sample = await db.images.limit(SAMPLE).toArray();
  return sample.length ? sample.reduce((s, i) => s + i.size, 0) / sample.length : 0;
}

export interface IncompleteArticle {
  id: string;
  title: string;
  url: string;
  missingBody: boolean;
  missingImages: number;
}

export interface Completeness {
  total: number;
  complete: number;
  incomplete: IncompleteArticle[];
}

/** For every chosen article: is its body text stored, and every one of its images as a blob? */
export async function checkCompleteness(db: ArchiveDb, sel: TripSelection): Promise<Completeness> {
  const articles = await tripArticles(db, sel);
  const incomplete: IncompleteArticle[] = [];
  for (let i = 0; i < articles.length; i += 200) {
    const slice = articles.slice(i, i + 200);
    const bodies = await db.bodies.bulkGet(slice.map((a) => a.id));
    const urls = [...new Set(slice.flatMap((a) => a.images.map((img) => img.url)))];
    const stored = new Set((await db.images.where('url').anyOf(urls).primaryKeys()) as string[]);
    slice.forEach((a, j) => {
      const missingBody = !bodies[j]?.text.trim();
      const missingImages = a.images.filter((img) => !stored.has(img.url)).length;
      if (missingBody || missingImages) incomplete.push({ id: a.id, title: a.title, url: a.url, missingBody, missingImages });
    });
  }
  return { total: articles.length, complete: articles.length - incomplete.length, incomplete };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
