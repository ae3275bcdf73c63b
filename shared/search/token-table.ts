/**
 * Token → packed term id, looked up straight from a span of the field text. Slicing every
 * token into a new string and hashing it again in a Map was the largest cost of indexing;
 * here the hash is computed while scanning and only unseen tokens are sliced.
 */
export class TokenTable {
  private values: Int32Array;
  private hashes: Int32Array;
  private strings: string[];
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 15) {
    this.values = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.strings = new Array<string>(capacity);
    this.mask = capacity - 1;
  }

  /** The value stored for `text.slice(start, end)` (whose FNV-1a hash is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    let i = hash & this.mask;
    for (;;) {
      const v = this.values[i];
      if (v === -1) return -1;
      if (this.hashes[i] === hash) {
        const s = this.strings[i];
        if (s.length === len) {
          let k = 0;
          while (k < len && s.charCodeAt(k) === text.charCodeAt(start + k)) k++;
          if (k === len) return v;
        }
      }
      i = (i + 1) & this.mask;
    }
  }

  insert(token: string, hash: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    let i = hash & this.mask;
    while (this.values[i] !== -1) i = (i + 1) & this.mask;
    this.values[i] = value;
    this.hashes[i] = hash;
    this.strings[i] = token;
    this.size++;
  }

  clear(): void {
    this.values.fill(-1);
    this.strings = new Array<string>(this.values.length);
    this.size = 0;
  }

  private grow(): void {
    const { values, hashes, strings } = this;
    const cap = values.length * 2;
    this.values = new Int32Array(cap).fill(-1);
    this.hashes = new Int32Array(cap);
    this.strings = new Array<string>(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== -1) this.insert(strings[i], hashes[i], values[i]);
  }
}

/** FNV-1a over UTF-16 code units, as computed incrementally by the indexing scanner. */
export function tokenHash(token: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h;
}
