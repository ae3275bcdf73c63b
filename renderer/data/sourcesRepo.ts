import Dexie from 'dexie';
import type { OpmlSubscription } from '../../shared/model/opml';
import type { SourceKind, SyncSchedule } from '../../shared/model/source';
import type { Discovery } from '../../shared/model/sync';
import type { ArchiveDb } from './ArchiveDb';
import { notifyArticlesChanged } from './articleChanges';
import type { SourceRow } from './rows';
import { readSetting, writeSetting } from './settings';

/** What the add-source dialog (or an OPML import) decided; the rest of a Source row is filled in here. */
export interface NewSource {
  title: string;
  url: string;
  kind: SourceKind;
  feedUrls: string[];
  backfillUrls: string[];
  downloadImages: boolean;
  schedule: SyncSchedule;
  discovered?: Discovery;
}

export type SourcePatch = Partial<Pick<SourceRow, 'title' | 'feedUrls' | 'backfillUrls' | 'downloadImages' | 'schedule' | 'paused'>>;

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export async function findSourceByUrl(db: ArchiveDb, url: string): Promise<SourceRow | undefined> {
  const all = await db.sources.toArray();
  return all.find((s) => sameUrl(s.url, url) || (s.discovered && sameUrl(s.discovered.finalUrl, url)));
}

/**
 * Adds a source. It counts as seen at creation, so everything its first sync brings shows as new.
 * Returns the stored row.
 */
export async function addSource(db: ArchiveDb, input: NewSource, now = new Date()): Promise<SourceRow> {
  const row: SourceRow = {
    id: crypto.randomUUID(),
    title: input.title.trim() || input.url,
    url: input.url,
    kind: input.kind,
    feedUrls: [...new Set(input.feedUrls)],
    backfillUrls: [...new Set(input.backfillUrls)],
    paused: false,
    schedule: input.schedule,
    downloadImages: input.downloadImages,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    ...(input.discovered ? { discovered: input.discovered } : {}),
  };
  await db.sources.add(row);
  return row;
}

/**
 * Changing what a source reads from drops its checkpoint: the validators it holds describe the old
 * documents, and a new feed or sitemap must be read in full once.
 */
export async function updateSource(db: ArchiveDb, id: string, patch: SourcePatch): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const prev = await db.sources.get(id);
    if (!prev) return;
    const changesDocs =
      (patch.feedUrls && patch.feedUrls.join('\n') !== prev.feedUrls.join('\n')) ||
      (patch.backfillUrls && patch.backfillUrls.join('\n') !== prev.backfillUrls.join('\n'));
    const clean: SourcePatch = { ...patch };
    if (clean.title !== undefined) clean.title = clean.title.trim() || prev.title;
    await db.sources.update(id, { ...clean, ...(changesDocs ? { checkpoint: undefined } : {}) });
  });
}

export async function markSourceSeen(db: ArchiveDb, id: string, now = new Date()): Promise<void> {
  await db.sources.update(id, { lastSeenAt: now.toISOString() });
}

/** Articles fetched since the user last opened the source, counted from index keys alone. */
export async function countNewArticles(db: ArchiveDb, source: Pick<SourceRow, 'id' | 'lastSeenAt'>): Promise<number> {
  const since = source.lastSeenAt ?? '';
  return db.articles
    .where('[sourceId+fetchedAt]')
    .between([source.id, since], [source.id, Dexie.maxKey], false, true)
    .count();
}

export async function newArticleCounts(db: ArchiveDb): Promise<Record<string, number>> {
  const sources = await db.sources.toArray();
  const counts = await Promise.all(sources.filter((s) => s.kind !== 'guide').map(async (s) => [s.id, await countNewArticles(db, s)] as const));
  return Object.fromEntries(counts);
}

export interface RemovalPlan {
  /** Articles (with their bodies, read state and images nothing else uses) that go. */
  remove: string[];
  /** Articles the user bookmarked, annotated or put in a collection: they stay. */
  keep: string[];
}

