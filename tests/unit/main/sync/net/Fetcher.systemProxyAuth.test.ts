import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkSettingsStore } from '../../../../../main/settings/NetworkSettingsStore';
import { plainSecretCodec } from '../../../../../main/settings/secretCodec';
import { tempLogger } from '../../../testLogger';
import { Fetcher, type RetryEvent } from '../../../../../main/sync/net/Fetcher';
import { startForwardProxy, type ForwardProxy } from './forwardProxy';
import { fetchError } from './fetchError';
import { PROXY_AUTH, PROXY_PASS, PROXY_USER, startProxiedTarget } from './proxiedTarget';

const USER = PROXY_USER;
const PASS = PROXY_PASS;
const AUTH = PROXY_AUTH;
const CREDENTIALS = { username: USER, password: PASS };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

/** `null`: a proxy that asks for no sign-in. */
const setup = (credentials: { username: string; password: string } | null = CREDENTIALS) => startProxiedTarget(closers, credentials ?? undefined);

function track(f: Fetcher): Fetcher {
  closers.push(() => f.close());
  return f;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const authOf = (proxy: ForwardProxy) => proxy.seen.map((s) => s.proxyAuthorization ?? null);

describe("a system proxy that asks for a sign-in (407), credentials set for 'system'", () => {
  it('without credentials configured: proxy-auth naming the proxy, nothing offered, not retried', async () => {
    const { target, proxy } = await setup();
    const retries: RetryEvent[] = [];
    const f = track(new Fetcher({ retries: 3, respectRobots: false, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}`, onRetry: (r) => retries.push(r) }));
    const e = await fetchError(f.fetch(`${target.url}/a`));
    expect(e.code).toBe('proxy-auth');
    expect(e.message).toContain(`127.0.0.1:${proxy.port}`);
    expect(e.message).toMatch(/no user name and password are set for the system proxy/);
    expect(authOf(proxy)).toEqual([null]);
    expect(retries).toEqual([]);
    expect(target.seen).toHaveLength(0);
  });

  it('with credentials: the first request goes without them, the 407 is answered at once, later requests carry them directly', async () => {
    const { target, proxy } = await setup();
    const retries: RetryEvent[] = [];
    const f = track(
      new Fetcher({
        // No retries left: answering the challenge must not spend one, nor wait a backoff.
        retries: 0,
        backoffBaseMs: 60_000,
        respectRobots: false,
        network: { mode: 'system', credentials: CREDENTIALS },
        resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}`,
        onRetry: (r) => retries.push(r),
      }),
    );
    const started = Date.now();
    expect(text((await f.fetch(`${target.url}/a`)).body)).toBe('hello /a');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(text((await f.fetch(`${target.url}/b`)).body)).toBe('hello /b');
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/a`, `${target.url}/a`, `${target.url}/b`]);
    expect(authOf(proxy)).toEqual([null, AUTH, AUTH]);
    expect(retries).toEqual([]);
    // The target never sees the proxy credentials.
    expect(target.seen.every((s) => s.headers['proxy-authorization'] === undefined)).toBe(true);
  });

  it('wrong credentials: proxy-auth after one credentialed try, never a loop; the message names the proxy, not the password', async () => {
    const { target, proxy } = await setup();
    const secret = 'sai-mật-khẩu';
    const f = track(
      new Fetcher({
        retries: 3,
        respectRobots: false,
        network: { mode: 'system', credentials: { username: USER, password: secret } },
        resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}`,
      }),
    );
    const e = await fetchError(f.fetch(`${target.url}/a`));
    expect(e.code).toBe('proxy-auth');
    expect(e.message).toContain(`127.0.0.1:${proxy.port}`);
    expect(e.message).toMatch(/refused the user name and password set for the system proxy/);
    expect(e.message).not.toContain(secret);
    expect(authOf(proxy)).toEqual([null, `Basic ${Buffer.from(`${USER}:${secret}`).toString('base64')}`]);
    // Remembered: the next request offers the credentials at once, and stops at the refusal.
    expect((await fetchError(f.fetch(`${target.url}/b`))).code).toBe('proxy-auth');
    expect(proxy.seen).toHaveLength(3);
    expect(proxy.seen[2].proxyAuthorization).toBeDefined();
    expect(target.seen).toHaveLength(0);
  });

  it('credentials are never offered to a system proxy that does not ask', async () => {
    const { target, proxy } = await setup(null);
    const f = track(
      new Fetcher({ network: { mode: 'system', credentials: CREDENTIALS }, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }),
    );
    expect(text((await f.fetch(`${target.url}/a`)).body)).toBe('hello /a');
    expect(text((await f.fetch(`${target.url}/b`)).body)).toBe('hello /b');
    expect(proxy.seen.map((s) => s.target)).toEqual([`${target.url}/robots.txt`, `${target.url}/a`, `${target.url}/b`]);
    expect(authOf(proxy)).toEqual([null, null, null]);
  });

  it('is remembered per proxy: another proxy of the PAC answer is again asked without credentials first', async () => {
    const { target, proxy } = await setup();
    const other = await startForwardProxy(CREDENTIALS);
    closers.push(() => other.close());
    let answer = `PROXY 127.0.0.1:${proxy.port}`;
    const f = track(
      new Fetcher({ retries: 0, respectRobots: false, systemProxyTtlMs: 0, network: { mode: 'system', credentials: CREDENTIALS }, resolveProxy: async () => answer }),
    );
    await f.fetch(`${target.url}/a`);
    answer = `PROXY 127.0.0.1:${other.port}`;
    await f.fetch(`${target.url}/b`);
    await f.fetch(`${target.url}/c`);
    expect(authOf(proxy)).toEqual([null, AUTH]);
    expect(authOf(other)).toEqual([null, AUTH, AUTH]);
  });

  it('setNetwork forgets which proxies asked; without credentials nothing is offered any more', async () => {
    const { target, proxy } = await setup();
    const resolveProxy = async () => `PROXY 127.0.0.1:${proxy.port}`;
    const f = track(new Fetcher({ retries: 0, respectRobots: false, network: { mode: 'system', credentials: CREDENTIALS }, resolveProxy }));
    await f.fetch(`${target.url}/a`);
    expect(authOf(proxy)).toEqual([null, AUTH]);

    // Same credentials saved again: offered again only after a new challenge.
    f.setNetwork({ mode: 'system', credentials: CREDENTIALS });
    await f.fetch(`${target.url}/b`);
    expect(authOf(proxy)).toEqual([null, AUTH, null, AUTH]);

    f.setNetwork({ mode: 'system' });
    expect((await fetchError(f.fetch(`${target.url}/c`))).code).toBe('proxy-auth');
    expect(authOf(proxy)).toEqual([null, AUTH, null, AUTH, null]);
  });

  it('PAC failover is unchanged: an unreachable proxy is passed over for the one that asks for a sign-in', async () => {
    const { target, proxy } = await setup();
    const down = await startForwardProxy();
    const downPort = down.port;
    await down.close();
    const warnings: string[] = [];
    const f = track(
      new Fetcher({
        retries: 0,
        respectRobots: false,
        network: { mode: 'system', credentials: CREDENTIALS },
        resolveProxy: async () => `PROXY 127.0.0.1:${downPort}; PROXY 127.0.0.1:${proxy.port}; DIRECT`,
        onWarning: (m) => warnings.push(m),
      }),
    );
    expect(text((await f.fetch(`${target.url}/one`)).body)).toBe('hello /one');
    expect(text((await f.fetch(`${target.url}/two`)).body)).toBe('hello /two');
    expect(authOf(proxy)).toEqual([null, AUTH, AUTH]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`127.0.0.1:${downPort}`);
    // A 407 is an answer, not an unreachable proxy: no failover to DIRECT, every request went through the proxy.
    expect(target.seen).toHaveLength(2);
  });

  it("'manual' still sends its credentials up front", async () => {
    const { target, proxy } = await setup();
    const f = track(new Fetcher({ respectRobots: false, network: { mode: 'manual', proxy: { url: proxy.url, ...CREDENTIALS } } }));
    await f.fetch(`${target.url}/m`);
    expect(authOf(proxy)).toEqual([AUTH]);
  });

  it("a sign-in saved in main's settings store reaches the fetcher as the app wires it", async () => {
    const { target, proxy } = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-net-auth-'));
    const store = new NetworkSettingsStore(path.join(dir, 'network.json'), plainSecretCodec, tempLogger());
    const f = track(new Fetcher({ retries: 0, respectRobots: false, network: store.proxySetting(), resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }));
    store.onChange((setting) => f.setNetwork(setting));
    expect((await fetchError(f.fetch(`${target.url}/before`))).code).toBe('proxy-auth');

    const view = store.update({ mode: 'system', proxyUrl: '', username: '', systemUsername: USER, systemPassword: PASS });
    expect(JSON.stringify(view)).not.toContain(PASS);
    expect(text((await f.fetch(`${target.url}/after`)).body)).toBe('hello /after');
    expect(authOf(proxy)).toEqual([null, null, AUTH]);
  });
});
