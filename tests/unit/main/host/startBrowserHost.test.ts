import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHandlers, type Emit } from '../../../../main/api/createHandlers';
import { startBrowserHost, type BrowserHost } from '../../../../main/host/startBrowserHost';
import type { SyncService } from '../../../../main/sync/SyncService';
import { decodeWire, encodeWire } from '../../../../shared/api/wireCodec';
import { tempLogger } from '../../testLogger';

let host: BrowserHost;
let emit: Emit;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  const logger = tempLogger();
  const sync: SyncService = { discover: async () => ({}) as never, start: () => 'r', cancel: () => {}, ack: () => {}, resume: () => [], shutdown: async () => {} };
  host = await startBrowserHost({
    rendererDir,
    logger,
    createApi: (e) => {
      emit = e;
      return createHandlers({ host: 'browser', version: '9', dataDir: '/d', logger, openExternal: async () => {}, sync, emit: e });
    },
  });
});
afterAll(() => host.close());

const origin = () => `http://127.0.0.1:${host.port}`;

function connect(opts: { token?: string; origin?: string; host?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${opts.token ?? host.token}`, {
    origin: opts.origin ?? origin(),
    headers: opts.host ? { host: opts.host } : undefined,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, method: string, arg?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = decodeWire<{ id?: number }>(data.toString());
      if (frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
    ws.send(encodeWire({ id, method, arg }));
  });
}

describe('browser-mode host', () => {
  it('binds to loopback and prints a URL whose fragment carries the secret', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP and falls back to index.html', async () => {
    const res = await fetch(`${origin()}/some/route`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<title>t</title>');
    expect((await fetch(`${origin()}/assets/a.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('refuses path traversal and foreign Host headers (DNS rebinding)', async () => {
    const res = await fetch(`${origin()}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (r) => resolve(r.statusCode!));
    });
    expect(status).toBe(421);
  });

  it('refuses API connections without the right token or from another origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ host: `evil.example:${host.port}` })).rejects.toThrow();
  });

  it('answers calls and pushes events over the socket', async () => {
    const ws = await connect();
    expect(await call(ws, 1, 'getAppInfo')).toMatchObject({ id: 1, ok: true, value: { host: 'browser', version: '9' } });
    expect(await call(ws, 2, 'openExternal', 'file:///etc/passwd')).toMatchObject({ id: 2, ok: false, error: { code: 'invalid-argument' } });
    const event = new Promise((resolve) => ws.once('message', (d) => resolve(decodeWire(d.toString()))));
    emit('sync:progress', { runId: 'r', phase: 'fetching', found: 1, fetched: 0, notModified: 0, stored: 0, failed: 0, images: 0, bytes: 0, etaSeconds: null });
    expect(await event).toMatchObject({ event: 'sync:progress', payload: { runId: 'r', found: 1 } });
    ws.close();
  });
});
