import type http from 'node:http';
import zlib from 'node:zlib';
import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher, type FetcherOptions } from '../../../../../main/sync/net/Fetcher';
import { startLoopback, type Loopback } from './loopbackServer';
import { fetchError } from './fetchError';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void): Promise<Loopback> {
  const s = await startLoopback((req, res, n) => {
    if (req.url === '/robots.txt') return false;
    handler(req, res, n);
  });
  closers.push(() => s.close());
  return s;
}

function track<T extends { close(): Promise<void> }>(x: T): T {
  closers.push(() => x.close());
  return x;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const ARTICLE = `<html><body>${'Tin tức hôm nay — '.repeat(400)}</body></html>`;
const ENCODERS: Record<string, (b: Buffer) => Buffer> = {
  gzip: (b) => zlib.gzipSync(b),
  br: (b) => zlib.brotliCompressSync(b),
  deflate: (b) => zlib.deflateSync(b),
};

// The app's own client (undici's request) and the injectable WHATWG fetch must agree on content codings.
const transports: Array<[string, FetcherOptions]> = [
  ['undici request (default)', {}],
  ['injected fetch', { fetchImpl: fetch }],
];

describe.each(transports)('content codings through %s', (_name, transport) => {
  for (const coding of Object.keys(ENCODERS)) {
    it(`decodes a ${coding} body, keeping the response's own headers`, async () => {
      const packed = ENCODERS[coding](Buffer.from(ARTICLE));
      const srv = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': coding, 'content-length': packed.length });
        res.end(packed);
      });
      const f = track(new Fetcher({ ...transport, respectRobots: false }));
      const res = await f.fetch(`${srv.url}/a`);
      expect(text(res.body)).toBe(ARTICLE);
      // Content-Length counts the compressed bytes and must not be taken for a truncation.
      expect(Number(res.headers['content-length'])).toBeLessThan(res.body.byteLength);
      expect(res.headers['content-encoding']).toBe(coding);
    });
  }

  for (const coding of Object.keys(ENCODERS)) {
    it(`caps the decoded size: a small ${coding} body that inflates past maxBytes is too-large, not retried`, async () => {
      const bomb = ENCODERS[coding](Buffer.alloc(4 * 1024 * 1024));
      const srv = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': coding, 'content-length': bomb.length });
        res.end(bomb);
      });
      expect(bomb.length).toBeLessThan(64 * 1024);
      const f = track(new Fetcher({ ...transport, respectRobots: false, maxBytes: 256 * 1024 }));
      const err = await fetchError(f.fetch(`${srv.url}/bomb`));
      expect(err.code).toBe('too-large');
      expect(err.message).toMatch(/262144-byte limit/);
      expect(srv.hits('/bomb')).toHaveLength(1);
    });
  }

  it('retries a gzip body cut off mid-transfer', async () => {
    const packed = zlib.gzipSync(Buffer.from(ARTICLE));
    const srv = await serve((req, res, n) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': packed.length });
      if (n === 1) {
        res.write(packed.subarray(0, packed.length >> 1));
        setTimeout(() => req.socket.destroy(), 5);
      } else {
        res.end(packed);
      }
    });
    const codes: string[] = [];
    const f = track(new Fetcher({ ...transport, respectRobots: false, backoffBaseMs: 1, onRetry: (e) => codes.push(e.error.code) }));
    expect(text((await f.fetch(`${srv.url}/cut`)).body)).toBe(ARTICLE);
    expect(codes).toEqual(['network']);
  });
});

