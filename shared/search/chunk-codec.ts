/**
 * Binary layout helpers for persisted index chunks. Typed arrays are laid out 8-byte aligned
 * in one buffer so that loading is a copy plus views, with no per-posting parsing.
 */

export type ArrayKind = 'u8' | 'u32' | 'f64';
export type PackedArray = Uint8Array | Uint32Array | Float64Array;

export interface ArrayLayout {
  kind: ArrayKind;
  byteOffset: number;
  length: number;
}

/** Parts stay well under what IndexedDB and structured clone handle comfortably. */
export const PART_BYTES = 8 * 1024 * 1024;

function kindOf(a: PackedArray): ArrayKind {
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Uint32Array) return 'u32';
  return 'u8';
}

export function packArrays(arrays: readonly PackedArray[]): { bytes: Uint8Array; layout: ArrayLayout[] } {
  const layout: ArrayLayout[] = [];
  let size = 0;
  for (const a of arrays) {
    size = (size + 7) & ~7;
    layout.push({ kind: kindOf(a), byteOffset: size, length: a.length });
    size += a.byteLength;
  }
  const bytes = new Uint8Array(size);
  arrays.forEach((a, i) => bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[i].byteOffset));
  return { bytes, layout };
}

export function unpackArrays(buffer: ArrayBuffer, layout: readonly ArrayLayout[]): PackedArray[] {
  return layout.map((l) => {
    if (l.kind === 'f64') return new Float64Array(buffer, l.byteOffset, l.length);
    if (l.kind === 'u32') return new Uint32Array(buffer, l.byteOffset, l.length);
    return new Uint8Array(buffer, l.byteOffset, l.length);
  });
}

export function splitParts(bytes: Uint8Array, size = PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
  if (parts.length === 0) parts.push(new Uint8Array(0));
  return parts;
}

export function joinParts(parts: readonly Uint8Array[], total: number): ArrayBuffer {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  if (at !== total) throw new Error(`index chunk parts hold ${at} bytes, expected ${total}`);
  return out.buffer;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** For callers that must store text (e.g. a JSON column); binary is smaller and faster. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += B64[(n >>> 18) & 63] + B64[(n >>> 12) & 63] +
      (i + 1 < bytes.length ? B64[(n >>> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charCodeAt(i)];
    if (v < 0) throw new Error('invalid base64');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

export function toBytes(data: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof data === 'string') return base64ToBytes(data);
  if (data instanceof Uint8Array) return data;
  return new Uint8Array(data);
}
