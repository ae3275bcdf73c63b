import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export interface Loopback {
  url: string;
  /** Requests in arrival order, with Date.now() at arrival. */
  seen: SeenRequest[];
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

/**
 * A scriptable HTTP server on 127.0.0.1 for exact timing and edge cases the
 * fixture portal does not produce. `/robots.txt` answers 404 unless the handler
 * claims it.
 */
export async function startLoopback(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void | boolean,
): Promise<Loopback> {
  const seen: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ path, at: Date.now(), headers: req.headers });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const handled = handler(req, res, n);
    if (handled === false && !res.headersSent) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    hits: (p) => seen.filter((s) => s.path === p),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