describe('the default transport (undici request)', () => {
  it('says a corrupt compressed body could not be decompressed', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all'));
    });
    const f = track(new Fetcher({ respectRobots: false, retries: 0 }));
    const err = await fetchError(f.fetch(`${srv.url}/bad`));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/could not be decompressed.*Z_DATA_ERROR/);
  });

  it('offers gzip, deflate and br, reads raw deflate (no zlib header) as browsers do, and leaves an unknown coding as sent', async () => {
    const raw = zlib.deflateRawSync(Buffer.from(ARTICLE));
    const srv = await serve((req, res) => {
      if (req.url === '/raw') res.writeHead(200, { 'content-encoding': 'deflate' }).end(raw);
      else res.writeHead(200, { 'content-encoding': 'x-custom' }).end('as is');
    });
    const f = track(new Fetcher({ respectRobots: false }));
    expect(text((await f.fetch(`${srv.url}/raw`)).body)).toBe(ARTICLE);
    // fetch offered br only over https; every coding decodeContent reads is offered now.
    expect(srv.hits('/raw')[0].headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(text((await f.fetch(`${srv.url}/other`)).body)).toBe('as is');
    const capped = track(new Fetcher({ respectRobots: false, maxBytes: 1000 }));
    expect((await fetchError(capped.fetch(`${srv.url}/raw`))).code).toBe('too-large');
  });

  it('frees the connection of every body it does not read, so one connection serves them all', async () => {
    const sockets = new Map<string, unknown>();
    const srv = await serve((req, res) => {
      sockets.set(req.url!, req.socket);
      switch (req.url) {
        case '/moved':
          res.writeHead(302, { location: '/ok', 'content-type': 'text/html' }).end('<p>moved</p>'.repeat(500));
          return;
        case '/same':
          res.writeHead(304).end();
          return;
        case '/missing':
          res.writeHead(404, { 'content-type': 'text/html' }).end(Buffer.alloc(512 * 1024, 120));
          return;
        case '/declared-big':
          res.writeHead(200, { 'content-length': 300_000 }).end(Buffer.alloc(300_000, 97));
          return;
        case '/streamed-big':
          for (let i = 0; i < 10; i++) res.write(Buffer.alloc(50_000, 98));
          res.end();
          return;
        default:
          res.end('ok');
      }
    });
    // One connection: a body left unread would hold it, and every later request would hang until the timeout.
    const agent = track(new Agent({ connections: 1 }));
    const f = new Fetcher({ dispatcher: agent, respectRobots: false, retries: 0, maxBytes: 100_000, connectTimeoutMs: 3000, totalTimeoutMs: 5000 });
    expect((await f.fetch(`${srv.url}/moved`)).finalUrl).toBe(`${srv.url}/ok`);
    expect((await f.fetch(`${srv.url}/same`, { etag: '"v1"' })).notModified).toBe(true);
    expect(await fetchError(f.fetch(`${srv.url}/missing`))).toMatchObject({ code: 'http-status', status: 404 });
    expect((await fetchError(f.fetch(`${srv.url}/declared-big`))).code).toBe('too-large');
    expect((await fetchError(f.fetch(`${srv.url}/streamed-big`))).code).toBe('too-large');
    expect(text((await f.fetch(`${srv.url}/after`)).body)).toBe('ok');
    // A short unread body is read off so its connection is reused.
    expect(sockets.get('/ok')).toBe(sockets.get('/moved'));
    await f.close();
    // The caller's dispatcher is the caller's to close.
    expect(agent.closed).toBe(false);
  });

  it('raises nothing when the signal aborts after the body was read, and cancels a body mid-read', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/done') return void res.end('whole');
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const f = track(new Fetcher({ respectRobots: false, retries: 0 }));
    const ctl = new AbortController();
    expect(text((await f.fetch(`${srv.url}/done`, { signal: ctl.signal })).body)).toBe('whole');
    ctl.abort();
    // An 'error' emitted on an unread body stream without a listener would surface here as an unhandled error.
    await new Promise((r) => setTimeout(r, 50));

    const mid = new AbortController();
    setTimeout(() => mid.abort(), 150);
    expect((await fetchError(f.fetch(`${srv.url}/trickle`, { signal: mid.signal }))).code).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 50));
  });

  it("retries a connection closed before any response, naming undici's error", async () => {
    const srv = await serve((req, res, n) => {
      if (n === 1) req.socket.destroy();
      else res.end('second');
    });
    const messages: string[] = [];
    const f = track(new Fetcher({ respectRobots: false, backoffBaseMs: 1, onRetry: (e) => messages.push(e.error.message) }));
    expect(text((await f.fetch(`${srv.url}/x`)).body)).toBe('second');
    expect(messages).toEqual([`requesting ${srv.url}/x failed: UND_ERR_SOCKET (other side closed)`]);
  });

  it('times out, and cancels, a request whose connection never completes without waiting for undici', async () => {
    // A host that drops SYNs: undici only acts on an abort once the request has a connection.
    const stuck = new Agent({ connect: () => {} });
    closers.push(() => stuck.destroy());
    const f = new Fetcher({ dispatcher: stuck, respectRobots: false, retries: 0, connectTimeoutMs: 200 });
    let started = Date.now();
    const err = await fetchError(f.fetch('http://192.0.2.1/x'));
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('no response from 192.0.2.1 within 200 ms');
    expect(Date.now() - started).toBeLessThan(3000);

    const patient = new Fetcher({ dispatcher: stuck, respectRobots: false, retries: 0, connectTimeoutMs: 60_000 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    started = Date.now();
    expect((await fetchError(patient.fetch('http://192.0.2.1/y', { signal: ctl.signal }))).code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);

  it('sends requests through an injected dispatcher, and reports every response to onResponse', async () => {
    const srv = await startLoopback((req, res) => {
      if (req.url === '/robots.txt') return void res.end('User-agent: *\nDisallow:\n');
      if (req.url === '/old') return void res.writeHead(301, { location: '/new' }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('new');
    });
    closers.push(() => srv.close());
    const dispatched: string[] = [];
    const agent = track(new Agent());
    const dispatcher: Dispatcher = agent.compose((dispatch) => (opts, handler) => {
      dispatched.push(String(opts.path));
      return dispatch(opts, handler);
    });
    const responses: Array<[string, number, string | undefined]> = [];
    const f = track(new Fetcher({ dispatcher, onResponse: (url, status, headers) => responses.push([new URL(url).pathname, status, headers['content-type']]) }));
    expect((await f.fetch(`${srv.url}/old`)).finalUrl).toBe(`${srv.url}/new`);
    expect(dispatched).toEqual(['/robots.txt', '/old', '/new']);
    expect(responses).toEqual([
      ['/robots.txt', 200, undefined],
      ['/old', 301, undefined],
      ['/new', 200, 'text/plain'],
    ]);
  });

  it('close() cuts a discarded body that is still trickling in after a short grace', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const f = new Fetcher({ respectRobots: false });
    expect(await fetchError(f.fetch(`${srv.url}/gone`))).toMatchObject({ code: 'http-status', status: 404 });
    const started = Date.now();
    await f.close();
    expect(Date.now() - started).toBeLessThan(5000);
  }, 10_000);

  it('makes its own connection pool again after close()', async () => {
    const srv = await serve((_req, res) => void res.end('again'));
    const f = new Fetcher({ respectRobots: false });
    expect(text((await f.fetch(`${srv.url}/1`)).body)).toBe('again');
    await f.close();
    expect(text((await f.fetch(`${srv.url}/2`)).body)).toBe('again');
    await f.close();
  });

  it('returns a body that owns its memory, not a view into a pooled buffer', async () => {
    const srv = await serve((_req, res) => void res.end('small'));
    const f = track(new Fetcher({ respectRobots: false }));
    const { body } = await f.fetch(`${srv.url}/s`);
    expect(body.constructor).toBe(Uint8Array);
    expect(body.buffer.byteLength).toBe(body.byteLength);
  });
});
