import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../shared/search/index';
import { loadSearchIndex, readSearchManifest, saveSearchIndex, SEARCH_STORE_FORMAT } from '../../../../renderer/data/searchIndexStore';
import { closeAll, freshDb } from './articleFixtures';

afterEach(closeAll);

function engineWith(words: string[]): { engine: SearchEngine; hashes: Map<string, string> } {
  const engine = new SearchEngine();
  const hashes = new Map<string, string>();
  engine.add(
    words.map((w, i) => {
      hashes.set(`a${i}`, `h${i}`);
      return { id: `a${i}`, title: w, lead: '', text: `${w} trong bài số ${i}`, author: '', captions: [], category: '', sourceId: 's', publishedAt: '', contentHash: `h${i}` };
    }),
  );
  return { engine, hashes };
}

const snapshot = ({ engine, hashes }: ReturnType<typeof engineWith>) => ({
  chunks: engine.exportChunks(),
  fingerprint: engine.fingerprint(),
  hashes,
  maxFetchedAt: '2026-02-01T00:00:00.000Z',
});

describe('searchIndexStore', () => {
  it('saves chunks, hashes and a manifest that load back into an equal engine', async () => {
    const db = freshDb();
    const built = engineWith(['dân vận', 'xăng dần', 'bóng đá']);
    const manifest = await saveSearchIndex(db, snapshot(built), new Date('2026-03-01T00:00:00Z'));
    expect(manifest).toMatchObject({ format: SEARCH_STORE_FORMAT, docs: 3, fingerprint: built.engine.fingerprint(), savedAt: '2026-03-01T00:00:00.000Z' });

    const loaded = await loadSearchIndex(db);
    expect(loaded).not.toBeNull();
    expect(loaded!.hashes).toEqual(built.hashes);
    expect(loaded!.manifest.maxFetchedAt).toBe('2026-02-01T00:00:00.000Z');
    const engine = SearchEngine.importChunks(loaded!.chunks);
    expect(engine.fingerprint()).toBe(built.engine.fingerprint());
    expect(engine.search('dan van').hits.map((h) => h.id)).toEqual(['a0']);
    // Bytes are stored as bytes, not text.
    const row = await db.table('searchChunks').get('chunk:meta');
    expect(row.data).toBeInstanceOf(Uint8Array);
  });

  it('replaces the whole previous set: no chunk of a larger, older index survives', async () => {
    const db = freshDb();
    await saveSearchIndex(db, snapshot(engineWith(Array.from({ length: 50 }, (_, i) => `từ${i} tin tức`))));
    const small = engineWith(['một bài']);
    const manifest = await saveSearchIndex(db, snapshot(small));
    const keys = (await db.searchChunks.toCollection().primaryKeys()) as string[];
    expect(keys.sort()).toEqual([...manifest.chunkKeys.map((k) => `chunk:${k}`), 'hashes', 'manifest'].sort());
    expect(SearchEngine.importChunks((await loadSearchIndex(db))!.chunks).size).toBe(1);
  });

  it('a save that fails part-way leaves the previous complete set', async () => {
    const db = freshDb();
    const first = engineWith(['dân vận']);
    await saveSearchIndex(db, snapshot(first));
    const broken = snapshot(engineWith(['xăng dần', 'bóng đá']));
    // A value IndexedDB cannot store aborts the transaction after clear() already ran inside it.
    broken.chunks.push({ key: 'zz', data: (() => 0) as unknown as Uint8Array });
    await expect(saveSearchIndex(db, broken)).rejects.toThrow();
    const loaded = await loadSearchIndex(db);
    expect(SearchEngine.importChunks(loaded!.chunks).fingerprint()).toBe(first.engine.fingerprint());
  });

  it('reports nothing usable when a chunk is missing, the hash table disagrees or the format is another', async () => {
    const db = freshDb();
    expect(await loadSearchIndex(db)).toBeNull();
    const manifest = await saveSearchIndex(db, snapshot(engineWith(['dân vận', 'xăng dần'])));
    await db.searchChunks.delete(`chunk:${manifest.chunkKeys[1]}`);
    expect(await loadSearchIndex(db)).toBeNull();

    await saveSearchIndex(db, snapshot(engineWith(['dân vận'])));
    await db.table('searchChunks').put({ key: 'hashes', data: '[]' });
    expect(await loadSearchIndex(db)).toBeNull();

    await saveSearchIndex(db, snapshot(engineWith(['dân vận'])));
    await db.table('searchChunks').put({ key: 'manifest', data: JSON.stringify({ ...manifest, format: SEARCH_STORE_FORMAT + 1 }) });
    expect(await readSearchManifest(db)).toBeNull();
    expect(await loadSearchIndex(db)).toBeNull();
  });
});
