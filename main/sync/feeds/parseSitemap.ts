import { FeedError } from './FeedError';
import type { FeedDocument, FeedItem } from './feedTypes';
import { resolveLink } from './resolveLink';
import { toIsoDate } from './toIsoDate';
import { asArray, child, parseXml, textOf } from './xmlDocument';

/**
 * Parses a sitemap <urlset> (items = pages) or <sitemapindex> (items = child
 * sitemaps), each with `updatedAt` from <lastmod>.
 */
export function parseSitemap(text: string, baseUrl?: string): FeedDocument {
  const { root, node } = parseXml(text, 'malformed-feed', 'the sitemap');
  if (root === 'urlset' || root === 'sitemapindex') return readSitemap(root, node, baseUrl);
  throw new FeedError('unsupported-format', `expected a sitemap but the root element is <${root}>`);
}

export function readSitemap(root: 'urlset' | 'sitemapindex', node: Record<string, unknown>, baseUrl?: string): FeedDocument {
  const entries = asArray(child(node, root === 'urlset' ? 'url' : 'sitemap'));
  const items: FeedItem[] = [];
  for (const e of entries) {
    const url = resolveLink(textOf(child(e, 'loc')), baseUrl);
    if (!url) continue;
    const updatedAt = toIsoDate(textOf(child(e, 'lastmod')));
    items.push(updatedAt ? { url, updatedAt } : { url });
  }
  return root === 'urlset'
    ? { kind: 'sitemap', format: 'sitemap', title: '', items }
    : { kind: 'sitemapindex', format: 'sitemapindex', title: '', items };
}
