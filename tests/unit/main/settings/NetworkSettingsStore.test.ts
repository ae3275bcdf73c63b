import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../main/api/createHandlers';
import { dispatchCall } from '../../../../main/api/dispatchCall';
import { NetworkSettingsStore } from '../../../../main/settings/NetworkSettingsStore';
import { plainSecretCodec, type SecretCodec } from '../../../../main/settings/secretCodec';
import type { SyncService } from '../../../../main/sync/SyncService';
import { tempLogger } from '../../testLogger';

function fresh(codec: SecretCodec = plainSecretCodec) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-net-'));
  const file = path.join(dir, 'network.json');
  const logger = tempLogger();
  const open = () => new NetworkSettingsStore(file, codec, logger);
  const logText = () => fs.readFileSync(logger.file, 'utf8');
  return { dir, file, open, logText };
}

const MANUAL = { mode: 'manual' as const, proxyUrl: 'proxy.example:3128', username: 'an', password: 'bí mật' };

describe('NetworkSettingsStore', () => {
  it('defaults to the system proxy when there is no file', () => {
    const { open } = fresh();
    expect(open().view()).toEqual({
      mode: 'system', proxyUrl: '', username: '', passwordSet: false, passwordStorage: 'owner-only-file', systemUsername: '', systemPasswordSet: false,
    });
    expect(open().proxySetting()).toEqual({ mode: 'system' });
  });

  it('saves, reloads, and never shows the password, only that one is set', () => {
    const { file, open } = fresh();
    const view = open().update(MANUAL);
    expect(view).toEqual({
      mode: 'manual', proxyUrl: 'http://proxy.example:3128', username: 'an', passwordSet: true, passwordStorage: 'owner-only-file', systemUsername: '', systemPasswordSet: false,
    });
    expect(JSON.stringify(view)).not.toContain('bí mật');
    const again = open();
    expect(again.view()).toEqual(view);
    expect(again.proxySetting()).toEqual({ mode: 'manual', proxy: { url: 'http://proxy.example:3128', username: 'an', password: 'bí mật' } });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // No temp file left behind by the atomic write.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['network.json']);
  });

  it('keeps the password when none is sent, clears it with an empty one', () => {
    const { open } = fresh();
    const store = open();
    store.update(MANUAL);
    expect(store.update({ mode: 'none', proxyUrl: 'proxy.example:3128', username: 'an' }).passwordSet).toBe(true);
    expect(open().update({ ...MANUAL, password: undefined }).passwordSet).toBe(true);
    expect(open().update({ ...MANUAL, password: '' }).passwordSet).toBe(false);
    expect(open().update({ ...MANUAL, password: 'x' }).passwordSet).toBe(true);
    expect(open().update({ ...MANUAL, password: null }).passwordSet).toBe(false);
  });

  it('moves credentials typed into the URL to the fields', () => {
    const { open } = fresh();
    const view = open().update({ mode: 'manual', proxyUrl: 'http://ba%40nh:mk%3A1@p.example:8080', username: '' });
    expect(view).toMatchObject({ proxyUrl: 'http://p.example:8080', username: 'ba@nh', passwordSet: true });
    expect(open().proxySetting()).toEqual({ mode: 'manual', proxy: { url: 'http://p.example:8080', username: 'ba@nh', password: 'mk:1' } });
  });

  it('refuses a bad address with proxy-invalid-url and keeps what was stored', () => {
    const { open } = fresh();
    const store = open();
    store.update(MANUAL);
    for (const [proxyUrl, problem] of [['', 'empty'], ['socks5://s:1080', 'scheme'], ['http://p:1/x', 'path'], ['http://', 'invalid']] as const) {
      expect(() => store.update({ ...MANUAL, proxyUrl })).toThrow(expect.objectContaining({ code: 'proxy-invalid-url', params: { problem } }));
    }
    expect(open().view().proxyUrl).toBe('http://proxy.example:3128');
    // Not manual: an empty address is fine.
    expect(store.update({ mode: 'system', proxyUrl: '', username: '' }).mode).toBe('system');
  });

  it('a corrupt or odd file gives the defaults and a warning, never a crash', () => {
    for (const content of ['{ not json', '[]', JSON.stringify({ version: 1, mode: 'sideways', proxyUrl: '', username: '' }), JSON.stringify({ version: 1, mode: 'manual', proxyUrl: 'ftp://x', username: '' })]) {
      const { file, open, logText } = fresh();
      fs.writeFileSync(file, content);
      expect(open().view().mode).toBe('system');
      expect(logText()).toMatch(/using the default network settings/);
    }
  });

  it('a password that cannot be decrypted is dropped with a warning', () => {
    const { file, open, logText } = fresh();
    open().update(MANUAL);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.password = { enc: 'safeStorage', data: 'AAAA' };
    fs.writeFileSync(file, JSON.stringify(data));
    const store = open();
    expect(store.view()).toMatchObject({ mode: 'manual', passwordSet: false });
    expect(logText()).toMatch(/password could not be read/);
  });

  it('uses the codec for the password on disk', () => {
    const rot: SecretCodec = {
      storage: 'encrypted',
      encode: (p) => ({ enc: 'test', data: Buffer.from(p).toString('base64') }),
      decode: (s) => Buffer.from(s.data, 'base64').toString(),
    };
    const { file, open } = fresh(rot);
    expect(open().update(MANUAL).passwordStorage).toBe('encrypted');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('bí mật');
    expect(open().proxySetting()).toMatchObject({ proxy: { password: 'bí mật' } });
  });

  it('keeps a sign-in for the system proxy apart from the manual one, offered to the fetcher only in system mode', () => {
    const { file, open } = fresh();
    const store = open();
    store.update(MANUAL);
    const view = store.update({ mode: 'system', proxyUrl: '', username: 'an', systemUsername: ' cq\\nv ', systemPassword: 'mk hệ thống' });
    expect(view).toMatchObject({ mode: 'system', systemUsername: 'cq\\nv', systemPasswordSet: true, username: 'an', passwordSet: true });
    expect(JSON.stringify(view)).not.toContain('mk hệ thống');
    expect(JSON.stringify(view)).not.toContain('bí mật');
    // The manual proxy's password is not what a PAC-named proxy would be offered.
    expect(open().proxySetting()).toEqual({ mode: 'system', credentials: { username: 'cq\\nv', password: 'mk hệ thống' } });
    // Stored through the codec like the manual password.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ systemUsername: 'cq\\nv', systemPassword: { enc: 'plain', data: 'mk hệ thống' } });

    // Switching mode keeps both; only the chosen mode's credentials reach the fetcher.
    expect(open().update({ ...MANUAL, password: undefined }).systemPasswordSet).toBe(true);
    expect(open().proxySetting()).toEqual({ mode: 'manual', proxy: { url: 'http://proxy.example:3128', username: 'an', password: 'bí mật' } });
    expect(open().update({ mode: 'none', proxyUrl: '', username: '' }).systemUsername).toBe('cq\\nv');
    expect(open().proxySetting()).toEqual({ mode: 'none' });

    // Omitted keeps, null/'' clears, like the manual password.
    const cleared = open().update({ mode: 'system', proxyUrl: '', username: '', systemPassword: null });
    expect(cleared).toMatchObject({ systemUsername: 'cq\\nv', systemPasswordSet: false });
    expect(open().proxySetting()).toEqual({ mode: 'system', credentials: { username: 'cq\\nv', password: '' } });
    expect(open().update({ mode: 'system', proxyUrl: '', username: '', systemUsername: '', systemPassword: '' })).toMatchObject({ systemUsername: '', systemPasswordSet: false });
    expect(open().proxySetting()).toEqual({ mode: 'system' });
  });

  it('reads a file written before the system sign-in existed', () => {
    const { file, open } = fresh();
    fs.writeFileSync(file, JSON.stringify({ version: 1, mode: 'system', proxyUrl: '', username: 'x' }));
    expect(open().view()).toMatchObject({ mode: 'system', username: 'x', systemUsername: '', systemPasswordSet: false });
    expect(open().proxySetting()).toEqual({ mode: 'system' });
  });

  it('a system proxy password that cannot be decrypted is dropped with a warning, the rest kept', () => {
    const { file, open, logText } = fresh();
    open().update({ mode: 'system', proxyUrl: '', username: '', systemUsername: 'cq', systemPassword: 'mk' });
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.systemPassword = { enc: 'safeStorage', data: 'AAAA' };
    fs.writeFileSync(file, JSON.stringify(data));
    expect(open().view()).toMatchObject({ mode: 'system', systemUsername: 'cq', systemPasswordSet: false });
    expect(logText()).toMatch(/password for the system proxy could not be read/);
  });

  it('tells listeners the new setting after a save', () => {
    const { open } = fresh();
    const store = open();
    const seen: unknown[] = [];
    store.onChange((s) => seen.push(s));
    store.update({ mode: 'none', proxyUrl: '', username: '' });
    expect(() => store.update({ mode: 'manual', proxyUrl: 'bad url', username: '' })).toThrow();
    expect(seen).toEqual([{ mode: 'none' }]);
  });
});

