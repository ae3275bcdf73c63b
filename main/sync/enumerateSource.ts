import type { DocState, SyncSourceSpec } from '../../shared/model/sync';
import { canonicalizeUrl } from '../extract/canonicalizeUrl';
import { decodeHtml, decodeXml } from './feeds/decodeBody';
import type { FeedItem } from './feeds/feedTypes';
import { parseFeedDocument } from './feeds/parseFeedDocument';
import { parseListingPage } from './feeds/parseListingPage';
import { sniffDocument } from './feeds/sniffDocument';
import type { Fetcher, FetchResult } from './net/Fetcher';

/** One article page to consider, with what the document that listed it knew. */
export interface Candidate {
  url: string;
  category?: string;
  publishedAt?: string;
  /** Sitemap <lastmod> or feed updated date. */
  updatedAt?: string;
}

export interface EnumerateContext {
  fetcher: Fetcher;
  signal: AbortSignal;
  /** Validators from the source's last complete sync. */
  previous: Record<string, DocState>;
  /** Validators seen in this run; committed only if the whole source syncs cleanly. */
  next: Record<string, DocState>;
  onCandidates(items: Candidate[]): void;
  /**
   * Sitemap url sets read in full (200) and skipped as unchanged (304). When every url set was read in
   * full, a known article missing from all of them may have been removed upstream.
   */
  urlsets: { read: number; unchanged: number; failed: number };
  /** A document that could not be read; the others go on. */
  onDocError(url: string, err: unknown): void;
}

const MAX_LISTING_PAGES = 2000;
const MAX_SITEMAPS = 2000;

async function conditionalGet(ctx: EnumerateContext, url: string, accept: string): Promise<FetchResult> {
  const prev = ctx.previous[url];
  return ctx.fetcher.fetch(url, { etag: prev?.etag, lastModified: prev?.lastModified, accept, signal: ctx.signal });
}

function remember(ctx: EnumerateContext, url: string, res: FetchResult, children?: string[]) {
  if (res.notModified) ctx.next[url] = ctx.previous[url] ?? {};
  else ctx.next[url] = { etag: res.etag, lastModified: res.lastModified, ...(children ? { children } : {}) };
}

const toCandidate = (item: FeedItem): Candidate => ({
  url: canonicalizeUrl(item.url),
  category: item.category,
  publishedAt: item.publishedAt,
  updatedAt: item.updatedAt,
});

/** A feed: a 304 means every item was stored by the last complete sync. */
async function readFeed(ctx: EnumerateContext, url: string) {
  const res = await conditionalGet(ctx, url, 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5');
  remember(ctx, url, res);
  if (res.notModified) return;
  const doc = parseFeedDocument(decodeXml(res.body, res.headers['content-type']), res.finalUrl, res.headers['content-type']);
  if (doc.kind === 'sitemap' || doc.kind === 'sitemapindex') {
    await readSitemap(ctx, url, new Set(), res);
    return;
  }
  ctx.onCandidates(doc.items.map(toCandidate));
}

/**
 * A sitemap or sitemap index. An index is walked even when unchanged (304), from the remembered child
 * list, because indexes often carry no <lastmod> while their children change.
 */
async function readSitemap(ctx: EnumerateContext, url: string, visited: Set<string>, first?: FetchResult) {
  if (visited.has(url) || visited.size >= MAX_SITEMAPS) return;
  visited.add(url);
  const res = first ?? (await conditionalGet(ctx, url, 'application/xml, text/xml;q=0.9, */*;q=0.5'));
  if (res.notModified) {
    const children = ctx.previous[url]?.children;
    remember(ctx, url, res);
    if (!children) ctx.urlsets.unchanged++;
    for (const child of children ?? []) await readSitemapSafely(ctx, child, visited);
    return;
  }
  const doc = parseFeedDocument(decodeXml(res.body, res.headers['content-type']), res.finalUrl, res.headers['content-type']);
  if (doc.kind === 'sitemapindex') {
    const children = doc.items.map((i) => i.url);
    remember(ctx, url, res, children);
    for (const child of children) await readSitemapSafely(ctx, child, visited);
    return;
  }
  remember(ctx, url, res);
  ctx.urlsets.read++;
  ctx.onCandidates(doc.items.map(toCandidate));
}

async function readSitemapSafely(ctx: EnumerateContext, url: string, visited: Set<string>) {
  try {
    await readSitemap(ctx, url, visited);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    ctx.urlsets.failed++;
    ctx.onDocError(url, err);
  }
}

/** Category listing pagination (rel=next); pages are not conditional because page N shifts as articles arrive. */
async function readListing(ctx: EnumerateContext, startUrl: string, first?: FetchResult) {
  const visited = new Set<string>();
  let next: string | undefined = startUrl;
  let res = first;
  while (next && visited.size < MAX_LISTING_PAGES) {
    visited.add(next);
    res ??= await ctx.fetcher.fetch(next, { accept: 'text/html', signal: ctx.signal });
    visited.add(res.finalUrl);
    const page = parseListingPage(decodeHtml(res.body, res.headers['content-type']), res.finalUrl);
    ctx.onCandidates(page.articles.map((l) => ({ url: canonicalizeUrl(l.url) })));
    next = page.nextUrl && !visited.has(page.nextUrl) ? page.nextUrl : undefined;
    res = undefined;
  }
}

/** Backfill URLs are sitemaps or listings; the body says which. */
async function readBackfill(ctx: EnumerateContext, url: string) {
  const res = await conditionalGet(ctx, url, 'application/xml, text/html;q=0.9, */*;q=0.5');
  if (res.notModified) {
    await readSitemap(ctx, url, new Set(), res);
    return;
  }
  const kind = sniffDocument(decodeXml(res.body.subarray(0, 4096), res.headers['content-type']), res.headers['content-type']);
  if (kind === 'sitemap' || kind === 'sitemapindex') await readSitemap(ctx, url, new Set(), res);
  else if (kind === 'html') await readListing(ctx, url, res);
  else await readFeed(ctx, url);
}

/** Finds every article URL a source offers; each document fails on its own without stopping the rest. */
export async function enumerateSource(spec: SyncSourceSpec, ctx: EnumerateContext): Promise<void> {
  const jobs: [string, (c: EnumerateContext, u: string) => Promise<void>][] = [
    ...spec.feedUrls.map((u) => [u, readFeed] as [string, typeof readFeed]),
    ...spec.backfillUrls.map((u) => [u, readBackfill] as [string, typeof readBackfill]),
  ];
  for (const [url, read] of jobs) {
    try {
      await read(ctx, url);
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      ctx.onDocError(url, err);
    }
  }
}
