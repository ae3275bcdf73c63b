import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../main/sync/net/clock';
import { Fetcher } from '../../../../../main/sync/net/Fetcher';
import { FetchError } from '../../../../../main/sync/net/FetchError';
import { startLoopback, type Loopback } from './loopbackServer';
import { fetchError } from './fetchError';


let servers: Array<{ close(): Promise<void> }> = [];
async function serve(handler: Parameters<typeof startLoopback>[0]): Promise<Loopback> {
  const s = await startLoopback((req, res, n) => {
    if (req.url === '/robots.txt') return false;
    return handler(req, res, n);
  });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('Retry-After', () => {
  it('waits at least the delta-seconds of a 429 before retrying', async () => {
    const srv = await serve((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end('slow down');
      } else {
        res.end('ok');
      }
    });
    const fetcher = new Fetcher({ backoffBaseMs: 1 });
    const res = await fetcher.fetch(`${srv.url}/page`);
    expect(new TextDecoder().decode(res.body)).toBe('ok');
    const [first, second] = srv.hits('/page');
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
  });

  it('waits until the HTTP-date of a 503 before retrying', async () => {
    let notBefore = 0;
    const srv = await serve((_req, res, n) => {
      if (n === 1) {
        // HTTP-dates have whole seconds: round up so the wait is at least ~1 s.
        notBefore = Math.ceil((Date.now() + 1000) / 1000) * 1000;
        res.writeHead(503, { 'retry-after': new Date(notBefore).toUTCString() });
        res.end('maintenance');
      } else {
        res.end('ok');
      }
    });
    const fetcher = new Fetcher({ backoffBaseMs: 1 });
    await fetcher.fetch(`${srv.url}/page`);
    const hits = srv.hits('/page');
    expect(hits).toHaveLength(2);
    expect(hits[1].at).toBeGreaterThanOrEqual(notBefore);
  });

  for (const pauseHostOnRetryAfter of [true, false]) {
    it(`${pauseHostOnRetryAfter ? 'holds back' : 'does not hold back'} other requests to the host with pauseHostOnRetryAfter: ${pauseHostOnRetryAfter}`, async () => {
      const srv = await serve((req, res, n) => {
        if (req.url === '/a' && n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          res.end();
        } else {
          res.end('ok');
        }
      });
      const fetcher = new Fetcher({ backoffBaseMs: 1, pauseHostOnRetryAfter });
      const a = fetcher.fetch(`${srv.url}/a`);
      while (srv.hits('/a').length === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50)); // let the 429 reach the fetcher
      const t429 = srv.hits('/a')[0].at;
      await fetcher.fetch(`${srv.url}/b`);
      await a;
      const bAt = srv.hits('/b')[0].at;
      if (pauseHostOnRetryAfter) expect(bAt).toBeGreaterThanOrEqual(t429 + 1000);
      else expect(bAt).toBeLessThan(t429 + 900);
      expect(srv.hits('/a')[1].at).toBeGreaterThanOrEqual(t429 + 1000);
    });
  }

  it('gives up instead of waiting out a Retry-After longer than maxRetryAfterMs', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    });
    const fetcher = new Fetcher({ maxRetryAfterMs: 5000 });
    const err = await fetchError(fetcher.fetch(`${srv.url}/x`));
    expect(err).toMatchObject({ code: 'http-status', status: 429, retryAfterMs: 3_600_000 });
    expect(srv.hits('/x')).toHaveLength(1);
  });
});

