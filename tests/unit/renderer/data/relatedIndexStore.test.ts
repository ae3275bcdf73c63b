import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RelatedIndex } from '../../../../shared/related';
import {
  clearRelatedIndexes,
  fingerprintOf,
  loadRelatedIndexes,
  MANIFEST_KEY,
  saveRelatedIndexes,
  STORE_VERSION,
  type RelatedManifest,
  type RelatedPartition,
} from '../../../../renderer/data/relatedIndexStore';
import { checksumOf } from '../../../../shared/related/binarySnapshot';
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
    const manifest = await saveRelatedIndexes(db, partitions, { docsPerChunk: 25, termsPerChunk: 1000 });
    expect(manifest.count).toBe(70);
    expect(manifest.partitions).toMatchObject([
      { name: 'portal', count: 60, chunks: 3 },
      { name: 'guide-vi', count: 10, chunks: 1 },
    ]);
    expect(manifest.partitions[0].termChunks).toBeGreaterThan(1);
    // Bulk rows are binary and smaller than the JSON form (at this size the term texts dominate both).
    const stored = await db.table<{ key: string; data: unknown }, string>('relatedChunks').get('p:portal:docs:000000');
    expect(stored?.data).toBeInstanceOf(ArrayBuffer);
    const jsonBytes = [...partitions.values()].reduce((n, p) => n + JSON.stringify(p.index.toJSON()).length, 0);
    expect(manifest.bytes).toBeLessThan(jsonBytes * 0.75);

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
    expect(manifest.version).toBe(STORE_VERSION);
    expect(manifest.fingerprint).toBe(fingerprintOf(partitions.get('portal')!.hashes));
    // A later, smaller save replaces every row: nothing of the first is left to be mixed in.
    await saveRelatedIndexes(db, new Map([['guide-en', partition(40, 45)]]));
    const keys = (await db.relatedChunks.toCollection().primaryKeys()).sort();
    expect(keys).toEqual(['manifest', 'p:guide-en:docs:000000', 'p:guide-en:head', 'p:guide-en:terms:000000']);
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

    const rows = db.table<{ key: string; data: string | ArrayBuffer }, string>('relatedChunks');
    const bytesOf = async (key: string) => new Uint8Array((await rows.get(key))!.data as ArrayBuffer).slice();

    // One flipped byte in a docs chunk: the checksum notices even though it might still decode.
    await save();
    const flipped = await bytesOf('p:portal:docs:000001');
    flipped[flipped.length - 3] ^= 0x40;
    await rows.put({ key: 'p:portal:docs:000001', data: flipped.buffer });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'corrupt', detail: expect.stringContaining('chunk 1 is damaged') });

    // A truncated chunk whose checksum was updated too: the decoder itself refuses it (the declared
    // article count no longer fits in what is left, or a read runs off the end).
    await save();
    const truncated = (await bytesOf('p:portal:docs:000000')).slice(0, 200);
    const before = JSON.parse((await db.relatedChunks.get(MANIFEST_KEY))!.data) as RelatedManifest;
    await rows.put({ key: 'p:portal:docs:000000', data: truncated.buffer });
    await db.relatedChunks.put({
      key: MANIFEST_KEY,
      data: JSON.stringify({ ...before, checksums: { ...before.checksums, 'p:portal:docs:000000': checksumOf(truncated.buffer) } }),
    });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'corrupt', detail: expect.stringMatching(/truncated|impossible length/) });

    // Damaged terms, and text where binary belongs.
    await save();
    const terms = await bytesOf('p:portal:terms:000000');
    terms[10] ^= 1;
    await rows.put({ key: 'p:portal:terms:000000', data: terms.buffer });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'corrupt' });
    await save();
    await db.relatedChunks.put({ key: 'p:portal:docs:000002', data: '{"docs":[],"hashes":[]}' });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'corrupt' });

    // Rows from another save whose fingerprint does not match.
    await save();
    const current = JSON.parse((await db.relatedChunks.get(MANIFEST_KEY))!.data) as RelatedManifest;
    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify({ ...current, fingerprint: fingerprintOf([['a', 'b']]) }) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'inconsistent', detail: expect.stringContaining('fingerprint') });

    // A store written by the JSON format (version 1) is rebuilt, not misread.
    await save();
    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify({ ...current, version: 1 }) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'format' });

    // Version 2 stored indexes built with the old neighbour defaults; they are rebuilt too.
    await save();
    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify({ ...current, version: 2 }) });
    expect(await loadRelatedIndexes(db)).toMatchObject({ ok: false, reason: 'format', detail: expect.stringContaining('v2') });

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