/** Which of a source's articles removal would delete and which it keeps because the user saved them. */
export async function planSourceRemoval(db: ArchiveDb, id: string): Promise<RemovalPlan> {
  const ids = (await db.articles.where('sourceId').equals(id).primaryKeys()) as string[];
  if (!ids.length) return { remove: [], keep: [] };
  const [bookmarked, annotated, collected] = await Promise.all([
    db.bookmarks.bulkGet(ids),
    db.annotations.where('articleId').anyOf(ids).toArray(),
    db.collectionItems.where('articleId').anyOf(ids).toArray(),
  ]);
  const saved = new Set<string>([...annotated.map((a) => a.articleId), ...collected.map((c) => c.articleId)]);
  bookmarked.forEach((b, i) => {
    if (b) saved.add(ids[i]);
  });
  return { remove: ids.filter((a) => !saved.has(a)), keep: ids.filter((a) => saved.has(a)) };
}

/**
 * Removes a source and its articles, except the ones the user saved (bookmarks, notes, collections):
 * those keep their body, images and read state. Image blobs go only when no remaining article shows them.
 */
export async function removeSource(db: ArchiveDb, id: string): Promise<{ removed: number; kept: number }> {
  const result = await db.transaction(
    'rw',
    [db.sources, db.articles, db.bodies, db.images, db.readState, db.bookmarks, db.annotations, db.collectionItems, db.settings],
    async () => {
      const plan = await planSourceRemoval(db, id);
      const gone = new Set(plan.remove);
      const candidates = new Set<string>();
      for (const chunk of chunks(plan.remove, 500)) {
        for (const a of await db.articles.bulkGet(chunk)) a?.images.forEach((img) => candidates.add(img.url));
      }
      if (candidates.size) {
        await db.articles.each((a) => {
          if (gone.has(a.id)) return;
          for (const img of a.images) candidates.delete(img.url);
        });
      }
      await db.articles.bulkDelete(plan.remove);
      await db.bodies.bulkDelete(plan.remove);
      await db.readState.bulkDelete(plan.remove);
      await db.images.bulkDelete([...candidates]);
      await db.sources.delete(id);
      if ((await readSetting(db, 'selectedSourceId')) === id) await writeSetting(db, 'selectedSourceId', null);
      return { removed: plan.remove.length, kept: plan.keep.length, ids: plan.remove };
    },
  );
  // Search and related-article indexes drop what is gone.
  notifyArticlesChanged({ put: [], deleted: result.ids });
  return { removed: result.removed, kept: result.kept };
}

const FEED_KINDS = new Set<SourceKind>(['rss', 'atom', 'jsonfeed']);

/**
 * A source from one OPML outline. Feeds bring new articles; sitemaps and listings backfill. A portal
 * page is discovered first when the caller could (`discovery`), otherwise its page is read as a listing.
 */
export function sourceFromOpml(entry: OpmlSubscription, discovery?: Discovery): NewSource {
  const base = { title: entry.title || entry.url, url: entry.url, downloadImages: true, schedule: 'off' as const };
  if (discovery) {
    return {
      ...base,
      kind: discovery.kind === 'guide' ? 'portal' : discovery.kind,
      feedUrls: discovery.feeds.map((f) => f.url),
      backfillUrls: discovery.sitemaps,
      discovered: discovery,
    };
  }
  if (FEED_KINDS.has(entry.kind)) return { ...base, kind: entry.kind, feedUrls: [entry.url], backfillUrls: [] };
  return { ...base, kind: entry.kind === 'guide' ? 'portal' : entry.kind, feedUrls: [], backfillUrls: [entry.url] };
}

/** Adds the sources a file lists, skipping ones already present (same URL). */
export async function addSources(db: ArchiveDb, sources: NewSource[], now = new Date()): Promise<{ added: number; duplicates: number }> {
  let added = 0;
  let duplicates = 0;
  for (const s of sources) {
    if (await findSourceByUrl(db, s.url)) {
      duplicates++;
      continue;
    }
    await addSource(db, s, now);
    added++;
  }
  return { added, duplicates };
}

/**
 * One outline per source. A source that reads exactly one feed is exported as that feed, so other
 * readers can use it; anything else as its page, with our kind attribute for the round trip.
 */
export function opmlEntriesFor(sources: SourceRow[]): OpmlSubscription[] {
  return sources
    .filter((s) => s.kind !== 'guide' && /^https?:/i.test(s.url))
    .map((s) => {
      if (FEED_KINDS.has(s.kind) && s.feedUrls.length === 1 && s.backfillUrls.length === 0) {
        return { url: s.feedUrls[0], title: s.title, kind: s.kind };
      }
      return { url: s.url, title: s.title, kind: s.kind };
    });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
