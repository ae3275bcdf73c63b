import type { RelatedDocJSON } from './types';

/**
 * Compact binary form of a serialised related index, for persistence. JSON spent most of a
 * save or load turning millions of small integers into text and back (213 MB, 35–62 s at
 * 100k articles); here term and neighbour numbers are LEB128 varints (terms are numbered in
 * order of first use, so common ones are one or two bytes), quantised weights are fixed
 * 16-bit, and the weighted counts are quarter-units in a varint whenever that is exact
 * (always, for the default title/lead weights), else float32. Nothing is lost: decoding
 * gives back exactly the `RelatedDocJSON` that was encoded.
 *
 * A reader never trusts the bytes: any overrun, bad magic or impossible length throws, and
 * the caller treats the stored index as damaged.
 */

const DOCS_MAGIC = 0x41524431; // "ARD1"
const TERMS_MAGIC = 0x41525431; // "ART1"
const COUNTS_QUARTERS = 0;
const COUNTS_FLOAT32 = 1;
/** Longest string (id, hash, term) a chunk may declare; anything longer is damage. */
const MAX_STRING_BYTES = 1 << 20;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private bytes: Uint8Array;
  private view: DataView;
  private at = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  private ensure(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + extra) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  u8(x: number): void {
    this.ensure(1);
    this.bytes[this.at++] = x;
  }

  u16(x: number): void {
    this.ensure(2);
    this.view.setUint16(this.at, x, true);
    this.at += 2;
  }

  u32(x: number): void {
    this.ensure(4);
    this.view.setUint32(this.at, x, true);
    this.at += 4;
  }

  f32(x: number): void {
    this.ensure(4);
    this.view.setFloat32(this.at, x, true);
    this.at += 4;
  }

  f64(x: number): void {
    this.ensure(8);
    this.view.setFloat64(this.at, x, true);
    this.at += 8;
  }

  /** Unsigned integer below 2^32 as LEB128. */
  varint(x: number): void {
    if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) throw new RangeError(`varint out of range: ${x}`);
    this.ensure(5);
    while (x >= 0x80) {
      this.bytes[this.at++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.bytes[this.at++] = x;
  }

  string(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.ensure(5 + s.length * 3);
    const start = this.at;
    this.at += 5; // length slot, rewritten below once the byte count is known
    const { written } = encoder.encodeInto(s, this.bytes.subarray(this.at));
    const body = this.bytes.slice(this.at, this.at + written);
    this.at = start;
    this.varint(written);
    this.bytes.set(body, this.at);
    this.at += written;
  }

  /** A standalone copy of what was written. */
  finish(): ArrayBuffer {
    return this.bytes.slice(0, this.at).buffer;
  }
}

export class ByteReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(buffer: ArrayBuffer) {
    this.bytes = new Uint8Array(buffer);
    this.view = new DataView(buffer);
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }

  get position(): number {
    return this.at;
  }

  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new RangeError('related snapshot chunk is truncated');
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.at++];
  }

  u16(): number {
    this.need(2);
    const x = this.view.getUint16(this.at, true);
    this.at += 2;
    return x;
  }

  u32(): number {
    this.need(4);
    const x = this.view.getUint32(this.at, true);
    this.at += 4;
    return x;
  }

  f32(): number {
    this.need(4);
    const x = this.view.getFloat32(this.at, true);
    this.at += 4;
    return x;
  }

  f64(): number {
    this.need(8);
    const x = this.view.getFloat64(this.at, true);
    this.at += 8;
    return x;
  }

  varint(): number {
    let x = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.u8();
      x += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return x;
    }
    throw new RangeError('related snapshot chunk: varint too long');
  }

  /** A count of items each at least `minBytes` long: refuses counts the rest cannot hold. */
  count(minBytes: number): number {
    const n = this.varint();
    if (n * minBytes > this.bytes.length - this.at) throw new RangeError('related snapshot chunk: impossible length');
    return n;
  }

  string(): string {
    const n = this.varint();
    if (n > MAX_STRING_BYTES) throw new RangeError('related snapshot chunk: string too long');
    this.need(n);
    const s = decoder.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }
}

/** The articles of one chunk with the content hash each had when indexed. */
export interface DocsChunkData {
  docs: RelatedDocJSON[];
  hashes: string[];
}

