import type { SyncRequest, SyncSourceSpec } from '../../shared/model/sync';
import type { ArchiveDb } from './ArchiveDb';

export interface TripFilter {
  categories?: string[];
  from?: string;
  to?: string;
}

/** Tells main what the store already has for each source, so it can ask conditionally and skip the rest. */
export async function buildSyncRequest(db: ArchiveDb, sourceIds: string[], filter?: TripFilter): Promise<SyncRequest> {
  const knownImages = (await db.images.toCollection().primaryKeys()) as string[];
  const sources: SyncSourceSpec[] = [];
  for (const id of sourceIds) {
    const source = await db.sources.get(id);
    if (!source || source.kind === 'guide') continue;
    const known: SyncSourceSpec['known'] = [];
    await db.articles
      .where('sourceId')
      .equals(id)
      .each((a) => {
        known.push({
          url: a.canonicalUrl,
          contentHash: a.contentHash,
          ...(a.etag ? { etag: a.etag } : {}),
          ...(a.lastModified ? { lastModified: a.lastModified } : {}),
          ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
        });
      });
    sources.push({
      sourceId: id,
      url: source.url,
      feedUrls: source.feedUrls,
      backfillUrls: source.backfillUrls,
      downloadImages: source.downloadImages,
      known,
      knownImages,
      ...(source.checkpoint ? { checkpoint: source.checkpoint } : {}),
      ...(filter ? { filter } : {}),
    });
  }
  return { sources };
}
