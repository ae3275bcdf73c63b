import { describe, expect, it } from 'vitest';
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
});
