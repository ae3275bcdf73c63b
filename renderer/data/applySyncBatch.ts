import type { SyncBatch } from '../../shared/model/sync';
import type { ArchiveDb } from './ArchiveDb';
import { notifyArticlesChanged } from './articleChanges';
import { refileReadState } from './refileReadState';
import type { ArticleRow, BodyRow, ImageRow } from './rows';

export interface AppliedBatch {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  images: number;
}

/**
 * Writes one sync batch in a single transaction, so a crash leaves either all of it or none of it, and
 * main only advances after this resolves. Articles are keyed by canonical URL: a re-sync overwrites in
 * place, and bookmarks, annotations and read state (keyed by article id) stay attached to edited articles.
 */
export async function applySyncBatch(db: ArchiveDb, batch: SyncBatch): Promise<AppliedBatch> {
  const result: AppliedBatch = { added: 0, updated: 0, unchanged: 0, removed: 0, images: 0 };
  const changedIds: string[] = [];
  const refiled = new Map<string, string>();
  await db.transaction('rw', [db.articles, db.bodies, db.images, db.sources], async () => {
    const ids = batch.articles.map((a) => a.canonicalUrl);
    const existing = await db.articles.bulkGet(ids);
    const rows: ArticleRow[] = [];
    const bodies: BodyRow[] = [];
    batch.articles.forEach((a, i) => {
      const prev = existing[i];
      if (prev && prev.contentHash === a.contentHash && prev.removed === 0) {
        result.unchanged++;
        return;
      }
      if (prev) result.updated++;
      else result.added++;
      if (prev && prev.category !== a.category) refiled.set(a.canonicalUrl, a.category);
      const { html, text, ...meta } = a;
      rows.push({ ...meta, id: a.canonicalUrl, sourceId: prev?.sourceId ?? batch.sourceId, removedUpstream: false, removed: 0 });
      bodies.push({ id: a.canonicalUrl, html, text });
    });
    await db.articles.bulkPut(rows);
    changedIds.push(...rows.map((r) => r.id));
    await db.bodies.bulkPut(bodies);

    if (batch.images.length) {
      const images: ImageRow[] = batch.images.map((img) => ({
        url: img.url,
        blob: new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.mime }),
        mime: img.mime,
        size: img.bytes.byteLength,
        fetchedAt: new Date().toISOString(),
      }));
      await db.images.bulkPut(images);
      result.images = images.length;
    }

    for (const url of batch.removedUrls) {
      const hits = await db.articles.where('url').equals(url).or('canonicalUrl').equals(url).toArray();
      for (const hit of hits) {
        if (hit.removed === 1) continue;
        await db.articles.update(hit.id, { removed: 1, removedUpstream: true });
        result.removed++;
      }
    }

    if (batch.checkpoint) await db.sources.update(batch.sourceId, { checkpoint: batch.checkpoint });
  });
  await refileReadState(db, refiled);
  notifyArticlesChanged({ put: changedIds, deleted: [] });
  return result;
}
