import { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import type { ArticleRow, SourceRow } from '../../../../renderer/data/rows';

let n = 0;
const open: ArchiveDb[] = [];

export function freshDb(): ArchiveDb {
  const db = new ArchiveDb(`t-${++n}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
}

export function source(id: string): SourceRow {
  return { id, title: id, url: `https://${id}.example/`, kind: 'portal', feedUrls: [], backfillUrls: [], paused: false, schedule: 'off', downloadImages: true, createdAt: '2026-01-01T00:00:00.000Z' };
}

/** A portal article row; ids are canonical URLs as sync writes them. */
export function article(id: string, over: Partial<ArticleRow> = {}): ArticleRow {
  const url = `https://portal.example/bai-viet/${id}.html`;
  return {
    id: url,
    sourceId: 'p1',
    url,
    canonicalUrl: url,
    title: `Bài ${id}`,
    lead: '',
    author: 'Nguyễn Thu Hà',
    publishedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    views: 100,
    category: 'Xã hội',
    images: [],
    related: [],
    contentHash: id,
    fetchedAt: '2026-02-01T00:00:00.000Z',
    removedUpstream: false,
    removed: 0,
    ...over,
  };
}

export const urlOf = (id: string) => `https://portal.example/bai-viet/${id}.html`;
