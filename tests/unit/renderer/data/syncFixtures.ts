import 'fake-indexeddb/auto';
import { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import type { ArticleRow, SourceRow } from '../../../../renderer/data/rows';

let n = 0;
const open: ArchiveDb[] = [];

export function freshDb(): ArchiveDb {
  const db = new ArchiveDb(`sync-data-${process.pid}-${++n}-${Date.now()}`);
  open.push(db);
  return db;
}

export async function closeDbs(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
}

export function sourceRow(id: string, extra: Partial<SourceRow> = {}): SourceRow {
  return {
    id,
    title: `Nguồn ${id}`,
    url: `https://${id}.example.vn/`,
    kind: 'portal',
    feedUrls: [`https://${id}.example.vn/rss/tin-moi.rss`],
    backfillUrls: [`https://${id}.example.vn/sitemap.xml`],
    paused: false,
    schedule: 'off',
    downloadImages: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function articleRow(sourceId: string, i: number, extra: Partial<ArticleRow> = {}): ArticleRow {
  const url = `https://${sourceId}.example.vn/bai-viet/bai-${i}.html`;
  return {
    id: url,
    sourceId,
    url,
    canonicalUrl: url,
    title: `Bài số ${i}`,
    lead: '',
    author: '',
    publishedAt: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T03:00:00.000Z`,
    updatedAt: '',
    views: null,
    category: i % 2 ? 'Thể thao' : 'Giáo dục',
    images: [{ url: `https://${sourceId}.example.vn/anh/${i}.png`, caption: `Ảnh ${i}` }],
    related: [],
    contentHash: `hash-${i}`,
    fetchedAt: '2026-03-30T00:00:00.000Z',
    removedUpstream: false,
    removed: 0,
    ...extra,
  };
}

/** Stores articles with a body and every image blob, as a complete sync would. */
export async function storeArticles(db: ArchiveDb, rows: ArticleRow[]): Promise<void> {
  await db.articles.bulkPut(rows);
  await db.bodies.bulkPut(rows.map((r) => ({ id: r.id, html: `<p>${r.title}</p>`, text: r.title })));
  await db.images.bulkPut(
    rows.flatMap((r) => r.images.map((img) => ({ url: img.url, blob: new Blob(['x'.repeat(1000)]), mime: 'image/png', size: 1000, fetchedAt: r.fetchedAt }))),
  );
}
