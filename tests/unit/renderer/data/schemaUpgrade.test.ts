import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import { SCHEMA_VERSIONS } from '../../../../renderer/data/schema';

/** A row for every table a given version has, shaped to satisfy that version's indexes. */
function sampleRow(table: string, i: number): Record<string, unknown> {
  const id = `row-${i}`;
  const rows: Record<string, Record<string, unknown>> = {
    sources: { id, kind: 'rss', title: `Nguồn ${i}` },
    articles: { id, sourceId: 's', url: `http://x/${i}`, canonicalUrl: `http://x/${i}`, publishedAt: `2020-01-0${(i % 9) + 1}`, views: i, category: 'Thể thao', fetchedAt: '2026-01-01', removed: 0, title: `Bài ${i}` },
    bodies: { id, html: '<p>x</p>', text: 'x' },
    images: { url: `http://x/${i}.png`, blob: new Blob(['png']), mime: 'image/png', size: 3 },
    bookmarks: { articleId: id, createdAt: '2026-01-01' },
    collections: { id, name: `Bộ ${i}` },
    collectionItems: { collectionId: 'c', articleId: id },
    annotations: { id, articleId: 'a', createdAt: '2026-01-01', updatedAt: '2026-01-02', tags: ['ghi chú'], note: `ghi chú ${i}` },
    readState: { articleId: id, sourceId: 's', read: 1, updatedAt: '2026-01-01' },
    syncRuns: { id, startedAt: '2026-01-01' },
    settings: { key: `k${i}`, value: i },
    searchChunks: { key: `c${i}`, data: 'x' },
    relatedChunks: { key: `c${i}`, data: 'x' },
  };
  return rows[table];
}

describe('schema upgrades', () => {
  it('lists versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  for (const { version } of SCHEMA_VERSIONS.slice(1)) {
    it(`version ${version} opens a database written by version ${version - 1} and keeps every row`, async () => {
      const name = `upgrade-${version}-${Date.now()}`;
      const old = new ArchiveDb(name, { upTo: version - 1 });
      await old.open();
      const counts: Record<string, number> = {};
      for (const table of old.tables) {
        const rows = [0, 1, 2].map((i) => sampleRow(table.name, i));
        expect(rows[0], `no sample row for table ${table.name}`).toBeDefined();
        await table.bulkPut(rows);
        counts[table.name] = await table.count();
      }
      old.close();

      const db = new ArchiveDb(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      for (const [table, count] of Object.entries(counts)) {
        expect(await db.table(table).count(), table).toBe(count);
      }
      expect((await db.table('articles').get('row-1'))?.title).toBe('Bài 1');
      expect(await db.table('annotations').where('tags').equals('ghi chú').count()).toBe(3);
      db.close();
      await db.delete();
    });
  }
});
