import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../../../../shared/api/wireCodec';

describe('wireCodec', () => {
  it('base64 matches Node for every tail length', () => {
    for (let len = 0; len < 50; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 37 + len) & 255);
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
    }
  });

  it('round-trips nested byte arrays through JSON', () => {
    const value = { id: 1, images: [{ url: 'http://x/a.png', bytes: new Uint8Array([137, 80, 78, 71, 0, 255]) }], text: 'dân vận' };
    const back = decodeWire<typeof value>(encodeWire(value));
    expect(back.images[0].bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.images[0].bytes)).toEqual([137, 80, 78, 71, 0, 255]);
    expect(back.text).toBe('dân vận');
  });
});
