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
 * Reads a fetch Response body into memory, stopping as soon as it passes
 * `maxBytes` (so a hostile or broken server cannot fill memory), and verifying
 * that an identity-encoded body matches its Content-Length — portals that drop
 * connections mid-body otherwise hand us half an article that looks complete.
 */
export async function readBody(res: Response, maxBytes: number): Promise<Uint8Array> {
  const encoding = res.headers.get('content-encoding')?.trim().toLowerCase();
  // After transparent decompression Content-Length describes the compressed bytes, not what we read.
  const declared = !encoding || encoding === 'identity' ? parseLength(res.headers.get('content-length')) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new BodyReadError('too-large', `declared size ${declared} bytes exceeds the ${maxBytes}-byte limit`, 0);
  }
  if (!res.body) return new Uint8Array(0);

  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new BodyReadError('too-large', `body exceeds the ${maxBytes}-byte limit`, total);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof BodyReadError) throw e;
    throw new BodyReadError('truncated', `connection closed after ${total} bytes of the body`, total, { cause: e });
  } finally {
    reader.releaseLock();
  }
  if (declared !== undefined && total !== declared) {
    throw new BodyReadError('truncated', `body has ${total} bytes but Content-Length said ${declared}`, total);
  }
  return concat(chunks, total);
}

function parseLength(v: string | null): number | undefined {
  if (v == null || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
