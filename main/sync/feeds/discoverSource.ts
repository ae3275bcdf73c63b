import type { SourceKind } from '../../../shared/model/source';
import { decodeHtml, decodeXml } from './decodeBody';
import { FeedError } from './FeedError';
import type { FetchLike } from './feedTypes';
import { isInChrome, isInMenu, pageTitle, textContent, withHtmlDocument } from './htmlDocument';
import { parseFeedDocument } from './parseFeedDocument';
import { looksLikeArticleUrl, readListing } from './parseListingPage';
import { resolveLink } from './resolveLink';
import { sniffDocument } from './sniffDocument';

/** What the URL itself is, in the Source model's terms ('portal' = a site page that is neither feed nor listing). */
export type DiscoveredKind = Exclude<SourceKind, 'guide'>;
/** The finer format behind `kind`: RSS version, and sitemap index vs url set. */
export type DiscoveredFormat = 'html' | 'rss2' | 'rss1' | 'atom' | 'jsonfeed' | 'sitemap' | 'sitemapindex';
export type DiscoveredFeedKind = 'rss' | 'atom' | 'jsonfeed';

export interface DiscoveredFeed {
  url: string;
  title: string;
  kind: DiscoveredFeedKind;
}

export interface DiscoveredListing {
  url: string;
  title: string;
}

export interface DiscoveryResult {
  /** The URL as the user gave it. */
  url: string;
  /** Where it ended up after redirects. */
  finalUrl: string;
  kind: DiscoveredKind;
  format: DiscoveredFormat;
  title: string;
  /** Feeds for new articles: linked from the page, or found at well-known paths. */
  feeds: DiscoveredFeed[];
  /** Sitemaps (robots.txt `Sitemap:` lines, `/sitemap.xml`) for backfilling the archive. */
  sitemaps: string[];
  /** Paginated category listings (the page itself first when it is one). */
  listings: DiscoveredListing[];
}

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** Look for sitemaps in robots.txt and at /sitemap.xml. Default true. */
  findSitemaps?: boolean;
  /** Try a few well-known feed paths (/feed, /rss, /atom.xml, /feed.json…) on the site. Default true. */
  probeFeeds?: boolean;
}

const FEED_TYPES: Record<string, DiscoveredFeedKind> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'jsonfeed',
  // Not plain application/json: WordPress links its REST API that way.
};

const WELL_KNOWN_FEEDS = ['/feed', '/rss', '/rss.xml', '/feed.xml', '/atom.xml', '/feed.json', '/index.xml'];

// Path words Vietnamese (and other) portals use for category pages.
const CATEGORY_PATH = /\/(?:chuyen-muc|danh-muc|chuyen-de|chuyen-trang|category|categories|section|topics?)\b/i;
const ASSET = /\.(?:png|jpe?g|gif|webp|svg|ico|css|js|pdf|docx?|xlsx?|zip|rar|mp3|mp4|rss|xml|json)$/i;

/**
 * Works out what `url` is and what a source built from it could use: its feeds,
 * its sitemaps and its category listings, for the user to pick from. Fetch errors
 * for the URL itself propagate (FetchError); failures of the optional probes
 * (robots.txt, /sitemap.xml, well-known feed paths) are ignored. A malformed feed
 * at `url` propagates as FeedError ('malformed-feed'), as does a URL that is
 * none of page, feed or sitemap ('unsupported-format').
 */
