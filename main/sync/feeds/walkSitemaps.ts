import { gunzipSync } from 'node:zlib';
import { decodeXml } from './decodeBody';
import { FeedError } from './FeedError';
import type { DocValidators, FeedItem, FetchLike } from './feedTypes';
import { parseSitemap } from './parseSitemap';

export interface SitemapDoc {
  /** The URL as requested: the key for `previous` next time. */
  sitemapUrl: string;
  kind: 'urlset' | 'index';
  /** Pages (urlset) or child sitemaps (index), with `updatedAt` from <lastmod>. Empty for an unchanged urlset. */
  items: FeedItem[];
  /** Answered 304 to the validators in `previous`. */
  notModified: boolean;
  /** What to remember for this document (validators; children for an index). */
  state: DocValidators;
}

export interface WalkSitemapsOptions {
  /** Most sitemap documents fetched in total (index + children). Default 1000. */
  maxSitemaps?: number;
  /** Most levels of nested indexes followed. Default 3. */
  maxDepth?: number;
  signal?: AbortSignal;
  /** Validators from the last complete walk, by sitemap URL: unchanged documents answer 304. */
  previous?: Record<string, DocValidators>;
  /** Skip a child sitemap whose <lastmod> in the index is not newer than this (ISO); for incremental syncs. */
  changedSince?: string;
}

/**
 * Walks a sitemap or sitemap index depth-first, yielding every document it
 * reads (indexes too, so their state can be stored). An index that answers 304
 * is walked through the children remembered in `previous`. Gzipped sitemaps are
 * inflated. Fetch and parse errors propagate: a half-read archive must not look
 * like a complete one.
 */
export async function* walkSitemaps(rootUrl: string, fetch: FetchLike, options: WalkSitemapsOptions = {}): AsyncGenerator<SitemapDoc> {
  const maxSitemaps = options.maxSitemaps ?? 1000;
  const maxDepth = options.maxDepth ?? 3;
  const previous = options.previous ?? {};
  const changedSince = options.changedSince ? Date.parse(options.changedSince) : undefined;
  const visited = new Set<string>();
  const stack: Array<{ url: string; depth: number }> = [{ url: rootUrl, depth: 0 }];
  while (stack.length && visited.size < maxSitemaps) {
    const { url, depth } = stack.pop()!;
    if (visited.has(url)) continue;
    visited.add(url);
    const before = previous[url];
    const res = await fetch(url, {
      signal: options.signal,
      accept: 'application/xml,text/xml;q=0.9,*/*;q=0.5',
      etag: before?.etag,
      lastModified: before?.lastModified,
    });
    const validators: DocValidators = {};
    if (res.etag) validators.etag = res.etag;
    if (res.lastModified) validators.lastModified = res.lastModified;

    let kind: 'urlset' | 'index';
    let items: FeedItem[];
    if (res.notModified) {
      kind = before?.children ? 'index' : 'urlset';
      items = (before?.children ?? []).map((u) => ({ url: u }));
    } else {
      const doc = parseSitemap(decodeXml(maybeGunzip(res.body, res.finalUrl), res.headers['content-type']), res.finalUrl);
      kind = doc.kind === 'sitemapindex' ? 'index' : 'urlset';
      items = doc.items;
    }
    const state: DocValidators = kind === 'index' ? { ...validators, children: items.map((i) => i.url) } : validators;
    yield { sitemapUrl: url, kind, items: kind === 'urlset' && res.notModified ? [] : items, notModified: res.notModified === true, state };

    if (kind !== 'index' || depth >= maxDepth) continue;
    // Reverse so the stack pops children in index order.
    for (const child of [...items].reverse()) {
      if (changedSince !== undefined && child.updatedAt && Date.parse(child.updatedAt) <= changedSince) continue;
      stack.push({ url: child.url, depth: depth + 1 });
    }
  }
}

// The sitemap protocol caps a file at 50 MB uncompressed; more is a zip bomb or a broken server.
const MAX_INFLATED = 64 * 1024 * 1024;

function maybeGunzip(body: Uint8Array, url: string): Uint8Array {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: MAX_INFLATED });
  } catch (e) {
    throw new FeedError('malformed-feed', `the gzipped sitemap ${url} could not be inflated: ${e instanceof Error ? e.message : String(e)}`);
  }
}
