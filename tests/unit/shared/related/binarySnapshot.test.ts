import { describe, expect, it } from 'vitest';
import { RelatedIndex, type RelatedDocJSON } from '../../../../shared/related';
import {
  ByteReader,
  ByteWriter,
  checksumOf,
  decodeDocsChunk,
  decodeTermsChunk,
  encodeDocsChunk,
  encodeTermsChunk,
} from '../../../../shared/related/binarySnapshot';
import { topicDocs } from './fixtures';

function snapshot() {
  const index = new RelatedIndex();
  index.add(topicDocs());
  return index.toJSON();
}

describe('binary related snapshot', () => {
  it('gives back exactly the docs and hashes it was given, smaller than JSON', () => {
    const { docs } = snapshot();
    const hashes = docs.map((d, i) => `hash-${i}-é`);
    const buffer = encodeDocsChunk({ docs, hashes });
    expect(decodeDocsChunk(buffer)).toEqual({ docs, hashes });
    expect(buffer.byteLength).toBeLessThan(JSON.stringify(docs).length / 2);
  });

  it('keeps counts that are not quarter units exactly (as float32)', () => {
    const doc: RelatedDocJSON = {
      id: 'x',
      length: 12.3,
      terms: [0, 300, 70000],
      counts: [1.5, 0.1, 2 ** 20],
      neighbours: [1],
      neighbourSims: [65535],
      vector: [70000],
      weights: [123],
      staleNeighbours: 2,
    };
    const back = decodeDocsChunk(encodeDocsChunk({ docs: [doc], hashes: ['h'] })).docs[0];
    expect(back.counts).toEqual(Array.from(Float32Array.from(doc.counts)));
    expect({ ...back, counts: doc.counts }).toEqual(doc);
  });

  it('round-trips terms, including an empty list and non-Latin text', () => {
    for (const terms of [[], ['bóng đá', 'hà nội', 'covid 19', '日本']]) {
      expect(decodeTermsChunk(encodeTermsChunk(terms))).toEqual(terms);
    }
    expect(() => encodeTermsChunk(['a\nb'])).toThrow(/line break/);
  });

  it('refuses damaged bytes instead of decoding nonsense', () => {
    const { docs } = snapshot();
    const good = new Uint8Array(encodeDocsChunk({ docs, hashes: docs.map(() => 'h') }));
    // Every truncation is noticed.
    for (const cut of [0, 3, 4, 5, 40, good.length - 1]) expect(() => decodeDocsChunk(good.slice(0, cut).buffer)).toThrow();
    // A wrong magic, trailing bytes, a terms chunk where docs belong.
    const wrongMagic = good.slice();
    wrongMagic[0] ^= 1;
    expect(() => decodeDocsChunk(wrongMagic.buffer)).toThrow(/not a docs chunk/);
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(() => decodeDocsChunk(longer.buffer)).toThrow(/trailing/);
    expect(() => decodeDocsChunk(encodeTermsChunk(['a']))).toThrow();
    // An absurd article count is refused before anything is allocated for it.
    const w = new ByteWriter();
    w.u32(new DataView(good.buffer).getUint32(0, true));
    w.varint(2 ** 31);
    expect(() => decodeDocsChunk(w.finish())).toThrow(/impossible length/);
    const terms = new Uint8Array(encodeTermsChunk(['a', 'b']));
    terms[4] = 3; // header says three terms
    expect(() => decodeTermsChunk(terms.buffer)).toThrow(/header says 3/);
  });

  it('checksums notice a single changed byte anywhere', () => {
    const { docs } = snapshot();
    const bytes = new Uint8Array(encodeDocsChunk({ docs, hashes: docs.map(() => 'h') }));
    const sum = checksumOf(bytes.buffer);
    for (const at of [0, 1, bytes.length >> 1, bytes.length - 1]) {
      const copy = bytes.slice();
      copy[at] ^= 0x80;
      expect(checksumOf(copy.buffer)).not.toBe(sum);
    }
    expect(checksumOf(bytes.slice(0, bytes.length - 1).buffer)).not.toBe(sum);
  });

  it('reads back what the writer wrote, and varints only within 32 bits', () => {
    const w = new ByteWriter(1);
    w.varint(0);
    w.varint(127);
    w.varint(128);
    w.varint(2 ** 32 - 1);
    w.u16(65535);
    w.f64(Math.PI);
    w.string('Đà Nẵng');
    const r = new ByteReader(w.finish());
    expect([r.varint(), r.varint(), r.varint(), r.varint(), r.u16(), r.f64(), r.string()]).toEqual([0, 127, 128, 2 ** 32 - 1, 65535, Math.PI, 'Đà Nẵng']);
    expect(r.done).toBe(true);
    expect(() => w.varint(-1)).toThrow(RangeError);
    expect(() => w.varint(2 ** 32)).toThrow(RangeError);
  });
});
