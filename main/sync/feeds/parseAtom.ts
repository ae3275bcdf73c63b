import { cleanItem } from './cleanItem';
import { FeedError } from './FeedError';
import type { FeedDocument, FeedItem } from './feedTypes';
import { decodeEntities, htmlToText } from './htmlText';
import { resolveLink } from './resolveLink';
import { toIsoDate } from './toIsoDate';
import { asArray, attr, child, parseXml, textOf } from './xmlDocument';

/** Parses an Atom 1.0 feed. `baseUrl` resolves relative links (xml:base is not honoured). */
export function parseAtom(text: string, baseUrl?: string): FeedDocument {
  const { root, node } = parseXml(text, 'malformed-feed', 'the Atom feed');
  if (root !== 'feed') throw new FeedError('unsupported-format', `expected an Atom feed but the root element is <${root}>`);
  return readAtom(node, baseUrl);
}

/** Reads a parsed `<feed>` element. */
export function readAtom(feed: Record<string, unknown>, baseUrl?: string): FeedDocument {
  const siteUrl = resolveLink(alternateHref(child(feed, 'link')), baseUrl);
  const items: FeedItem[] = [];
  for (const entry of asArray(child(feed, 'entry'))) {
    const url = resolveLink(alternateHref(child(entry, 'link')), baseUrl) ?? idAsUrl(textOf(child(entry, 'id')));
    if (!url) continue;
    const published = toIsoDate(textOf(child(entry, 'published')) ?? textOf(child(entry, 'issued')));
    const updated = toIsoDate(textOf(child(entry, 'updated')) ?? textOf(child(entry, 'modified')));
    const category = asArray(child(entry, 'category'))
      .map((c) => attr(c, 'label') ?? attr(c, 'term'))
      .find((c) => c);
    items.push(
      cleanItem({
        url,
        title: textConstruct(child(entry, 'title')),
        publishedAt: published ?? updated,
        updatedAt: updated,
        category,
        author: asArray(child(entry, 'author')).map((a) => textOf(child(a, 'name'))).find((n) => n),
        summary: textConstruct(child(entry, 'summary')),
      }),
    );
  }
  return { kind: 'atom', format: 'atom', title: textConstruct(child(feed, 'title')) ?? '', siteUrl, items };
}

// rel defaults to "alternate"; prefer an HTML alternate over, say, a PDF one.
function alternateHref(links: unknown): string | undefined {
  const alternates = asArray(links).filter((l) => {
    const rel = attr(l, 'rel');
    return !rel || rel === 'alternate';
  });
  const html = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  return attr(html ?? alternates[0], 'href');
}

function idAsUrl(id: string | undefined): string | undefined {
  return id && /^https?:\/\//i.test(id) ? resolveLink(id) : undefined;
}

/**
 * Atom text constructs: type text (default), html (escaped markup) or xhtml
 * (inline markup). The parser hands them over raw (stop nodes), still
 * XML-escaped and possibly with CDATA sections.
 */
function textConstruct(node: unknown): string | undefined {
  const raw = textOf(node);
  if (!raw) return undefined;
  const escaped = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) =>
    inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
  const type = attr(node, 'type')?.toLowerCase();
  const text =
    type === 'xhtml'
      ? htmlToText(escaped)
      : type === 'html' || type === 'text/html'
        ? htmlToText(decodeEntities(escaped))
        : decodeEntities(escaped);
  return text.replace(/\s+/g, ' ').trim() || undefined;
}
