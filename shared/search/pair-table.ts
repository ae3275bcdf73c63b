/**
 * Scratch hash map from a pair of non-negative int32s to a summed weight, reused per document.
 * A Map keyed by `a * 2^26 + b` boxes every key as a heap number; at 100,000 articles that
 * allocation was the largest share of indexing time.
 */
export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Float64Array;
  private used: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 4096) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Float64Array(cap);
    this.used = new Int32Array(cap);
    this.mask = cap - 1;
  }

  add(a: number, b: number, w: number): void {
    if ((this.size + 1) * 2 > this.keysA.length) this.grow();
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    const { keysA, keysB } = this;
    for (;;) {
      const k = keysA[i];
      if (k === -1) {
        keysA[i] = a;
        keysB[i] = b;
        this.values[i] = w;
        this.used[this.size++] = i;
        return;
      }
      if (k === a && keysB[i] === b) {
        this.values[i] += w;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  get(a: number, b: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    for (;;) {
      const k = this.keysA[i];
      if (k === -1) return 0;
      if (k === a && this.keysB[i] === b) return this.values[i];
      i = (i + 1) & this.mask;
    }
  }

  /** Calls `fn` for every entry in insertion order. */
  forEach(fn: (a: number, b: number, w: number) => void): void {
    for (let j = 0; j < this.size; j++) {
      const i = this.used[j];
      fn(this.keysA[i], this.keysB[i], this.values[i]);
    }
  }

  clear(): void {
    for (let j = 0; j < this.size; j++) this.keysA[this.used[j]] = -1;
    this.size = 0;
  }

  private grow(): void {
    const old = { a: this.keysA, b: this.keysB, v: this.values, used: this.used, size: this.size };
    const cap = this.keysA.length * 2;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Float64Array(cap);
    this.used = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let j = 0; j < old.size; j++) {
      const i = old.used[j];
      this.add(old.a[i], old.b[i], old.v[i]);
    }
  }
}
