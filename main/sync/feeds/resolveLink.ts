import { tryCanonicalizeUrl } from '../../extract/canonicalizeUrl';

/**
 * Resolves a link found in a feed, sitemap or page against `base` and returns
 * the app-wide canonical form (tracking parameters and fragment dropped, as the
 * extractor does), so an article reached via a feed, a sitemap and a listing is
 * one key. Undefined for empty, unparseable or non-http(s) links.
 */
export function resolveLink(href: string | undefined | null, base?: string): string | undefined {
  const raw = href?.trim();
  if (!raw) return undefined;
  const url = tryCanonicalizeUrl(raw, base);
  if (!url || !/^https?:/i.test(url)) return undefined;
  return url;
}
