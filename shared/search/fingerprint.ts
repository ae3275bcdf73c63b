/**
 * Order-independent fingerprint of a document set: the count plus two 32-bit sums of
 * per-document hashes of (id, contentHash). Sums rather than a running hash so adding or
 * removing one document updates it in O(1), and the store side can compute the same value
 * from its rows in any order.
 */

export function docHashes(id: string, contentHash = ''): [number, number] {
  const s = `${id}\u0000${contentHash}`;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

export class FingerprintAccumulator {
  count = 0;
  a = 0;
  b = 0;

  add(ha: number, hb: number): void {
    this.count++;
    this.a = (this.a + ha) >>> 0;
    this.b = (this.b + hb) >>> 0;
  }

  remove(ha: number, hb: number): void {
    this.count--;
    this.a = (this.a - ha) >>> 0;
    this.b = (this.b - hb) >>> 0;
  }

  toString(): string {
    return `${this.count}:${this.a.toString(16).padStart(8, '0')}${this.b.toString(16).padStart(8, '0')}`;
  }
}

/** The fingerprint a `SearchEngine` holding exactly these documents reports. */
export function fingerprintOf(entries: Iterable<{ id: string; contentHash?: string }>): string {
  const acc = new FingerprintAccumulator();
  for (const e of entries) {
    const [a, b] = docHashes(e.id, e.contentHash);
    acc.add(a, b);
  }
  return acc.toString();
}
