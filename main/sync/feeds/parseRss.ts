import { FeedError } from './FeedError';
import { cleanItem } from './cleanItem';
import type { FeedDocument, FeedItem } from './feedTypes';
import { decodeEntities, htmlToText } from './htmlText';
import { resolveLink } from './resolveLink';
import { toIsoDate } from './toIsoDate';
import { asArray, attr, child, parseXml, textOf } from './xmlDocument';

/** Parses RSS 2.0 (also 0.9x) or RSS 1.0 (RDF). `baseUrl` resolves relative links. */
export function parseRss(text: string, baseUrl?: string): FeedDocument {
  const { root, node } = parseXml(text, 'malformed-feed', 'the RSS feed');
  if (root === 'rss') return readRss2(node, baseUrl);
  if (root === 'RDF') return readRss1(node, baseUrl);
  throw new FeedError('unsupported-format', `expected an RSS feed but the document's root element is <${root}>`);
}

/** Reads a parsed `<rss>` element. */
export function readRss2(rss: Record<string, unknown>, baseUrl?: string): FeedDocument {
  const channel = asArray(child(rss, 'channel'))[0];
  if (!channel) throw new FeedError('malformed-feed', 'the RSS feed has no <channel>');
  const siteUrl = resolveLink(plainLink(child(channel, 'link')), baseUrl);
  const base = siteUrl ?? baseUrl;
  const items: FeedItem[] = [];
  for (const item of asArray(child(channel, 'item'))) {
    const url = itemUrl(item, base);
    if (!url) continue;
    items.push(
      cleanItem({
        url,
        title: titleOf(child(item, 'title')),
        publishedAt: toIsoDate(textOf(child(item, 'pubDate')) ?? textOf(child(item, 'date'))),
        updatedAt: toIsoDate(textOf(child(item, 'updated')) ?? textOf(child(item, 'modified'))),
        category: categoryOf(child(item, 'category')) ?? textOf(child(item, 'subject')),
        author: textOf(child(item, 'creator')) ?? authorOf(textOf(child(item, 'author'))),
        summary: summaryOf(textOf(child(item, 'description')) ?? textOf(child(item, 'encoded'))),
      }),
    );
  }
  return { kind: 'rss', format: 'rss2', title: titleOf(child(channel, 'title')) ?? '', siteUrl, items };
}

/** Reads a parsed `<rdf:RDF>` element (RSS 1.0: items are siblings of the channel). */
export function readRss1(rdf: Record<string, unknown>, baseUrl?: string): FeedDocument {
  const channel = asArray(child(rdf, 'channel'))[0];
  const siteUrl = resolveLink(plainLink(child(channel, 'link')), baseUrl);
  const base = siteUrl ?? baseUrl;
  const items: FeedItem[] = [];
  for (const item of asArray(child(rdf, 'item'))) {
    const url = resolveLink(plainLink(child(item, 'link')) ?? attr(item, 'about'), base);
    if (!url) continue;
    items.push(
      cleanItem({
        url,
        title: titleOf(child(item, 'title')),
        publishedAt: toIsoDate(textOf(child(item, 'date'))),
        updatedAt: toIsoDate(textOf(child(item, 'modified'))),
        category: textOf(child(item, 'subject')),
        author: textOf(child(item, 'creator')),
        summary: summaryOf(textOf(child(item, 'description')) ?? textOf(child(item, 'encoded'))),
      }),
    );
  }
  return { kind: 'rss', format: 'rss1', title: titleOf(child(channel, 'title')) ?? '', siteUrl, items };
}

// <link> may repeat next to <atom:link href=…/> (same local name once prefixes are stripped).
function plainLink(v: unknown): string | undefined {
  for (const l of Array.isArray(v) ? v : [v]) {
    if (typeof l === 'string' && l.trim()) return l.trim();
  }
  for (const l of Array.isArray(v) ? v : [v]) {
    const href = attr(l, 'href');
    const rel = attr(l, 'rel');
    if (href && (!rel || rel === 'alternate')) return href;
  }
  return undefined;
}

function itemUrl(item: unknown, base: string | undefined): string | undefined {
  const link = resolveLink(plainLink(child(item, 'link')), base);
  if (link) return link;
  const guid = child(item, 'guid');
  const guidText = textOf(guid);
  if (guidText && attr(guid, 'isPermaLink') !== 'false') return resolveLink(guidText, base);
  return resolveLink(attr(child(item, 'enclosure'), 'url'), base);
}

// RSS titles are plain text by spec but are often HTML-escaped twice in the wild.
function titleOf(v: unknown): string | undefined {
  const t = textOf(v);
  return t === undefined ? undefined : decodeEntities(t).replace(/\s+/g, ' ').trim() || undefined;
}

function categoryOf(v: unknown): string | undefined {
  for (const c of asArray(v)) {
    const t = textOf(c);
    if (t) return decodeEntities(t);
  }
  return undefined;
}

// RSS 2.0 <author> is "email (Name)"; the name is what readers want.
function authorOf(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const m = v.match(/\(([^)]+)\)\s*$/);
  return (m ? m[1] : v).trim() || undefined;
}

function summaryOf(html: string | undefined): string | undefined {
  return html ? htmlToText(html) || undefined : undefined;
}
