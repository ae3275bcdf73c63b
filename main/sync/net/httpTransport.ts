import type { Readable } from 'node:stream';
import type * as Undici from 'undici';
import { abortable } from './abortable';
import { ACCEPT_ENCODING, decodeContent } from './decodeContent';

/** One response as the fetcher handles it, whichever client made the request. */
export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ', '. Content-Encoding and Content-Length as sent. */
  headers: Record<string, string>;
  /** The body with any Content-Encoding already undone. Iterate it at most once. */
  body: AsyncIterable<Uint8Array>;
  /**
   * Lets go of a body that will not be (fully) read. Without it the connection stays busy with unread
   * bytes and later requests to the host queue behind it.
   */
  discard(): void;
}

export interface HttpRequestInit {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** An undici Dispatcher (Agent, ProxyAgent); opaque here. */
  dispatcher?: unknown;
}

/** A GET that does not follow redirects. Rejects only when no response arrived. */
export type HttpRequest = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

type FetchWithDispatcher = (url: string, init: RequestInit & { dispatcher?: unknown }) => Promise<Response>;

/** Bytes an unwanted body (redirect, 304, error page) may still be read so its connection can be reused. */
const DISCARD_READ_LIMIT = 64 * 1024;

/** How long `closeAgent` lets running requests finish. */
const CLOSE_GRACE_MS = 2000;

let undiciModule: Promise<typeof Undici> | undefined;

/**
 * undici, loaded on the first request rather than at startup: requiring it costs tens of milliseconds
 * the app's first window should not wait for. A failed load is not remembered.
 */
export function loadUndici(): Promise<typeof Undici> {
  const p = (undiciModule ??= import('undici'));
  p.catch(() => {
    if (undiciModule === p) undiciModule = undefined;
  });
  return p;
}

/**
 * Closes a connection pool, waiting a short while for requests still running (a discarded body being
 * read off) before cutting them: a hung connection must not hold up quitting the app.
 */
export async function closeAgent(agent: Undici.Dispatcher, graceMs = CLOSE_GRACE_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  try {
    if ((await Promise.race([agent.close(), late])) === 'late') await agent.destroy();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The app's client: undici's `request`, which hands back a Node stream. It skips the WHATWG layer
 * (web streams, a Request and its signals per call) that made fetch the main thread's largest cost in a sync.
 * Unlike fetch it neither advertises nor undoes compression, so both are done here.
 */
export function undiciRequest(undici: typeof Undici): HttpRequest {
  return async (url, { headers, signal, dispatcher }) => {
    const pending = undici.request(url, {
      method: 'GET',
      headers: { ...headers, 'accept-encoding': ACCEPT_ENCODING },
      signal,
      ...(dispatcher !== undefined ? { dispatcher: dispatcher as Undici.Dispatcher } : {}),
    });
    // undici acts on an abort only once the request has a connection: one still connecting (a host that
    // drops SYNs) or queued behind a busy one would hold a cancel or a connect timeout until undici's own
    // connect timeout. fetch settles at once; so does this, and a response that turns up later is let go.
    const res = await abortable(pending, signal, (late) => late.body.on('error', noop).destroy());
    const raw = res.body;
    // A body destroyed while nobody iterates it (discarded, aborted, its connection reset) emits 'error'
    // (UND_ERR_ABORTED); with no listener that crashes the process. A reader still gets errors by iterating.
    raw.on('error', noop);
    const flat = flattenHeaders(res.headers);
    let body: Readable = raw;
    // Only a body that will be read is worth decoding: redirects, 304s and error pages are discarded.
    if (res.statusCode >= 200 && res.statusCode < 300 && res.statusCode !== 204 && res.statusCode !== 205) {
      try {
        body = decodeContent(raw, flat['content-encoding']);
      } catch (e) {
        raw.destroy();
        throw e;
      }
    }
    return {
      status: res.statusCode,
      headers: flat,
      body,
      discard: () => {
        if (body !== raw) body.destroy();
        // dump() reads a short remainder so the connection returns to the pool, and destroys a longer one.
        else if (!raw.destroyed) raw.dump({ limit: DISCARD_READ_LIMIT }).catch(noop);
      },
    };
  };
}

/** A WHATWG fetch (tests and tools inject one): it sends Accept-Encoding and decompresses by itself. */
export function fetchRequest(fetchImpl: typeof fetch): HttpRequest {
  const doFetch = fetchImpl as FetchWithDispatcher;
  return async (url, { headers, signal, dispatcher }) => {
    const res = await doFetch(url, {
      method: 'GET',
      headers,
      redirect: 'manual',
      signal,
      ...(dispatcher !== undefined ? { dispatcher } : {}),
    });
    const flat: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      flat[name.toLowerCase()] = value;
    });
    const stream = res.body;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    return {
      status: res.status,
      headers: flat,
      body: {
        async *[Symbol.asyncIterator]() {
          if (!stream) return;
          reader = stream.getReader();
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              yield value;
            }
          } finally {
            // Reached early (a size cap, an error): stop the transfer rather than let it run on.
            await reader.cancel().catch(noop);
            reader.releaseLock();
          }
        },
      },
      discard: () => {
        if (reader) reader.cancel().catch(noop);
        else stream?.cancel().catch(noop);
      },
    };
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function noop(): void {}