describe('retries and backoff', () => {
  function fakeClock(): Clock & { sleeps: number[] } {
    let t = 1_000_000;
    const sleeps: number[] = [];
    return {
      sleeps,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    };
  }

  it('backs off exponentially with full jitter, using the injected clock and random', async () => {
    const srv = await serve((_req, res, n) => {
      res.writeHead(n <= 3 ? 500 : 200);
      res.end(n <= 3 ? 'boom' : 'ok');
    });
    const clock = fakeClock();
    const fetcher = new Fetcher({ clock, random: () => 0.5, backoffBaseMs: 100, backoffMaxMs: 150, retries: 5 });
    const res = await fetcher.fetch(`${srv.url}/flaky`);
    expect(res.status).toBe(200);
    // 0.5 × min(150, 100·2ⁿ): 50, 75 (capped), 75
    expect(clock.sleeps).toEqual([50, 75, 75]);
  });

  it('uses the whole jitter range: random 0 retries at once, random→1 waits the full ceiling', async () => {
    const srv = await serve((_req, res, n) => {
      res.writeHead(n <= 2 ? 502 : 200);
      res.end();
    });
    const clock = fakeClock();
    const rolls = [0, 0.999];
    const fetcher = new Fetcher({ clock, random: () => rolls.shift() ?? 0, backoffBaseMs: 1000, backoffMaxMs: 60_000 });
    await fetcher.fetch(`${srv.url}/x`);
    expect(clock.sleeps).toEqual([1998]); // 0.999 × 2000; the 0 ms wait needs no sleep
  });

  it('stops after the configured retries with the last error', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const events: number[] = [];
    const fetcher = new Fetcher({ retries: 2, backoffBaseMs: 1, onRetry: (e) => events.push(e.retry) });
    const err = await fetchError(fetcher.fetch(`${srv.url}/down`));
    expect(err).toMatchObject({ code: 'http-status', status: 503 });
    expect(srv.hits('/down')).toHaveLength(3);
    expect(events).toEqual([1, 2]);
  });

  it('detects a body cut short of its Content-Length and retries it', async () => {
    const srv = await serve((req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('<html>half');
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      res.end('<html>whole</html>');
    });
    const codes: string[] = [];
    const fetcher = new Fetcher({ backoffBaseMs: 1, onRetry: (e) => codes.push(e.error.code) });
    const res = await fetcher.fetch(`${srv.url}/cut`);
    expect(new TextDecoder().decode(res.body)).toBe('<html>whole</html>');
    expect(codes).toEqual(['network']);

    const once = new Fetcher({ retries: 0 });
    srv.seen.length = 0;
    const srv2 = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 5);
    });
    const err = await fetchError(once.fetch(`${srv2.url}/cut`));
    expect(err.code).toBe('network');
  });

  it('retries a refused connection as a network error', async () => {
    const srv = await serve((_req, res) => void res.end());
    const deadUrl = srv.url;
    await srv.close();
    servers = [];
    const fetcher = new Fetcher({ retries: 1, backoffBaseMs: 1, respectRobots: false });
    const err = await fetchError(fetcher.fetch(`${deadUrl}/x`));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});

describe('timeouts, size caps, cancellation', () => {
  it('times out when no response headers arrive (connect timeout)', async () => {
    const srv = await serve(() => {
      /* never answers */
    });
    const fetcher = new Fetcher({ connectTimeoutMs: 150, retries: 0 });
    const started = Date.now();
    const err = await fetchError(fetcher.fetch(`${srv.url}/hang`));
    expect(err.code).toBe('timeout');
    // Far below the defaults (15 s connect, 30 s Retry-After), with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('times out a body that trickles past the total timeout', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const fetcher = new Fetcher({ totalTimeoutMs: 300, retries: 0 });
    const err = await fetchError(fetcher.fetch(`${srv.url}/slow`));
    expect(err.code).toBe('timeout');
  });

  it('stops reading a chunked body once it passes maxBytes', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // no Content-Length: chunked
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 65));
      res.end();
    });
    const fetcher = new Fetcher({ maxBytes: 2500 });
    const err = await fetchError(fetcher.fetch(`${srv.url}/big`));
    expect(err.code).toBe('too-large');
    expect(srv.hits('/big')).toHaveLength(1); // not retried
  });

  it('cancels an in-flight request by AbortSignal', async () => {
    const srv = await serve(() => {
      /* never answers */
    });
    const fetcher = new Fetcher();
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    const err = await fetchError(fetcher.fetch(`${srv.url}/hang`, { signal: ctl.signal }));
    expect(err.code).toBe('cancelled');
  });

  it('cancels during a Retry-After wait without waiting it out', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(503, { 'retry-after': '30' });
      res.end();
    });
    const ctl = new AbortController();
    const fetcher = new Fetcher({ signal: ctl.signal });
    const started = Date.now();
    setTimeout(() => ctl.abort(), 100);
    const err = await fetchError(fetcher.fetch(`${srv.url}/wait`));
    expect(err.code).toBe('cancelled');
    // Far below the defaults (15 s connect, 30 s Retry-After), with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('cancels requests still queued for a host slot', async () => {
    const srv = await serve(() => {
      /* never answers */
    });
    const fetcher = new Fetcher({ perHostConcurrency: 1, connectTimeoutMs: 500, retries: 0 });
    const ctl = new AbortController();
    const first = fetcher.fetch(`${srv.url}/one`).catch((e: unknown) => e);
    const queued = fetcher.fetch(`${srv.url}/two`, { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 50));
    ctl.abort();
    const err = await fetchError(queued);
    expect(err.code).toBe('cancelled');
    expect(srv.hits('/two')).toHaveLength(0);
    expect(((await first) as FetchError).code).toBe('timeout');
  });
});

