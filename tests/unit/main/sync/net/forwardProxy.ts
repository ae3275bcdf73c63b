import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxySeen {
  /** The request line's target: an absolute URI for a proxied http request. */
  target: string;
  proxyAuthorization?: string;
}

export interface ForwardProxy {
  /** `http://127.0.0.1:port` */
  url: string;
  host: string;
  port: number;
  seen: ProxySeen[];
  close(): Promise<void>;
}

/**
 * A minimal HTTP forward proxy on loopback: accepts absolute-URI requests (what a client sends a proxy
 * for an http target), answers 407 unless Proxy-Authorization matches `credentials` (when given), and
 * relays the request upstream. CONNECT is refused, so a test passing through here proves the client
 * did not tunnel.
 */
export async function startForwardProxy(credentials?: { username: string; password: string }): Promise<ForwardProxy> {
  const seen: ProxySeen[] = [];
  const expected = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ target: String(req.url), ...(auth ? { proxyAuthorization: String(auth) } : {}) });
    if (!/^http:\/\//.test(String(req.url))) {
      res.writeHead(400).end('a proxy request needs an absolute URI');
      return;
    }
    if (expected && auth !== expected) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(String(req.url), { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
