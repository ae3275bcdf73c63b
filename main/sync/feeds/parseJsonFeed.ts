import { cleanItem } from './cleanItem';
import { FeedError } from './FeedError';
import type { FeedDocument, FeedItem } from './feedTypes';
import { htmlToText } from './htmlText';
import { resolveLink } from './resolveLink';
import { toIsoDate } from './toIsoDate';

type Json = Record<string, unknown>;

/** Parses JSON Feed 1.0/1.1. */
export function parseJsonFeed(text: string, baseUrl?: string): FeedDocument {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FeedError('malformed-feed', `the JSON Feed is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const feed = data as Json;
  if (!feed || typeof feed !== 'object' || typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedError('unsupported-format', 'the JSON document is not a JSON Feed (no jsonfeed.org "version")');
  }
  if (!Array.isArray(feed.items)) throw new FeedError('malformed-feed', 'the JSON Feed has no "items" array');
  const base = str(feed.feed_url) ?? baseUrl;
  const items: FeedItem[] = [];
  for (const raw of feed.items as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Json;
    const id = str(it.id);
    const url =
      resolveLink(str(it.url), base) ??
      resolveLink(str(it.external_url), base) ??
      (id && /^https?:\/\//i.test(id) ? resolveLink(id) : undefined);
    if (!url) continue;
    const authors = Array.isArray(it.authors) ? (it.authors as Json[]) : it.author ? [it.author as Json] : [];
    items.push(
      cleanItem({
        url,
        title: str(it.title)?.replace(/\s+/g, ' ').trim(),
        publishedAt: toIsoDate(str(it.date_published)),
        updatedAt: toIsoDate(str(it.date_modified)),
        category: Array.isArray(it.tags) ? str(it.tags[0]) : undefined,
        author: authors.map((a) => str(a?.name)).find((n) => n),
        summary: str(it.summary) ?? teaser(str(it.content_text) ?? htmlToText(str(it.content_html) ?? '')),
      }),
    );
  }
  return {
    kind: 'jsonfeed',
    format: 'jsonfeed',
    title: str(feed.title) ?? '',
    siteUrl: resolveLink(str(feed.home_page_url), base),
    items,
  };
}

// Without a summary, the start of the full text stands in, as readers show a teaser, not the article.
function teaser(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length <= 300 ? t : `${t.slice(0, 299).trimEnd()}…`;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
