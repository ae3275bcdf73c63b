import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError, type FeedErrorCode } from './FeedError';

/** A node as fast-xml-parser returns it: text, or an object of children, `@_attributes` and `#text`. */
export type XmlNode = string | number | boolean | { [key: string]: unknown } | undefined | null;

// Elements that may repeat; forcing arrays keeps the readers free of "one or many" checks.
const REPEATING = new Set(['item', 'entry', 'url', 'sitemap', 'outline', 'link', 'category', 'author', 'subject', 'creator', 'li']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Feeds mix prefixes freely (dc:, atom:, rdf:, content:); readers match on local names.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATING.has(name),
  // Atom text constructs may hold xhtml markup; keep them raw so mixed text stays in order.
  stopNodes: ['feed.title', 'feed.subtitle', 'feed.entry.title', 'feed.entry.summary', 'feed.entry.content'],
});

/**
 * Checks well-formedness, then parses. Returns the root element's local name and node.
 * Not well-formed → FeedError(code) naming the problem and its line/column.
 */
export function parseXml(text: string, code: FeedErrorCode, what: string): { root: string; node: Record<string, unknown> } {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    // Unescaped "&" in query strings is the commonest feed error and every reader tolerates it;
    // anything else wrong is reported as found in the original text.
    const repaired = repairBareAmpersands(text);
    if (repaired === text || XMLValidator.validate(repaired) !== true) {
      const { msg, line, col } = verdict.err;
      const where = line ? ` at line ${line}${col ? `, column ${col}` : ''}` : '';
      throw new FeedError(code, `${what} is not well-formed XML${where}: ${msg}`, { line, column: col });
    }
    text = repaired;
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new FeedError(code, `${what} could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!root) throw new FeedError(code, `${what} has no root element`);
  const node = doc[root];
  return { root, node: node && typeof node === 'object' ? (node as Record<string, unknown>) : {} };
}

/** Escapes "&" that does not start a character or entity reference. */
export function repairBareAmpersands(text: string): string {
  return text.replace(/&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g, '&amp;');
}

export function asArray<T = XmlNode>(v: unknown): T[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

export function child(node: unknown, name: string): unknown {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[name] : undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  const v = child(node, `@_${name}`);
  return typeof v === 'string' ? v : undefined;
}

/** Direct text of a node (string, or `#text` of an element with attributes). */
export function textOf(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = textOf(n);
      if (t) return t;
    }
    return undefined;
  }
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  const t = child(node, '#text');
  return t === undefined ? undefined : textOf(t);
}
