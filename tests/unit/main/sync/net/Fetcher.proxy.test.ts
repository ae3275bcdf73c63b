import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher } from '../../../../../main/sync/net/Fetcher';
import { startForwardProxy } from './forwardProxy';
import { fetchError } from './fetchError';
import { PROXY_AUTH, PROXY_PASS, PROXY_USER, startProxiedTarget } from './proxiedTarget';

const USER = PROXY_USER;
const PASS = PROXY_PASS;
const AUTH = PROXY_AUTH;

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

const setup = () => startProxiedTarget(closers, { username: USER, password: PASS });

function track(f: Fetcher): Fetcher {
  closers.push(() => f.close());
  return f;
}


const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('proxy modes against a real forward proxy on loopback', () => {
  it("'manual' sends absolute-URI requests through the proxy with Basic credentials", async () => {
    const { target, proxy } = await setup();
    const f = track(new Fetcher({ network: { mode: 'manual', proxy: { url: proxy.url, username: USER, password: PASS } } }));
    const res = await f.fetch(`${target.url}/a`);
    expect(text(res.body)).toBe('hello /a');
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/robots.txt`, `${target.url}/a`]);
    expect(proxy.seen.every((s) => s.proxyAuthorization === AUTH)).toBe(true);
    // The target never sees the proxy credentials.
    expect(target.seen.every((s) => s.headers['proxy-authorization'] === undefined)).toBe(true);
  });

  it("'manual' with a wrong or missing password fails as proxy-auth, not retried", async () => {
    const { target, proxy } = await setup();
    const wrong = track(new Fetcher({ retries: 3, respectRobots: false, network: { mode: 'manual', proxy: { url: proxy.url, username: USER, password: 'x' } } }));
    expect((await fetchError(wrong.fetch(`${target.url}/a`))).code).toBe('proxy-auth');
    const none = track(new Fetcher({ retries: 3, respectRobots: false, network: { mode: 'manual', proxy: { url: proxy.url } } }));
    expect((await fetchError(none.fetch(`${target.url}/a`))).code).toBe('proxy-auth');
    expect(proxy.seen).toHaveLength(2);
    expect(target.seen).toHaveLength(0);
  });

  it("'system' follows the resolver's PROXY answer (credentials come from the PAC entry), asking once per origin", async () => {
    const { target, proxy } = await setup();
    const asked: string[] = [];
    const resolveProxy = async (url: string) => {
      asked.push(url);
      return `PROXY ${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@127.0.0.1:${proxy.port}; DIRECT`;
    };
    const f = track(new Fetcher({ resolveProxy }));
    expect(f.network).toEqual({ mode: 'system' });
    expect(text((await f.fetch(`${target.url}/one`)).body)).toBe('hello /one');
    expect(text((await f.fetch(`${target.url}/two`)).body)).toBe('hello /two');
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/robots.txt`, `${target.url}/one`, `${target.url}/two`]);
    expect(asked).toHaveLength(1);
  });

  it("'system' with DIRECT, and 'none', connect straight to the target", async () => {
    const { target, proxy } = await setup();
    const direct = track(new Fetcher({ resolveProxy: async () => 'DIRECT' }));
    expect(text((await direct.fetch(`${target.url}/d`)).body)).toBe('hello /d');
    const none = track(new Fetcher({ network: { mode: 'none' }, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }));
    expect(text((await none.fetch(`${target.url}/n`)).body)).toBe('hello /n');
    expect(proxy.seen).toEqual([]);
    expect(target.hits('/d')).toHaveLength(1);
    expect(target.hits('/n')).toHaveLength(1);
  });

  it("'system' offering only SOCKS fails with proxy-unsupported and warns once; a DIRECT fallback is used", async () => {
    const { target, proxy } = await setup();
    const warnings: string[] = [];
    const socks = track(new Fetcher({ respectRobots: false, resolveProxy: async () => 'SOCKS5 127.0.0.1:1080', onWarning: (m) => warnings.push(m) }));
    expect((await fetchError(socks.fetch(`${target.url}/s`))).code).toBe('proxy-unsupported');
    expect((await fetchError(socks.fetch(`${target.url}/s2`))).code).toBe('proxy-unsupported');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SOCKS5/);
    const fallback = track(new Fetcher({ respectRobots: false, resolveProxy: async () => 'SOCKS5 127.0.0.1:1080; DIRECT' }));
    expect(text((await fallback.fetch(`${target.url}/f`)).body)).toBe('hello /f');
    expect(target.hits('/s')).toHaveLength(0);
    expect(proxy.seen).toEqual([]);
  });

  it('a resolver that throws means DIRECT, with one warning', async () => {
    const { target } = await setup();
    const warnings: string[] = [];
    const f = track(new Fetcher({ respectRobots: false, resolveProxy: async () => Promise.reject(new Error('no pac')), onWarning: (m) => warnings.push(m) }));
    expect(text((await f.fetch(`${target.url}/r`)).body)).toBe('hello /r');
    expect(text((await f.fetch(`${target.url}/r`)).body)).toBe('hello /r');
    expect(warnings).toEqual([expect.stringMatching(/no pac/)]);
  });

  it('a resolver that never answers is given up on within half the connect timeout, then DIRECT for a while', async () => {
    const { target } = await setup();
    const warnings: string[] = [];
    let asked = 0;
    const resolveProxy = () => {
      asked++;
      return new Promise<string>(() => {});
    };
    const f = track(new Fetcher({ respectRobots: false, connectTimeoutMs: 300, resolveProxy, onWarning: (m) => warnings.push(m) }));
    const started = Date.now();
    expect(text((await f.fetch(`${target.url}/hang`, { retries: 0 })).body)).toBe('hello /hang');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    // The DIRECT fallback is remembered for a while: the next request does not wait again.
    expect(text((await f.fetch(`${target.url}/hang2`, { retries: 0 })).body)).toBe('hello /hang2');
    expect(asked).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/did not answer in time/)]);
  });

  it('setNetwork applies to the next request, forgets robots.txt and cached answers, and closes old agents', async () => {
    const { target, proxy } = await setup();
    const f = track(new Fetcher({ network: { mode: 'none' } }));
    await f.fetch(`${target.url}/1`);
    expect(proxy.seen).toHaveLength(0);

    f.setNetwork({ mode: 'manual', proxy: { url: proxy.url, username: USER, password: PASS } });
    await f.fetch(`${target.url}/2`);
    // robots.txt is read again, this time through the proxy.
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/robots.txt`, `${target.url}/2`]);

    f.setNetwork({ mode: 'manual', proxy: { url: proxy.url, username: USER, password: 'changed' } });
    expect((await fetchError(f.fetch(`${target.url}/3`, { retries: 0 }))).code).toBe('proxy-auth');

    let answer = `PROXY 127.0.0.1:${proxy.port}`;
    const g = track(new Fetcher({ respectRobots: false, resolveProxy: async () => answer, systemProxyTtlMs: 60_000 }));
    expect((await fetchError(g.fetch(`${target.url}/4`, { retries: 0 }))).code).toBe('proxy-auth');
    answer = 'DIRECT';
    // Still the cached answer until the settings change.
    expect((await fetchError(g.fetch(`${target.url}/4`, { retries: 0 }))).code).toBe('proxy-auth');
    g.setNetwork({ mode: 'system' });
    expect(text((await g.fetch(`${target.url}/4`)).body)).toBe('hello /4');
  });

  it("'system' fails over to the next entry when a proxy cannot be reached, and passes it over afterwards", async () => {
    const { target, proxy } = await setup();
    const down = await startForwardProxy();
    const downPort = down.port;
    await down.close();
    const warnings: string[] = [];
    const auth = `${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}`;
    const resolveProxy = async () => `PROXY 127.0.0.1:${downPort}; PROXY ${auth}@127.0.0.1:${proxy.port}; DIRECT`;
    // No retries: the failover itself must not spend one.
    const f = track(new Fetcher({ retries: 0, respectRobots: false, resolveProxy, onWarning: (m) => warnings.push(m) }));
    expect(text((await f.fetch(`${target.url}/one`)).body)).toBe('hello /one');
    expect(text((await f.fetch(`${target.url}/two`)).body)).toBe('hello /two');
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/one`, `${target.url}/two`]);
    expect(target.seen).toHaveLength(2);
    // Said once, naming the proxy that was passed over.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`127.0.0.1:${downPort}`);
  });

  it("'system' falls back to DIRECT when every listed proxy is down", async () => {
    const { target } = await setup();
    const down = await startForwardProxy();
    const downPort = down.port;
    await down.close();
    const f = track(new Fetcher({ retries: 0, respectRobots: false, resolveProxy: async () => `PROXY 127.0.0.1:${downPort}; DIRECT` }));
    expect(text((await f.fetch(`${target.url}/d`)).body)).toBe('hello /d');
    // With nothing to fall back to, the dead proxy is still an error that names it.
    const only = track(new Fetcher({ retries: 0, respectRobots: false, resolveProxy: async () => `PROXY 127.0.0.1:${downPort}` }));
    const e = await fetchError(only.fetch(`${target.url}/x`));
    expect(e.code).toBe('network');
    expect(e.message).toContain(`through the proxy 127.0.0.1:${downPort}`);
  });

  it('a proxy that is down is a network error naming the proxy', async () => {
    const { target, proxy } = await setup();
    const url = proxy.url;
    await proxy.close();
    const f = track(new Fetcher({ retries: 0, respectRobots: false, network: { mode: 'manual', proxy: { url } } }));
    const e = await fetchError(f.fetch(`${target.url}/x`));
    expect(e.code).toBe('network');
    expect(e.message).toContain(`through the proxy ${new URL(url).host}`);
  });
});