describe('redirects', () => {
  it('follows relative redirects across hops and reports the final URL', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(302, { location: '/b?x=1' }).end();
      else if (req.url === '/b?x=1') res.writeHead(308, { location: 'c' }).end();
      else if (req.url === '/c') res.end('done');
      else return false;
    });
    const res = await new Fetcher().fetch(`${srv.url}/a#frag`);
    expect(res).toMatchObject({ url: `${srv.url}/a`, finalUrl: `${srv.url}/c`, status: 200 });
  });

  it('fails with redirect-loop on a cycle', async () => {
    const srv = await serve((req, res) => {
      res.writeHead(301, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    const err = await fetchError(new Fetcher().fetch(`${srv.url}/a`));
    expect(err.code).toBe('redirect-loop');
  });

  it('fails with redirect-loop after more than maxRedirects hops', async () => {
    const srv = await serve((req, res) => {
      const n = Number(req.url!.slice(3));
      res.writeHead(302, { location: `/r/${n + 1}` }).end();
    });
    const err = await fetchError(new Fetcher().fetch(`${srv.url}/r/0`));
    expect(err.code).toBe('redirect-loop');
    expect(srv.seen.filter((s) => s.path.startsWith('/r/'))).toHaveLength(11);
  });
});

describe('robots.txt edge cases', () => {
  it('surfaces a failing robots.txt without caching it, then honours Disallow and Crawl-delay', async () => {
    let robotsCalls = 0;
    const srv = await startLoopback((req, res) => {
      if (req.url === '/robots.txt') {
        robotsCalls++;
        res.writeHead(robotsCalls <= 2 ? 500 : 200).end('User-agent: ArchiveReader\nDisallow: /private\nCrawl-delay: 0.2\n');
        return;
      }
      res.end('ok');
    });
    servers.push(srv);
    const fetcher = new Fetcher({ retries: 1, backoffBaseMs: 1 });
    const err = await fetchError(fetcher.fetch(`${srv.url}/page`));
    expect(err.code).toBe('http-status');
    expect(err.message).toMatch(/robots\.txt/);
    // Not cached: the next request asks again (third answer is a 200).
    const res = await fetcher.fetch(`${srv.url}/page`);
    expect(res.status).toBe(200);
    expect((await fetchError(fetcher.fetch(`${srv.url}/private/x`))).code).toBe('robots-disallowed');
    // Crawl-delay 0.2 s spaces request starts.
    await Promise.all([fetcher.fetch(`${srv.url}/p1`), fetcher.fetch(`${srv.url}/p2`)]);
    const [p1, p2] = [srv.hits('/p1')[0].at, srv.hits('/p2')[0].at].sort((a, b) => a - b);
    expect(p2 - p1).toBeGreaterThanOrEqual(150);
  });
});

describe('proxy', () => {
  it('goes through an explicit proxy with credentials; a wrong password is proxy-auth', async () => {
    const target = await serve((_req, res) => void res.end('via proxy'));
    const seenAuth: string[] = [];
    const good = `Basic ${Buffer.from('user:p@ss word').toString('base64')}`;
    // Plain-http targets are sent as absolute-URI requests (many proxies allow CONNECT only to 443).
    const proxy = http.createServer((req, res) => {
      seenAuth.push(String(req.headers['proxy-authorization']));
      if (!String(req.url).startsWith('http://')) return void res.writeHead(400).end();
      if (req.headers['proxy-authorization'] !== good) return void res.writeHead(407).end();
      http.get(String(req.url), (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      }).on('error', () => res.writeHead(502).end());
    });
    proxy.on('connect', (req, socket: net.Socket, head) => {
      seenAuth.push(String(req.headers['proxy-authorization']));
      if (req.headers['proxy-authorization'] !== `Basic ${Buffer.from('user:p@ss word').toString('base64')}`) {
        socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
        return;
      }
      const [host, port] = String(req.url).split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    servers.push({
      close: () =>
        new Promise<void>((r) => {
          proxy.closeAllConnections();
          proxy.close(() => r());
        }),
    });
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    const fetcher = new Fetcher({ proxy: { url: proxyUrl, username: 'user', password: 'p@ss word' } });
    const res = await fetcher.fetch(`${target.url}/hello`);
    expect(new TextDecoder().decode(res.body)).toBe('via proxy');
    expect(seenAuth.length).toBeGreaterThan(0);
    await fetcher.close();

    const wrong = new Fetcher({ proxy: { url: proxyUrl, username: 'user', password: 'nope' }, retries: 0 });
    expect((await fetchError(wrong.fetch(`${target.url}/hello`))).code).toBe('proxy-auth');
    await wrong.close();
  });

  it('hands an injected dispatcher to fetch untouched', async () => {
    const target = await serve((_req, res) => void res.end('ok'));
    const dispatcher = { marker: 'my-agent' };
    const seen: unknown[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      seen.push((init as { dispatcher?: unknown }).dispatcher);
      const { dispatcher: _d, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return fetch(input, rest);
    };
    await new Fetcher({ dispatcher, fetchImpl }).fetch(`${target.url}/x`);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((d) => d === dispatcher)).toBe(true);
  });

  it('rejects proxy together with dispatcher', () => {
    expect(() => new Fetcher({ proxy: { url: 'http://p:1' }, dispatcher: {} })).toThrow(/either/);
  });
});