export function encodeDocsChunk({ docs, hashes }: DocsChunkData): ArrayBuffer {
  const w = new ByteWriter(1024 + docs.length * 1024);
  w.u32(DOCS_MAGIC);
  w.varint(docs.length);
  docs.forEach((d, i) => {
    w.string(d.id);
    w.string(hashes[i] ?? '');
    w.f64(d.length);
    w.varint(d.staleNeighbours);
    w.varint(d.terms.length);
    for (const t of d.terms) w.varint(t);
    const quarters = d.counts.every((c) => Number.isInteger(c * 4) && c >= 0 && c * 4 < 2 ** 32);
    w.u8(quarters ? COUNTS_QUARTERS : COUNTS_FLOAT32);
    for (const c of d.counts) {
      if (quarters) w.varint(c * 4);
      else w.f32(c);
    }
    w.varint(d.neighbours.length);
    for (const n of d.neighbours) w.varint(n);
    for (const s of d.neighbourSims) w.u16(s);
    w.varint(d.vector.length);
    for (const t of d.vector) w.varint(t);
    for (const x of d.weights) w.u16(x);
  });
  return w.finish();
}

export function decodeDocsChunk(buffer: ArrayBuffer): DocsChunkData {
  const r = new ByteReader(buffer);
  if (r.u32() !== DOCS_MAGIC) throw new Error('related snapshot chunk: not a docs chunk');
  const count = r.count(12);
  const docs: RelatedDocJSON[] = [];
  const hashes: string[] = [];
  for (let k = 0; k < count; k++) {
    const id = r.string();
    hashes.push(r.string());
    const length = r.f64();
    const staleNeighbours = r.varint();
    const nTerms = r.count(1);
    const terms = new Array<number>(nTerms);
    for (let i = 0; i < nTerms; i++) terms[i] = r.varint();
    const mode = r.u8();
    if (mode !== COUNTS_QUARTERS && mode !== COUNTS_FLOAT32) throw new Error('related snapshot chunk: unknown counts encoding');
    const counts = new Array<number>(nTerms);
    for (let i = 0; i < nTerms; i++) counts[i] = mode === COUNTS_QUARTERS ? r.varint() / 4 : r.f32();
    const nNeighbours = r.count(3);
    const neighbours = new Array<number>(nNeighbours);
    for (let i = 0; i < nNeighbours; i++) neighbours[i] = r.varint();
    const neighbourSims = new Array<number>(nNeighbours);
    for (let i = 0; i < nNeighbours; i++) neighbourSims[i] = r.u16();
    const nVector = r.count(3);
    const vector = new Array<number>(nVector);
    for (let i = 0; i < nVector; i++) vector[i] = r.varint();
    const weights = new Array<number>(nVector);
    for (let i = 0; i < nVector; i++) weights[i] = r.u16();
    docs.push({ id, length, terms, counts, neighbours, neighbourSims, vector, weights, staleNeighbours });
  }
  if (!r.done) throw new Error('related snapshot chunk: trailing bytes');
  return { docs, hashes };
}

/** Terms as newline-separated UTF-8 (a term is syllables and spaces, never a line break). */
export function encodeTermsChunk(terms: readonly string[]): ArrayBuffer {
  for (const t of terms) if (t.includes('\n')) throw new Error(`related snapshot: term with a line break: ${JSON.stringify(t)}`);
  const body = encoder.encode(terms.join('\n'));
  const w = new ByteWriter(16);
  w.u32(TERMS_MAGIC);
  w.varint(terms.length);
  const header = new Uint8Array(w.finish());
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out.buffer;
}

export function decodeTermsChunk(buffer: ArrayBuffer): string[] {
  const r = new ByteReader(buffer);
  if (r.u32() !== TERMS_MAGIC) throw new Error('related snapshot chunk: not a terms chunk');
  const count = r.varint();
  const text = decoder.decode(new Uint8Array(buffer, r.position));
  const terms = count === 0 && text === '' ? [] : text.split('\n');
  if (terms.length !== count) throw new Error(`related snapshot chunk: ${terms.length} terms, header says ${count}`);
  return terms;
}

/**
 * 32-bit FNV-1a over the bytes, four at a time: stored beside each chunk so damage that still
 * decodes (a flipped weight) is noticed too. Not cryptographic.
 */
export function checksumOf(buffer: ArrayBuffer): number {
  const words = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
  let h = 0x811c9dc5 ^ buffer.byteLength;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
  const tail = new Uint8Array(buffer, words.length * 4);
  for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], 16777619);
  return h >>> 0;
}
