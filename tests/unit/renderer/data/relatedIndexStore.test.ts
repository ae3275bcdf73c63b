import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RelatedIndex } from '../../../../shared/related';
import {
  clearRelatedIndexes,
  fingerprintOf,
  loadRelatedIndexes,
  MANIFEST_KEY,
  saveRelatedIndexes,
  type RelatedManifest,
  type RelatedPartition,
} from '../../../../renderer/data/relatedIndexStore';
import { corpusLines } from '../workers/related/relatedFixtures';
import { closeAll, freshDb } from './articleFixtures';

afterEach(closeAll);

/** A partition over corpus articles [from, to), hashes "h<n>". */
function partition(from: number, to: number): RelatedPartition {
  const index = new RelatedIndex();
  const hashes = new Map<string, string>();
  const docs = corpusLines()
    .slice(from, to)
    .map((line, i) => {
      const [lead, ...rest] = line.body.split('\n');
      const id = `a${from + i}`;
      hashes.set(id, `h${from + i}`);
      return { id, title: line.title, lead, text: rest.join('\n') };
    });
  index.add(docs);
  return { index, hashes };
}

const answers = (p: RelatedPartition) => [...p.hashes.keys()].map((id) => p.index.similar(id, 5));

describe('related index store', () => {
  it('round-trips every partition: same articles, hashes and answers, no recomputation needed', async () => {
    const db = freshDb();
    const partitions = new Map([
      ['portal', partition(0, 60)],
      ['guide-vi', partition(60, 70)],
    ]);
    // Several chunks per partition, so chunk order and boundaries are exercised.
    const manifest = await saveRelatedIndexes(db, partitions, { docsPerChunk: 25 });
    expect(manifest.count).toBe(70);
    expect(manifest.partitions).toEqual([
      { name: 'portal', count: 60, chunks: 3 },
      { name: 'guide-vi', count: 10, chunks: 1 },
    ]);

    const loaded = await loadRelatedIndexes(db);
    if (!loaded.ok) throw new Error(`${loaded.reason}: ${loaded.detail}`);
    expect(loaded.manifest).toEqual(manifest);
    expect([...loaded.partitions.keys()]).toEqual(['portal', 'guide-vi']);
    for (const [name, original] of partitions) {
      const copy = loaded.partitions.get(name)!;
      expect(copy.hashes).toEqual(original.hashes);
      expect(copy.index.toJSON()).toEqual(original.index.toJSON());
      expect(answers(copy)).toEqual(answers(original));
    }
    // The copy goes on evolving like the original.
    const extra = corpusLines()[80];
    for (const p of [partitions.get('portal')!, loaded.partitions.get('portal')!]) p.index.add([{ id: 'x', title: extra.title, lead: '', text: extra.body }]);
    expect(loaded.partitions.get('portal')!.index.similar('x', 5)).toEqual(partitions.get('portal')!.index.similar('x', 5));
  });

  it('writes a manifest whose count and fingerprint describe exactly the stored articles', async () => {
    const db = freshDb();
    const partitions = new Map([['portal', partition(0, 30)]]);
    await saveRelatedIndexes(db, partitions);
    const manifest = JSON.parse((await db.relatedChunks.get(MANIFEST_KEY))!.data) as RelatedManifest;
    expect(manifest.count).toBe(30);
    expect(manifest.fingerprint).toBe(fingerprintOf(partitions.get('portal')!.hashes));
    // A later, smaller save replaces every row: nothing of the first is left to be mixed in.
    await saveRelatedIndexes(db, new Map([['guide-en', partition(40, 45)]]));
    const keys = (await db.relatedChunks.toCollection().primaryKeys()).sort();
    expect(keys).toEqual(['manifest', 'p:guide-en:docs:000000', 'p:guide-en:head']);
    const loaded = await loadRelatedIndexes(db);
    expect(loaded.ok && [...loaded.partitions.keys()]).toEqual(['guide-en']);
  });

  it('refuses a store that does not match its manifest, and says why', async () => {
    const db = freshDb();
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'empty' });

    const save = () => saveRelatedIndexes(db, new Map([['portal', partition(0, 30)]]), { docsPerChunk: 10 });
    await save();
    await db.relatedChunks.delete('p:portal:docs:000001');
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent', detail: expect.stringContaining('misses chunk 1') });

    await save();
    // A chunk from some other save (another window, an interrupted older format) is not ours.
    await db.relatedChunks.put({ key: 'p:portal:docs:000009', data: '{"docs":[],"hashes":[]}' });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent' });

    await save();
    const chunk = (await db.relatedChunks.get('p:portal:docs:000000'))!;
    const parsed = JSON.parse(chunk.data) as { hashes: string[] };
    parsed.hashes[3] = 'edited';
    await db.relatedChunks.put({ key: chunk.key, data: JSON.stringify(parsed) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent', detail: expect.stringContaining('fingerprint') });

    await save();
    const manifest = JSON.parse((await db.relatedChunks.get(MANIFEST_KEY))!.data) as RelatedManifest;
    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify({ ...manifest, count: 31 }) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent' });

    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify({ ...manifest, version: 99 }) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'format' });

    await save();
    await db.relatedChunks.put({ key: 'p:portal:head', data: '{"format":' });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'corrupt' });

    await db.relatedChunks.delete(MANIFEST_KEY);
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent', detail: 'chunks without a manifest' });
    await clearRelatedIndexes(db);
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('fingerprints (id, hash) pairs regardless of order and notices any change', () => {
    const pairs: [string, string][] = [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ];
    const base = fingerprintOf(pairs);
    expect(fingerprintOf([...pairs].reverse())).toBe(base);
    expect(fingerprintOf([['a', '1'], ['b', '2'], ['c', '4']])).not.toBe(base);
    expect(fingerprintOf([['a', '1'], ['b', '2']])).not.toBe(base);
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(fingerprintOf([['ab', 'c']])).not.toBe(fingerprintOf([['a', 'bc']]));
  });
});