export async function discoverSource(url: string, fetch: FetchLike, options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const { signal } = options;
  const res = await fetch(url, { signal, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.5' });
  const contentType = res.headers['content-type'];
  let text = decodeXml(res.body, contentType);
  let sniffed = sniffDocument(text, contentType);
  if (sniffed === 'json' && /json/i.test(contentType ?? '')) sniffed = 'jsonfeed';
  const finalUrl = res.finalUrl;
  const sitemapsFor = () => (options.findSitemaps === false ? Promise.resolve([]) : findSitemaps(finalUrl, fetch, signal));

  if (sniffed === 'rss' || sniffed === 'rss1' || sniffed === 'atom' || sniffed === 'jsonfeed') {
    const doc = parseFeedDocument(text, finalUrl, contentType);
    const kind: DiscoveredFeedKind = doc.kind === 'atom' ? 'atom' : doc.kind === 'jsonfeed' ? 'jsonfeed' : 'rss';
    const title = doc.title || new URL(finalUrl).hostname;
    return {
      url, finalUrl, kind, format: doc.format as DiscoveredFormat, title,
      feeds: [{ url: finalUrl, title, kind }], sitemaps: await sitemapsFor(), listings: [],
    };
  }
  if (sniffed === 'sitemap' || sniffed === 'sitemapindex') {
    const doc = parseFeedDocument(text, finalUrl, contentType);
    return {
      url, finalUrl, kind: 'sitemap', format: doc.kind === 'sitemapindex' ? 'sitemapindex' : 'sitemap',
      title: new URL(finalUrl).hostname, feeds: [], sitemaps: [finalUrl], listings: [],
    };
  }

  if (sniffed !== 'html') {
    throw new FeedError('unsupported-format', `${finalUrl} is neither a web page, a feed nor a sitemap (${contentType || 'no content type'})`);
  }
  text = decodeHtml(res.body, contentType);
  const page = withHtmlDocument(text, finalUrl, (doc) => readPage(doc, finalUrl));
  const [probed, sitemaps] = await Promise.all([
    options.probeFeeds === false ? Promise.resolve([]) : probeFeeds(finalUrl, page.feeds, page.feedCandidates, fetch, signal),
    sitemapsFor(),
  ]);
  return {
    url,
    finalUrl,
    kind: page.kind,
    format: 'html',
    title: page.title,
    feeds: dedupe([...page.feeds, ...probed]),
    sitemaps,
    listings: page.listings,
  };
}

interface PageFindings {
  kind: 'portal' | 'listing';
  title: string;
  feeds: DiscoveredFeed[];
  /** Same-site links that look like feeds but must be fetched to be sure. */
  feedCandidates: string[];
  listings: DiscoveredListing[];
}

function readPage(doc: Document, pageUrl: string): PageFindings {
  const title = pageTitle(doc) || new URL(pageUrl).hostname;
  const feeds: DiscoveredFeed[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel~="alternate" i][href][type]'))) {
    const kind = FEED_TYPES[(link.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase()];
    const href = resolveLink(link.getAttribute('href'), pageUrl);
    if (kind && href) feeds.push({ url: href, title: link.getAttribute('title')?.trim() || title, kind });
  }

  const page = new URL(pageUrl);
  const host = bareHost(page.hostname);
  const feedCandidates: string[] = [];
  const listings = new Map<string, DiscoveredListing>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = resolveLink(a.getAttribute('href'), pageUrl);
    if (!href) continue;
    const u = new URL(href);
    if (bareHost(u.hostname) !== host) continue;
    if (/\.(?:rss|atom)$|\/(?:rss|feed|atom)(?:\.xml)?$/i.test(u.pathname)) {
      feedCandidates.push(href);
      continue;
    }
    if (u.pathname === '/' || u.pathname === page.pathname || ASSET.test(u.pathname) || looksLikeArticleUrl(u)) continue;
    if (!isInMenu(a) && !CATEGORY_PATH.test(u.pathname)) continue;
    const name = textContent(a) || a.getAttribute('title')?.trim() || '';
    if (name && !listings.has(href)) listings.set(href, { url: href, title: name });
  }

  const listing = readListing(doc, pageUrl);
  const isRoot = page.pathname === '/' || /^\/index\.\w+$/i.test(page.pathname);
  const isListing = !isRoot && (listing.nextUrl !== undefined || (CATEGORY_PATH.test(page.pathname) && listing.articles.length > 0));
  // A home page that paginates ("Tin mới", page 2, 3…) is itself the way into the whole archive.
  const self = isListing || (isRoot && listing.nextUrl !== undefined) ? [{ url: pageUrl, title: listingTitle(doc, title) }] : [];
  return {
    kind: isListing ? 'listing' : 'portal',
    title,
    feeds,
    feedCandidates,
    listings: dedupeListings([...self, ...listings.values()]),
  };
}

function listingTitle(doc: Document, fallback: string): string {
  const heading = doc.querySelector('h1, [class*="cat-title" i], [class*="category-title" i]');
  return (heading && !isInChrome(heading) && textContent(heading)) || fallback;
}

async function probeFeeds(
  pageUrl: string,
  known: DiscoveredFeed[],
  candidates: string[],
  fetch: FetchLike,
  signal: AbortSignal | undefined,
): Promise<DiscoveredFeed[]> {
  const origin = new URL(pageUrl).origin;
  const knownUrls = new Set(known.map((f) => f.url));
  const urls = [...new Set([...candidates, ...WELL_KNOWN_FEEDS.map((p) => origin + p)])].filter((u) => !knownUrls.has(u));
  const found = await Promise.all(
    urls.map(async (u): Promise<DiscoveredFeed | undefined> => {
      try {
        const res = await fetch(u, { signal, accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9' });
        const doc = parseFeedDocument(decodeXml(res.body, res.headers['content-type']), res.finalUrl, res.headers['content-type']);
        if (doc.kind === 'sitemap' || doc.kind === 'sitemapindex') return undefined;
        return { url: res.finalUrl, title: doc.title || new URL(res.finalUrl).hostname, kind: doc.kind };
      } catch {
        return undefined; // A guess that does not pan out is not an error.
      }
    }),
  );
  return found.filter((f): f is DiscoveredFeed => f !== undefined);
}

/** Sitemap URLs for the site of `pageUrl`: robots.txt `Sitemap:` lines, else /sitemap.xml if it is one. */
export async function findSitemaps(pageUrl: string, fetch: FetchLike, signal?: AbortSignal): Promise<string[]> {
  const origin = new URL(pageUrl).origin;
  const out: string[] = [];
  try {
    const res = await fetch(`${origin}/robots.txt`, { signal, accept: 'text/plain' });
    const text = new TextDecoder().decode(res.body);
    for (const m of text.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)) {
      const u = resolveLink(m[1], `${origin}/robots.txt`);
      if (u) out.push(u);
    }
  } catch {
    // No robots.txt is common and fine.
  }
  const guess = `${origin}/sitemap.xml`;
  if (!out.includes(guess)) {
    try {
      const res = await fetch(guess, { signal, accept: 'application/xml,text/xml' });
      const kind = sniffDocument(decodeXml(res.body, res.headers['content-type']));
      if (kind === 'sitemap' || kind === 'sitemapindex') out.push(res.finalUrl);
    } catch {
      // Not there; robots.txt was the authority anyway.
    }
  }
  return [...new Set(out)];
}

function dedupe(feeds: DiscoveredFeed[]): DiscoveredFeed[] {
  const seen = new Set<string>();
  return feeds.filter((f) => !seen.has(f.url) && (seen.add(f.url), true));
}

function dedupeListings(list: DiscoveredListing[]): DiscoveredListing[] {
  const seen = new Set<string>();
  return list.filter((l) => !seen.has(l.url) && (seen.add(l.url), true));
}

function bareHost(h: string): string {
  return h.toLowerCase().replace(/^www\./, '');
}
