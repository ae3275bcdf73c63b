// Click-tracking parameters: they vary per campaign but never change which article is served,
// so keeping them would store the same article under several keys.
const TRACKING_PARAM = /^(utm_[a-z0-9_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid)$/i;

/**
 * Absolute form of `url` (resolved against `base`) without tracking parameters or fragment.
 * A "#!" fragment is kept because hash-bang sites route on it. Throws TypeError if `url` cannot be parsed.
 */
export function canonicalizeUrl(url: string, base?: string): string {
  const u = new URL(url.trim(), base);
  const keep = [...u.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  if (keep.length !== [...u.searchParams].length) {
    // Rebuilding only when something was dropped leaves untouched query strings byte-identical.
    u.search = keep.length ? new URLSearchParams(keep).toString() : '';
  }
  if (!u.hash.startsWith('#!')) u.hash = '';
  return u.href;
}

/** Like canonicalizeUrl, but null instead of throwing; for URLs taken from page markup. */
export function tryCanonicalizeUrl(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  try {
    return canonicalizeUrl(url, base);
  } catch {
    return null;
  }
}