describe('network settings over the API', () => {
  it('get/set through dispatchCall: password never returned, bad address is proxy-invalid-url', async () => {
    const { open } = fresh();
    const sync = { discover: async () => ({}) as never, start: () => 'r', cancel: () => {}, ack: () => {}, resume: () => [], shutdown: async () => {} } satisfies SyncService;
    const api = createHandlers({ host: 'browser', version: '0', dataDir: '/d', logger: tempLogger(), openExternal: async () => {}, sync, emit: () => {}, network: open() });
    const set = await dispatchCall(api, 'setNetworkSettings', MANUAL);
    expect(set).toMatchObject({ ok: true, value: { mode: 'manual', passwordSet: true } });
    const got = await dispatchCall(api, 'getNetworkSettings', undefined);
    expect(got).toEqual({
      ok: true,
      value: { mode: 'manual', proxyUrl: 'http://proxy.example:3128', username: 'an', passwordSet: true, passwordStorage: 'owner-only-file', systemUsername: '', systemPasswordSet: false },
    });
    expect(JSON.stringify(got)).not.toContain('bí mật');
    const bad = await dispatchCall(api, 'setNetworkSettings', { ...MANUAL, proxyUrl: 'socks5://p:1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'proxy-invalid-url', params: { problem: 'scheme' } } });
    const system = await dispatchCall(api, 'setNetworkSettings', { mode: 'system', proxyUrl: '', username: 'an', systemUsername: 'cq', systemPassword: 'mk hệ thống' });
    expect(system).toMatchObject({ ok: true, value: { mode: 'system', systemUsername: 'cq', systemPasswordSet: true, passwordSet: true } });
    const again = await dispatchCall(api, 'getNetworkSettings', undefined);
    expect(again).toMatchObject({ ok: true, value: { systemUsername: 'cq', systemPasswordSet: true } });
    expect(JSON.stringify([system, again])).not.toMatch(/mk hệ thống|bí mật/);
    const badSystem = await dispatchCall(api, 'setNetworkSettings', { mode: 'system', proxyUrl: '', username: '', systemPassword: 42 });
    expect(badSystem).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const wrongShape = await dispatchCall(api, 'setNetworkSettings', { mode: 'auto', proxyUrl: '', username: '' });
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
