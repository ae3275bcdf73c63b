import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ArchiveApi } from '../../shared/api/archiveApi';
import { contentSecurityPolicy } from '../../shared/api/contentSecurityPolicy';
import { decodeWire, encodeWire, type ClientFrame, type ServerFrame } from '../../shared/api/wireCodec';
import type { Emit } from '../api/createHandlers';
import { dispatchCall } from '../api/dispatchCall';
import type { Logger } from '../log/createLogger';

export interface BrowserHostOptions {
  rendererDir: string;
  logger: Logger;
  createApi(emit: Emit): ArchiveApi;
  /** 0 picks a free port; a busy preferred port falls back to a free one. */
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Browser mode: serves the built renderer and the same typed API over a WebSocket, bound to loopback.
 * A per-launch secret (in the URL fragment, so it never reaches logs or Referer headers) must accompany
 * the socket; the Host and Origin checks stop other sites, including DNS-rebinding ones, from calling in.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { logger } = opts;
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.resolve(rendererDir, `.${pathname}`);
    if (!file.startsWith(rendererDir + path.sep) && file !== rendererDir) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The renderer is not built: run `npm run build`.');
      return;
    }
    const ext = path.extname(file);
    const origins = [...allowedHosts()].map((h) => `ws://${h}`);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(origins),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 512 * 1024 * 1024 });
  const clients = new Set<WebSocket>();

  const emit: Emit = (event, payload) => {
    const frame = encodeWire({ event, payload } satisfies ServerFrame);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  };
  const api = opts.createApi(emit);

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hostOk = allowedHosts().has(req.headers.host ?? '');
    const originOk = [...allowedHosts()].some((h) => req.headers.origin === `http://${h}`);
    const tokenOk = safeEqual(url.searchParams.get('token') ?? '', token);
    if (url.pathname !== '/api' || !hostOk || !originOk || !tokenOk) {
      logger.warn(`refused API connection (path ${url.pathname}, host ok ${hostOk}, origin ok ${originOk}, token ok ${tokenOk})`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', async (data) => {
        let frame: ClientFrame;
        try {
          frame = decodeWire<ClientFrame>(data.toString());
        } catch {
          logger.warn('dropped a malformed API frame');
          return;
        }
        if (typeof frame?.id !== 'number' || typeof frame.method !== 'string') return;
        const result = await dispatchCall(api, frame.method, frame.arg, logger);
        if (ws.readyState === ws.OPEN) ws.send(encodeWire({ id: frame.id, ...result } as ServerFrame));
      });
    });
  });

  try {
    port = await listen(server, opts.port ?? 0);
  } catch (err) {
    if (!opts.port) throw err;
    logger.warn(`port ${opts.port} is busy; using a free one`);
    port = await listen(server, 0);
  }
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  logger.info(`browser host listening on 127.0.0.1:${port}`);

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
