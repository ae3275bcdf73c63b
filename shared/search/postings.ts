/**
 * Compressed posting lists. A `PostingList` holds, for each key (a term id, or a pair of term
 * ids for adjacent-syllable postings), the documents that contain it in ascending order:
 *
 *   pair posting:  varint doc gap, weight byte
 *   term posting:  varint doc gap, weight byte, varint form mask, [form weight bytes]
 *
 * The weight is the quantised field-weighted term frequency of the folded term. The form mask
 * says which written forms (tones/marks) of the folded term the document uses; when it uses
 * more than one, one weight byte per form follows (ascending bit order), so a query typed with
 * marks is scored on the frequency of its own form (`độ`), not of `đó` + `độ` + `do`.
 * About 3 bytes a posting instead of 9–10 as flat typed arrays.
 */

export interface PostingList {
  /** Sorted keys; doubles so a pair of 26-bit term ids fits exactly. */
  keys: Float64Array;
  /** Byte offset of each key's postings in `data`; `offsets[keys.length]` = data length. */
  offsets: Uint32Array;
  /** Postings per key (dead documents included until a merge drops them). */
  counts: Uint32Array;
  data: Uint8Array;
}

/** Term ids must stay below this for pair keys `a * PAIR + b` to be exact in a double. */
export const PAIR = 2 ** 26;

export function emptyPostingList(): PostingList {
  return { keys: new Float64Array(0), offsets: new Uint32Array(1), counts: new Uint32Array(0), data: new Uint8Array(0) };
}

