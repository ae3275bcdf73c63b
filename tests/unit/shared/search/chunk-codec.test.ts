import { describe, expect, it } from 'vitest';
import { joinParts, splitParts } from '../../../../shared/search/chunk-codec';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/search/index';

describe('base64 chunk codec', () => {
  it('matches standard base64 for every padding length', () => {
    for (let n = 0; n < 12; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 0xff);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
  });

  it('tolerates line breaks and rejects junk', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const wrapped = bytesToBase64(bytes).replace(/(.{76})/g, '$1\n');
    expect(Array.from(base64ToBytes(wrapped))).toEqual(Array.from(bytes));
    expect(() => base64ToBytes('ab$d')).toThrow();
  });

  it('splits into parts that each own their bytes, so storing one never stores the whole buffer', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    const parts = splitParts(bytes, 300);
    expect(parts.map((p) => p.length)).toEqual([300, 300, 300, 100]);
    for (const p of parts) {
      // What structured clone (an IndexedDB put) copies is the view's buffer, not just the view.
      expect(structuredClone(p).buffer.byteLength).toBe(p.length);
    }
    expect(Array.from(new Uint8Array(joinParts(parts, 1000)))).toEqual(Array.from(bytes));
    // A view into a larger buffer is copied even when it fits in one part.
    const view = new Uint8Array(4096).subarray(10, 20);
    expect(splitParts(view, 300)[0].buffer.byteLength).toBe(10);
  });
});
