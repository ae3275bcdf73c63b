import net from 'node:net';
import type { ProxyResolver } from './pacResult';

/** The environment variables that describe a proxy; lower-case wins over upper-case, as in curl. */
type ProxyEnv = Record<string, string | undefined>;

function readEnv(env: ProxyEnv, name: string): string {
  return (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '').trim();
}

/**
 * The browser-mode host's "system proxy": HTTP_PROXY for http URLs, HTTPS_PROXY for https URLs
 * (ALL_PROXY as a fallback for both), except hosts matched by NO_PROXY and loopback addresses, which
 * Chromium also never sends through a system proxy. Answers in PAC form like Electron's resolver.
 */
export function envProxyResolver(env: ProxyEnv = process.env): ProxyResolver {
  return async (url) => envProxyFor(url, env);
}

export function envProxyFor(url: string, env: ProxyEnv): string {
  const u = new URL(url);
  const value = readEnv(env, u.protocol === 'https:' ? 'https_proxy' : 'http_proxy') || readEnv(env, 'all_proxy');
  if (!value) return 'DIRECT';
  if (isLoopback(hostOf(u)) || matchesNoProxy(u, readEnv(env, 'no_proxy'))) return 'DIRECT';
  return proxyValueToPac(value);
}

function proxyValueToPac(value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let p: URL;
  try {
    p = new URL(withScheme);
  } catch {
    // Never echo the value: it may hold a password. The fetcher reports this as an unusable proxy.
    return 'INVALID-ENV-PROXY';
  }
  const userinfo = p.username || p.password ? `${p.username}${p.password ? `:${p.password}` : ''}@` : '';
  const port = p.port || (p.protocol === 'https:' ? '443' : p.protocol.startsWith('socks') ? '1080' : '80');
  const hostPort = `${p.hostname}:${port}`;
  switch (p.protocol) {
    case 'http:':
      return `PROXY ${userinfo}${hostPort}`;
    case 'https:':
      return `HTTPS ${userinfo}${hostPort}`;
    case 'socks:':
    case 'socks5:':
    case 'socks5h:':
      return `SOCKS5 ${hostPort}`;
    case 'socks4:':
    case 'socks4a:':
      return `SOCKS4 ${hostPort}`;
    default:
      return 'INVALID-ENV-PROXY';
  }
}

function hostOf(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function portOf(u: URL): number {
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return net.isIPv4(host) && host.startsWith('127.');
}

/**
 * NO_PROXY as curl and most tools read it: comma- or space-separated; `*` matches everything; a name
 * matches itself and its subdomains (a leading `.` or `*.` changes nothing); an optional `:port`
 * restricts the entry to that port; IP addresses match exactly, IPv4 ranges in CIDR form too.
 */
export function matchesNoProxy(url: URL, noProxy: string): boolean {
  const host = hostOf(url);
  const port = portOf(url);
  for (const rawEntry of noProxy.toLowerCase().split(/[\s,]+/)) {
    let entry = rawEntry.trim();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1];
      if (bracketed[2]) entryPort = Number(bracketed[2]);
    } else if (!net.isIPv6(entry) && !entry.includes('/')) {
      const m = /^(.*):(\d+)$/.exec(entry);
      if (m) {
        entry = m[1];
        entryPort = Number(m[2]);
      }
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    if (net.isIP(entry)) {
      if (entry === host) return true;
      continue;
    }
    const domain = entry.replace(/^\*?\./, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function inCidr(host: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!net.isIPv4(host) || !net.isIPv4(base) || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ipv4ToInt(host) & mask) >>> 0) === ((ipv4ToInt(base) & mask) >>> 0);
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => ((n << 8) | Number(octet)) >>> 0, 0);
}
