/**
 * Answers the question "how do I reach this URL?" in Chromium's PAC-result form, e.g. "DIRECT",
 * "PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port". Electron's
 * `session.resolveProxy` answers exactly this; the browser-mode host builds the same from the
 * environment.
 */
export type ProxyResolver = (url: string) => Promise<string>;

export type PacEntry =
  | { kind: 'direct' }
  | { kind: 'proxy'; scheme: 'http' | 'https'; host: string; port: number; username?: string; password?: string }
  | { kind: 'unsupported'; scheme: string; raw: string };

/** What the fetcher does with a PAC result: the first entry it can use. */
export type PacRoute =
  | { kind: 'direct' }
  | { kind: 'proxy'; url: string; username?: string; password?: string }
  /** Only proxies we cannot speak (SOCKS, QUIC) were offered, and no DIRECT fallback. */
  | { kind: 'unsupported'; schemes: string[] };

const PROXY_KEYWORDS: Record<string, 'http' | 'https'> = { PROXY: 'http', HTTP: 'http', HTTPS: 'https' };

/**
 * Parses a PAC result. Unknown or malformed entries become 'unsupported' rather than throwing, since
 * the text comes from the OS or the user's PAC script. An empty result means DIRECT (Chromium's rule).
 * As our own extension, `PROXY user:pass@host:port` carries credentials (percent-encoded), so an
 * environment proxy URL with userinfo survives the trip through the resolver.
 */
export function parsePacResult(text: string): PacEntry[] {
  const entries: PacEntry[] = [];
  for (const part of text.split(';')) {
    const raw = part.trim();
    if (!raw) continue;
    const m = /^(\S+)(?:\s+(\S+))?$/.exec(raw);
    const keyword = (m?.[1] ?? '').toUpperCase();
    if (m && keyword === 'DIRECT' && !m[2]) {
      entries.push({ kind: 'direct' });
      continue;
    }
    const scheme = PROXY_KEYWORDS[keyword];
    const target = m?.[2] && scheme ? parseHostPort(m[2], scheme === 'https' ? 443 : 80) : undefined;
    if (scheme && target) entries.push({ kind: 'proxy', scheme, ...target });
    else entries.push({ kind: 'unsupported', scheme: keyword || raw, raw });
  }
  return entries.length ? entries : [{ kind: 'direct' }];
}

/**
 * Every usable entry in the PAC answer's order (repeats dropped), or one `unsupported` route naming the
 * schemes skipped when none is usable. The fetcher tries them in turn, as Chromium does: a proxy that
 * cannot be reached is passed over for a while and the next entry used.
 */
export function usablePacRoutes(entries: PacEntry[]): PacRoute[] {
  const skipped: string[] = [];
  const routes: PacRoute[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'direct') {
      if (!seen.has('DIRECT')) routes.push({ kind: 'direct' });
      seen.add('DIRECT');
    } else if (e.kind === 'proxy') {
      const host = e.host.includes(':') ? `[${e.host}]` : e.host;
      const url = `${e.scheme}://${host}:${e.port}`;
      if (seen.has(url)) continue;
      seen.add(url);
      routes.push({
        kind: 'proxy',
        url,
        ...(e.username !== undefined ? { username: e.username } : {}),
        ...(e.password !== undefined ? { password: e.password } : {}),
      });
    } else if (!skipped.includes(e.scheme)) {
      skipped.push(e.scheme);
    }
  }
  return routes.length ? routes : [{ kind: 'unsupported', schemes: skipped }];
}

/** The first usable entry (or why there is none). */
export function choosePacRoute(entries: PacEntry[]): PacRoute {
  return usablePacRoutes(entries)[0];
}

function parseHostPort(
  text: string,
  defaultPort: number,
): { host: string; port: number; username?: string; password?: string } | undefined {
  let rest = text;
  let username: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    username = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
    password = colon >= 0 ? decode(userinfo.slice(colon + 1)) : undefined;
    if (username === undefined || (colon >= 0 && password === undefined)) return undefined;
  }
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s/]+))(?::(\d{1,5}))?$/i.exec(rest);
  if (!m) return undefined;
  const port = m[3] === undefined ? defaultPort : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return {
    host: (m[1] ?? m[2]).toLowerCase(),
    port,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
