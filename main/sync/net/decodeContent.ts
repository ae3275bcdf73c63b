import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/** What `decodeContent` can undo; sent as Accept-Encoding so a server never picks a coding we cannot read. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The same bound fetch (and curl) put on stacked codings, against a response that nests decoders without end. */
const MAX_CODINGS = 5;

/**
 * The body with its Content-Encoding undone, as WHATWG fetch does it: codings applied in order are undone
 * in reverse; an unknown coding (or `identity`) leaves the bytes as they came. Decoders flush leniently
 * (Z_SYNC_FLUSH), as fetch and curl do, so a gzip stream missing its trailer still yields its text.
 * Destroying the returned stream destroys `body` too, which releases the connection.
 */
export function decodeContent(body: Readable, contentEncoding: string | undefined): Readable {
  const codings = contentEncoding ? contentEncoding.toLowerCase().split(',') : [];
  if (codings.length > MAX_CODINGS) {
    throw new Error(`too many content-encodings in response: ${codings.length}, at most ${MAX_CODINGS} are accepted`);
  }
  const makers: Array<() => Transform> = [];
  for (const coding of codings.reverse()) {
    const make = DECODERS.get(coding.trim());
    if (!make) return body;
    makers.push(make);
  }
  if (makers.length === 0) return body;
  const decoders = makers.map((make) => make());
  // Errors reach the reader through the last stream; the callback only keeps them from being unhandled.
  return pipeline([body, ...decoders], () => {}) as unknown as Readable;
}

const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

const DECODERS = new Map<string, () => Transform>([
  ['gzip', () => zlib.createGunzip(LENIENT)],
  ['x-gzip', () => zlib.createGunzip(LENIENT)],
  ['deflate', () => new InflateEither(LENIENT)],
  [
    'br',
    () =>
      zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      }),
  ],
]);

/**
 * "deflate" should be zlib-wrapped, but some servers send raw deflate; like fetch (and browsers), tell
 * them apart by the first byte (a zlib header's low nibble is 8, the deflate method).
 */
class InflateEither extends Transform {
  private inflate?: zlib.Inflate | zlib.InflateRaw;

  constructor(private readonly zlibOptions: zlib.ZlibOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inflate) {
      if (chunk.length === 0) return callback();
      const inflate = (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(this.zlibOptions) : zlib.createInflateRaw(this.zlibOptions);
      // Pausing on a full buffer keeps zlib's own backpressure, so a small deflate bomb cannot expand
      // past what the reader has asked for before the size cap stops it.
      inflate.on('data', (out: Buffer) => {
        if (!this.push(out)) inflate.pause();
      });
      inflate.on('end', () => this.push(null));
      inflate.on('error', (err) => this.destroy(err));
      this.inflate = inflate;
    }
    this.inflate.write(chunk, callback);
  }

  override _read(size: number): void {
    this.inflate?.resume();
    super._read(size);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.inflate) {
      this.push(null);
      return callback();
    }
    this.inflate.end();
    callback();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.inflate?.destroy();
    callback(err);
  }
}
