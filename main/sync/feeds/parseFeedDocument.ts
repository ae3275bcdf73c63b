import { FeedError } from './FeedError';
import type { FeedDocument } from './feedTypes';
import { readAtom } from './parseAtom';
import { parseJsonFeed } from './parseJsonFeed';
import { readRss1, readRss2 } from './parseRss';
import { readSitemap } from './parseSitemap';
import { sniffDocument } from './sniffDocument';
import { parseXml } from './xmlDocument';

/**
 * Parses any supported feed or sitemap (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed,
 * sitemap urlset/index) from already-decoded text. Malformed → FeedError
 * 'malformed-feed'; an HTML page or other format → 'unsupported-format'.
 */
export function parseFeedDocument(text: string, baseUrl?: string, contentType?: string): FeedDocument {
  const sniffed = sniffDocument(text, contentType);
  if (sniffed === 'jsonfeed' || sniffed === 'json') return parseJsonFeed(text, baseUrl);
  if (sniffed === 'html') throw new FeedError('unsupported-format', 'this is a web page, not a feed or sitemap');
  if (sniffed === 'unknown') throw new FeedError('unsupported-format', 'this is neither XML nor JSON, so not a feed or sitemap');
  const { root, node } = parseXml(text, 'malformed-feed', 'the feed');
  switch (root) {
    case 'rss':
      return readRss2(node, baseUrl);
    case 'RDF':
      return readRss1(node, baseUrl);
    case 'feed':
      return readAtom(node, baseUrl);
    case 'urlset':
    case 'sitemapindex':
      return readSitemap(root, node, baseUrl);
    default:
      throw new FeedError('unsupported-format', `<${root}> documents are not feeds or sitemaps`);
  }
}
