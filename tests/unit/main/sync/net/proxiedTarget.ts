import { startForwardProxy, type ForwardProxy } from './forwardProxy';
import { startLoopback, type Loopback } from './loopbackServer';

/** A user name and password with non-ASCII letters and the characters Basic auth must carry intact. */
export const PROXY_USER = 'nhân viên';
export const PROXY_PASS = 'p@ss: word';
export const PROXY_AUTH = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASS}`).toString('base64')}`;

/**
 * A loopback site that answers `hello <path>` (and has no robots.txt) behind a forward proxy that asks
 * for `credentials` when given; both are closed by the test's `closers`.
 */
export async function startProxiedTarget(
  closers: Array<() => Promise<void>>,
  credentials?: { username: string; password: string },
): Promise<{ target: Loopback; proxy: ForwardProxy }> {
  const target = await startLoopback((req, res) => {
    if (req.url === '/robots.txt') return false;
    res.end(`hello ${req.url}`);
  });
  const proxy = await startForwardProxy(credentials);
  closers.push(() => target.close(), () => proxy.close());
  return { target, proxy };
}
