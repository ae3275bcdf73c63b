import type { HttpResponse } from './httpTransport';

/** Why a body could not be read in full; the fetcher maps these to FetchError codes. */
export class BodyReadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'truncated',
    message: string,
    readonly bytesRead: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Reads a response body into memory, stopping as soon as it passes `maxBytes` (so a hostile or broken
 * server cannot fill memory; bytes are counted after decompression, so a small compressed bomb is
 * stopped too), and verifying that an identity-encoded body matches its Content-Length — portals that
 * drop connections mid-body otherwise hand us half an article that looks complete.
 */
export async function readBody(res: HttpResponse, maxBytes: number): Promise<Uint8Array> {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  // A compressed body's Content-Length counts the compressed bytes, not the decoded ones we read.
  const declared = !encoding || encoding === 'identity' ? parseLength(res.headers['content-length']) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    res.discard();
    throw new BodyReadError('too-large', `declared size ${declared} bytes exceeds the ${maxBytes}-byte limit`, 0);
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        res.discard();
        throw new BodyReadError('too-large', `body exceeds the ${maxBytes}-byte limit`, total);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof BodyReadError) throw e;
    res.discard();
    const code = (e as { code?: unknown })?.code;
    // A corrupt compressed body is reported as such, though retried like a cut one: a proxy or a load
    // balancer mangling one response is as passing as a dropped connection.
    const message = typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR__)/.test(code)
      ? `the body could not be decompressed after ${total} bytes (${code})`
      : `connection closed after ${total} bytes of the body`;
    throw new BodyReadError('truncated', message, total, { cause: e });
  }
  if (declared !== undefined && total !== declared) {
    throw new BodyReadError('truncated', `body has ${total} bytes but Content-Length said ${declared}`, total);
  }
  return concat(chunks, total);
}

function parseLength(v: string | undefined): number | undefined {
  if (v == null || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v);
}

/**
 * One Uint8Array that owns its whole buffer. Node streams hand out Buffers that are views into larger
 * pooled memory; returned as is, a structured clone (to a worker, over IPC) would copy the whole pool
 * and `.buffer` would expose bytes of other responses.
 */
function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const only = chunks.length === 1 ? chunks[0] : undefined;
  if (only && only.constructor === Uint8Array && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
