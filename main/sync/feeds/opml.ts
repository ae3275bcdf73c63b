import type { SourceKind } from '../../../shared/model/source';
import { FeedError } from './FeedError';
import { resolveLink } from './resolveLink';
import { asArray, attr, child, parseXml, textOf } from './xmlDocument';

export interface OpmlEntry {
  url: string;
  title: string;
  kind: SourceKind;
  /** The site the feed belongs to, when the file says. */
  htmlUrl?: string;
  /** Enclosing folder outlines, joined with " / ". */
  category?: string;
}

export interface OpmlDocument {
  title: string;
  entries: OpmlEntry[];
  /** Outlines that looked like subscriptions but had no usable http(s) URL. */
  skipped: number;
}

export interface OpmlExportEntry {
  title: string;
  url: string;
  kind: SourceKind;
  htmlUrl?: string;
  category?: string;
}

// Our own attribute, so sitemap/listing/portal sources survive a round trip; other readers ignore it.
const KIND_ATTR = 'archiveReaderKind';
const KINDS: readonly SourceKind[] = ['portal', 'rss', 'atom', 'jsonfeed', 'sitemap', 'listing', 'guide'];
const FEED_KINDS = new Set<SourceKind>(['rss', 'atom', 'jsonfeed']);

/**
 * Reads an OPML subscription list (any nesting depth; folders become `category`).
 * Not well-formed, or not OPML → FeedError 'malformed-opml'.
 */
export function parseOpml(text: string): OpmlDocument {
  const { root, node } = parseXml(text, 'malformed-opml', 'the OPML file');
  if (root !== 'opml') throw new FeedError('malformed-opml', `not an OPML file: the root element is <${root}>, not <opml>`);
  const body = child(node, 'body');
  if (body === undefined) throw new FeedError('malformed-opml', 'the OPML file has no <body>');
  const title = textOf(child(child(node, 'head'), 'title'));
  const entries: OpmlEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;

  const walk = (outlines: unknown, folders: string[]) => {
    for (const o of asArray(outlines)) {
      const label = (attr(o, 'text') ?? attr(o, 'title') ?? '').trim();
      const type = (attr(o, 'type') ?? '').toLowerCase();
      const rawUrl = attr(o, 'xmlUrl') ?? attr(o, 'xmlurl') ?? (type === 'rss' || type === 'link' ? attr(o, 'url') : undefined);
      if (rawUrl !== undefined) {
        const url = resolveLink(rawUrl);
        if (!url) {
          skipped++;
        } else if (!seen.has(url)) {
          seen.add(url);
          const entry: OpmlEntry = { url, title: label || url, kind: kindOf(o, type) };
          const htmlUrl = resolveLink(attr(o, 'htmlUrl') ?? attr(o, 'htmlurl'));
          if (htmlUrl) entry.htmlUrl = htmlUrl;
          if (folders.length) entry.category = folders.join(' / ');
          entries.push(entry);
        }
      }
      const children = child(o, 'outline');
      if (children !== undefined) walk(children, rawUrl === undefined && label ? [...folders, label] : folders);
    }
  };
  walk(child(body, 'outline'), []);
  return { title: title ?? '', entries, skipped };
}

/** Writes an OPML 2.0 subscription list; entries with a `category` go into folder outlines. */
export function exportOpml(entries: OpmlExportEntry[], options: { title?: string; dateCreated?: Date } = {}): string {
  const lines: string[] = [];
  const byFolder = new Map<string, OpmlExportEntry[]>();
  for (const e of entries) {
    const key = e.category?.trim() ?? '';
    const list = byFolder.get(key) ?? [];
    list.push(e);
    byFolder.set(key, list);
  }
  for (const [folder, list] of byFolder) {
    const indent = folder ? '      ' : '    ';
    if (folder) lines.push(`    <outline text="${esc(folder)}" title="${esc(folder)}">`);
    for (const e of list) lines.push(indent + outline(e));
    if (folder) lines.push('    </outline>');
  }
  const created = (options.dateCreated ?? new Date()).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${esc(options.title ?? 'Archive Reader')}</title>
    <dateCreated>${created}</dateCreated>
  </head>
  <body>
${lines.join('\n')}
  </body>
</opml>
`;
}

function outline(e: OpmlExportEntry): string {
  const common = `text="${esc(e.title)}" title="${esc(e.title)}"`;
  const html = e.htmlUrl ? ` htmlUrl="${esc(e.htmlUrl)}"` : '';
  if (FEED_KINDS.has(e.kind)) {
    const version = e.kind === 'atom' ? 'ATOM' : e.kind === 'jsonfeed' ? 'JSONFEED' : 'RSS';
    return `<outline type="rss" ${common} xmlUrl="${esc(e.url)}"${html} version="${version}" ${KIND_ATTR}="${e.kind}"/>`;
  }
  return `<outline type="link" ${common} url="${esc(e.url)}"${html} ${KIND_ATTR}="${e.kind}"/>`;
}

function kindOf(o: unknown, type: string): SourceKind {
  const own = attr(o, KIND_ATTR) as SourceKind | undefined;
  if (own && KINDS.includes(own)) return own;
  const hint = `${type} ${attr(o, 'version') ?? ''}`;
  if (/atom/i.test(hint)) return 'atom';
  if (/json/i.test(hint)) return 'jsonfeed';
  if (type === 'link') return 'portal';
  return 'rss';
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '&#10;');
}
