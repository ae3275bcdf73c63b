/** How sync reaches the network: the host's system proxy, no proxy at all, or one the user typed. */
export type ProxyMode = 'system' | 'none' | 'manual';

/** Network settings as main shows them: never the password itself, only whether one is stored. */
export interface NetworkSettingsView {
  mode: ProxyMode;
  /** The manual proxy, normalized (`http://host:port`); '' when none was set. */
  proxyUrl: string;
  username: string;
  passwordSet: boolean;
  /** How a stored password is kept: encrypted by the OS keychain, or in a file only this user can read. */
  passwordStorage: 'encrypted' | 'owner-only-file';
  /**
   * The sign-in for whatever proxy the system picks, sent only after that proxy asks (407). Kept apart
   * from the manual proxy's, which is meant for one known proxy (see NetworkSettingsStore).
   */
  systemUsername: string;
  systemPasswordSet: boolean;
}

export interface NetworkSettingsUpdate {
  mode: ProxyMode;
  proxyUrl: string;
  username: string;
  /** A new password; '' or null removes the stored one; omitted keeps it. */
  password?: string | null;
  /** The system proxy's user name; omitted keeps it. */
  systemUsername?: string;
  /** A new password for the system proxy; '' or null removes the stored one; omitted keeps it. */
  systemPassword?: string | null;
}

export type ProxyUrlProblem = 'empty' | 'invalid' | 'scheme' | 'path';

/**
 * Normalizes what a user typed as a proxy address: `host:port` gets `http://`; only http(s) proxies
 * with nothing after the host are accepted (SOCKS is not supported by the fetcher). Credentials in the
 * URL are returned separately so they can be stored like a typed password.
 */
export function parseProxyUrl(
  input: string,
): { ok: true; url: string; username?: string; password?: string } | { ok: false; problem: ProxyUrlProblem } {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (!u.hostname || /\s/.test(text)) return { ok: false, problem: 'invalid' };
  if ((u.pathname && u.pathname !== '/') || u.search || u.hash) return { ok: false, problem: 'path' };
  const username = u.username ? safeDecode(u.username) : undefined;
  const password = u.password ? safeDecode(u.password) : undefined;
  return { ok: true, url: `${u.protocol}//${u.host}`, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
