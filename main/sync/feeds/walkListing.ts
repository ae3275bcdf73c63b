import { decodeHtml } from './decodeBody';
import type { DocValidators, FetchLike } from './feedTypes';
import { parseListingPage, type ListingOptions, type ListingPage } from './parseListingPage';

export interface WalkListingOptions extends ListingOptions {
  /** Safety stop for endless or cyclic pagination. Default 1000. */
  maxPages?: number;
  signal?: AbortSignal;
  /** Validators from the last walk, by page URL: an unchanged page (304) ends the walk. */
  previous?: Record<string, DocValidators>;
}

export interface WalkedListingPage extends ListingPage {
  /** The page answered 304: nothing on it (or, for page 1, in the listing) changed; the walk stops here. */
  notModified: boolean;
  /** Validators to remember for this page URL (the URL requested, which `url` may differ from after redirects). */
  requestedUrl: string;
  state: DocValidators;
}

/**
 * Follows a listing's pagination from `startUrl`, yielding each page. Stops at
 * the last page, a repeated page, an unchanged (304) page or `maxPages`; `break`
 * out of the loop to stop early (e.g. once a page holds only articles already stored).
 */
export async function* walkListing(
  startUrl: string,
  fetch: FetchLike,
  options: WalkListingOptions = {},
): AsyncGenerator<WalkedListingPage> {
  const maxPages = options.maxPages ?? 1000;
  const visited = new Set<string>();
  let next: string | undefined = startUrl;
  for (let pages = 0; next && pages < maxPages; pages++) {
    const requestedUrl: string = next;
    visited.add(requestedUrl);
    const before = options.previous?.[requestedUrl];
    const res = await fetch(requestedUrl, {
      signal: options.signal,
      accept: 'text/html,application/xhtml+xml',
      etag: before?.etag,
      lastModified: before?.lastModified,
    });
    const state: DocValidators = {};
    if (res.etag) state.etag = res.etag;
    if (res.lastModified) state.lastModified = res.lastModified;
    if (res.notModified) {
      yield { url: res.finalUrl, title: '', articles: [], notModified: true, requestedUrl, state };
      return;
    }
    visited.add(res.finalUrl);
    const page = parseListingPage(decodeHtml(res.body, res.headers['content-type']), res.finalUrl, options);
    yield { ...page, notModified: false, requestedUrl, state };
    next = page.nextUrl && !visited.has(page.nextUrl) ? page.nextUrl : undefined;
  }
}
