/** What a fetched body looks like, judged from its first element (or JSON shape). */
export type SniffedKind =
  | 'rss'
  | 'rss1'
  | 'atom'
  | 'jsonfeed'
  | 'sitemap'
  | 'sitemapindex'
  | 'opml'
  | 'html'
  | 'json'
  | 'xml'
  | 'unknown';

/**
 * Cheap format detection without a full parse, so discovery can classify a URL
 * even when the document later turns out to be malformed. Content-Type is only
 * a tie-breaker: portals serve feeds as text/html and text/xml all the time.
 */
export function sniffDocument(text: string, contentType?: string): SniffedKind {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'jsonfeed' : 'json';
  }
  if (!head.startsWith('<')) return /html/i.test(contentType ?? '') ? 'html' : 'unknown';
  // Skip the prolog: XML declaration, processing instructions, comments, then any doctype.
  const afterDecl = head.replace(/^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*/, '');
  if (/^<!DOCTYPE\s+html/i.test(afterDecl)) return 'html';
  const body = afterDecl.replace(/^<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>(?:\s*<!--[\s\S]*?-->)*\s*/i, '');
  const root = body.match(/^<([A-Za-z_][\w.:-]*)/)?.[1];
  if (!root) return /html/i.test(contentType ?? '') ? 'html' : 'unknown';
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  switch (local) {
    case 'rss':
      return 'rss';
    case 'rdf':
      return 'rss1';
    case 'feed':
      return 'atom';
    case 'urlset':
      return 'sitemap';
    case 'sitemapindex':
      return 'sitemapindex';
    case 'opml':
      return 'opml';
    case 'html':
    case 'head':
    case 'body':
      return 'html';
    default:
      return 'xml';
  }
}
