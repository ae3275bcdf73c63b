import { decodeXml } from './decodeBody';
import type { DocValidators, FeedDocument, FetchLike } from './feedTypes';
import { parseFeedDocument } from './parseFeedDocument';

export interface FetchedFeed {
  /** The URL as requested (the key for stored validators). */
  url: string;
  finalUrl: string;
  /** Answered 304 to `previous`: `doc` is absent, nothing changed. */
  notModified: boolean;
  doc?: FeedDocument;
  /** Validators to remember for `url`. */
  state: DocValidators;
}

/**
 * Fetches and parses a feed (or sitemap), conditionally when `previous`
 * validators are given. FetchError and FeedError propagate.
 */
export async function fetchFeed(
  url: string,
  fetch: FetchLike,
  options: { previous?: DocValidators; signal?: AbortSignal } = {},
): Promise<FetchedFeed> {
  const res = await fetch(url, {
    signal: options.signal,
    accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5',
    etag: options.previous?.etag,
    lastModified: options.previous?.lastModified,
  });
  const state: DocValidators = {};
  if (res.etag) state.etag = res.etag;
  if (res.lastModified) state.lastModified = res.lastModified;
  if (res.notModified) return { url, finalUrl: res.finalUrl, notModified: true, state };
  const contentType = res.headers['content-type'];
  const doc = parseFeedDocument(decodeXml(res.body, contentType), res.finalUrl, contentType);
  return { url, finalUrl: res.finalUrl, notModified: false, doc, state };
}
