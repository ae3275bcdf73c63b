import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../main/api/createHandlers';
import { dispatchCall } from '../../../../main/api/dispatchCall';
import type { SyncService } from '../../../../main/sync/SyncService';
import { tempLogger } from '../../testLogger';

function setup() {
  const opened: string[] = [];
  const logger = tempLogger();
  const sync: SyncService = {
    discover: async (url) => {
      throw { code: 'malformed-feed', message: `bad feed at ${url}`, params: { url } };
    },
    start: () => 'run-1',
    cancel: () => undefined,
    ack: () => undefined,
    resume: () => [],
    shutdown: async () => undefined,
  };
  const api = createHandlers({
    host: 'browser',
    version: '1.2.3',
    dataDir: '/tmp/x',
    logger,
    openExternal: async (url) => {
      opened.push(url);
    },
    sync,
    emit: () => undefined,
  });
  return { api, opened, logger };
}

describe('dispatchCall', () => {
  it('answers a valid call', async () => {
    const { api } = setup();
    const r = await dispatchCall(api, 'getAppInfo', undefined);
    expect(r).toMatchObject({ ok: true, value: { host: 'browser', version: '1.2.3' } });
  });

  it('refuses unknown methods, including inherited object properties', async () => {
    const { api } = setup();
    for (const m of ['nope', 'constructor', '__proto__', 'toString']) {
      const r = await dispatchCall(api, m, undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('validates arguments before a handler runs', async () => {
    const { api, opened } = setup();
    for (const bad of [42, 'file:///etc/passwd', 'javascript:alert(1)', { url: 'http://x' }]) {
      const r = await dispatchCall(api, 'openExternal', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(opened).toEqual([]);
    const ok = await dispatchCall(api, 'openExternal', 'https://example.org/a');
    expect(ok.ok).toBe(true);
    expect(opened).toEqual(['https://example.org/a']);
  });

  it('turns thrown coded errors into data and logs them', async () => {
    const { api, logger } = setup();
    const r = await dispatchCall(api, 'discoverSource', 'http://127.0.0.1:1/feed', logger);
    expect(r).toEqual({ ok: false, error: { code: 'malformed-feed', message: 'bad feed at http://127.0.0.1:1/feed', params: { url: 'http://127.0.0.1:1/feed' } } });
  });

  it('maps unexpected exceptions to an internal error', async () => {
    const { api } = setup();
    (api as unknown as Record<string, unknown>).getAppInfo = async () => {
      throw new Error('boom');
    };
    const r = await dispatchCall(api, 'getAppInfo', undefined);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });
});