/** Index of `key` in the sorted array, or -1. */
export function findKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export class ByteWriter {
  buf: Uint8Array;
  len = 0;

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  private grow(min: number): void {
    let cap = this.buf.length * 2;
    while (cap < min) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.len + 1 > this.buf.length) this.grow(this.len + 1);
    this.buf[this.len++] = b;
  }

  varint(v: number): void {
    if (this.len + 5 > this.buf.length) this.grow(this.len + 5);
    const buf = this.buf;
    let n = v >>> 0;
    while (n >= 0x80) {
      buf[this.len++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[this.len++] = n;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Growable columns of postings in arrival order (ascending doc), before sealing. */
export class PostingBuffer {
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  docs = new Uint32Array(1024);
  weights = new Uint8Array(1024);
  masks = new Uint32Array(1024);
  /** Per-form weight bytes of multi-form postings, and where each posting's start. */
  extra = new Uint8Array(1024);
  extraAt = new Uint32Array(1024);
  extraLength = 0;
  length = 0;

  constructor(readonly withMask: boolean, readonly paired: boolean) {}

  push(hi: number, lo: number, doc: number, weight: number, mask: number, formWeights?: readonly number[]): void {
    if (this.length === this.docs.length) this.grow();
    const i = this.length++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.docs[i] = doc;
    this.weights[i] = weight;
    this.masks[i] = mask;
    if (this.withMask) {
      this.extraAt[i] = this.extraLength;
      if (formWeights && formWeights.length > 1) {
        if (this.extraLength + formWeights.length > this.extra.length) {
          const e = new Uint8Array(Math.max(this.extra.length * 2, this.extraLength + formWeights.length));
          e.set(this.extra.subarray(0, this.extraLength));
          this.extra = e;
        }
        for (const fw of formWeights) this.extra[this.extraLength++] = fw;
      }
    }
  }

  private grow(): void {
    const cap = this.docs.length * 2;
    const g32 = (a: Uint32Array) => {
      const b = new Uint32Array(cap);
      b.set(a);
      return b;
    };
    this.hi = g32(this.hi);
    if (this.paired) this.lo = g32(this.lo);
    this.docs = g32(this.docs);
    if (this.withMask) {
      this.masks = g32(this.masks);
      this.extraAt = g32(this.extraAt);
    }
    const w = new Uint8Array(cap);
    w.set(this.weights);
    this.weights = w;
  }

  clear(): void {
    this.length = 0;
    this.extraLength = 0;
    if (this.docs.length > 1 << 22) {
      this.hi = new Uint32Array(1024);
      this.lo = new Uint32Array(1024);
      this.docs = new Uint32Array(1024);
      this.weights = new Uint8Array(1024);
      this.masks = new Uint32Array(1024);
      this.extraAt = new Uint32Array(1024);
      this.extra = new Uint8Array(1024);
    }
  }

  /**
   * Seals the buffer into a posting list. Stable counting sorts on the (dense) term ids keep
   * each key's documents in arrival order, so no comparison sort is needed.
   */
  seal(termCount: number): PostingList {
    const n = this.length;
    const paired = this.paired;
    const withMask = this.withMask;
    let cols: Columns = {
      hi: this.hi.subarray(0, n), lo: paired ? this.lo.subarray(0, n) : this.lo, docs: this.docs.subarray(0, n),
      weights: this.weights.subarray(0, n), masks: withMask ? this.masks.subarray(0, n) : this.masks,
      extraAt: withMask ? this.extraAt.subarray(0, n) : this.extraAt,
    };
    if (paired) cols = scatter(cols, cols.lo, termCount, paired, withMask);
    cols = scatter(cols, cols.hi, termCount, paired, withMask);
    const { hi, lo, docs, weights, masks, extraAt } = cols;
    const extra = this.extra;
    // Upper bound: 5-byte gap + weight + 5-byte mask per posting, plus every per-form byte.
    const out = new Uint8Array(n * (withMask ? 11 : 6) + (withMask ? this.extraLength : 0));
    let keyCount = 0;
    for (let i = 0, last = -1; i < n; i++) {
      const key = paired ? hi[i] * PAIR + lo[i] : hi[i];
      if (key !== last) {
        keyCount++;
        last = key;
      }
    }
    const keys = new Float64Array(keyCount);
    const offsets = new Uint32Array(keyCount + 1);
    const counts = new Uint32Array(keyCount);
    let len = 0;
    let k = -1;
    let lastKey = -1;
    let lastDoc = 0;
    for (let i = 0; i < n; i++) {
      const key = paired ? hi[i] * PAIR + lo[i] : hi[i];
      if (key !== lastKey) {
        k++;
        keys[k] = key;
        offsets[k] = len;
        lastKey = key;
        lastDoc = 0;
      }
      counts[k]++;
      const doc = docs[i];
      let v = doc - lastDoc;
      lastDoc = doc;
      while (v >= 0x80) {
        out[len++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[len++] = v;
      out[len++] = weights[i];
      if (withMask) {
        const mask = masks[i];
        let m = mask;
        while (m >= 0x80) {
          out[len++] = (m & 0x7f) | 0x80;
          m >>>= 7;
        }
        out[len++] = m;
        if (mask & (mask - 1)) {
          const c = popcount(mask);
          for (let e = extraAt[i], end = e + c; e < end; e++) out[len++] = extra[e];
        }
      }
    }
    offsets[keyCount] = len;
    return { keys, offsets, counts, data: out.slice(0, len) };
  }
}

interface Columns {
  hi: Uint32Array;
  lo: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
  masks: Uint32Array;
  extraAt: Uint32Array;
}

/**
 * Stable counting sort of all columns by `key`. Scattering the columns (reading in arrival
 * order, writing to one stream per key) stays in cache; gathering through a permutation did
 * not, and cost three times as much.
 */
function scatter(c: Columns, key: Uint32Array, range: number, paired: boolean, withMask: boolean): Columns {
  const n = key.length;
  const start = new Uint32Array(range + 1);
  for (let i = 0; i < n; i++) start[key[i] + 1]++;
  for (let k = 1; k <= range; k++) start[k] += start[k - 1];
  const out: Columns = {
    hi: new Uint32Array(n), lo: paired ? new Uint32Array(n) : c.lo, docs: new Uint32Array(n), weights: new Uint8Array(n),
    masks: withMask ? new Uint32Array(n) : c.masks, extraAt: withMask ? new Uint32Array(n) : c.extraAt,
  };
  const { hi, lo, docs, weights, masks, extraAt } = c;
  const oHi = out.hi;
  const oLo = out.lo;
  const oDocs = out.docs;
  const oWeights = out.weights;
  const oMasks = out.masks;
  const oExtra = out.extraAt;
  for (let i = 0; i < n; i++) {
    const d = start[key[i]]++;
    oHi[d] = hi[i];
    oDocs[d] = docs[i];
    oWeights[d] = weights[i];
    if (paired) oLo[d] = lo[i];
    if (withMask) {
      oMasks[d] = masks[i];
      oExtra[d] = extraAt[i];
    }
  }
  return out;
}

export function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Merges lists whose documents are disjoint and ascending list by list (older segments first),
 * dropping documents that are no longer alive and optionally renumbering the survivors.
 */
export function mergePostingLists(
  lists: readonly PostingList[],
  withMask: boolean,
  alive: Uint8Array,
  remap: Int32Array | null,
): PostingList {
  const keys: number[] = [];
  const offsets: number[] = [];
  const counts: number[] = [];
  const total = lists.reduce((s, l) => s + l.data.length, 0);
  const w = new ByteWriter(Math.max(1024, total));
  const pos = new Array<number>(lists.length).fill(0);
  for (;;) {
    let key = Infinity;
    for (let s = 0; s < lists.length; s++) {
      const l = lists[s];
      if (pos[s] < l.keys.length && l.keys[pos[s]] < key) key = l.keys[pos[s]];
    }
    if (key === Infinity) break;
    const mark = w.len;
    let count = 0;
    let lastDoc = 0;
    for (let s = 0; s < lists.length; s++) {
      const l = lists[s];
      const k = pos[s];
      if (k >= l.keys.length || l.keys[k] !== key) continue;
      pos[s]++;
      const data = l.data;
      const end = l.offsets[k + 1];
      let p = l.offsets[k];
      let doc = 0;
      while (p < end) {
        let b = data[p++];
        let gap = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = data[p++];
          gap |= (b & 0x7f) << shift;
        }
        doc += gap;
        const weight = data[p++];
        let mask = 0;
        let extraAt = p;
        let extraCount = 0;
        if (withMask) {
          b = data[p++];
          mask = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            mask |= (b & 0x7f) << shift;
          }
          mask >>>= 0;
          extraAt = p;
          extraCount = popcount(mask);
          if (extraCount > 1) p += extraCount;
        }
        if (!alive[doc]) continue;
        const out = remap ? remap[doc] : doc;
        w.varint(out - lastDoc);
        lastDoc = out;
        w.byte(weight);
        if (withMask) {
          w.varint(mask);
          if (extraCount > 1) for (let e = 0; e < extraCount; e++) w.byte(data[extraAt + e]);
        }
        count++;
      }
    }
    if (count > 0) {
      keys.push(key);
      offsets.push(mark);
      counts.push(count);
    } else {
      w.len = mark;
    }
  }
  offsets.push(w.len);
  return { keys: Float64Array.from(keys), offsets: Uint32Array.from(offsets), counts: Uint32Array.from(counts), data: w.finish() };
}
