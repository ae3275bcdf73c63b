import type { ExtractedArticle } from '../../shared/model/article';
import { canonicalizeUrl } from './canonicalizeUrl';
import { contentHash } from './contentHash';
import { decodeBody } from './decodeBody';
import { ExtractError } from './ExtractError';
import { extractBody } from './extractBody';
import { readPageMetadata } from './readPageMetadata';
import { parsePage } from './parsePage';

export interface ExtractInput {
  /** The URL that was requested. */
  url: string;
  /** The URL after redirects, when it differs. */
  finalUrl?: string;
  /** The response's Content-Type header. */
  contentType?: string;
  body: Uint8Array;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// Servers mislabel pages as these; the bytes decide.
const VAGUE_TYPES = new Set(['', 'text/plain', 'application/octet-stream', 'application/x-unknown']);

function assertHtml(contentType: string | undefined, body: Uint8Array): void {
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (HTML_TYPES.has(mime)) return;
  if (VAGUE_TYPES.has(mime)) {
    const start = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 512)).toString('latin1');
    if (/^(\uFEFF|\xEF\xBB\xBF)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(start)) return;
  }
  throw new ExtractError('not-html', `The response is not an HTML page (${mime || 'unknown type'})`, { contentType });
}

function notAnArticle(url: string): ExtractError {
  return new ExtractError('not-an-article', 'The page does not contain an article', { url });
}

/**
 * Turns a fetched article page into an ExtractedArticle: decode (charset, NFC), parse once (into a
 * linkedom document: parsePage.ts), read metadata, cut out the body and sanitize it (on jsdom).
 * Throws ExtractError: 'not-html', 'unsupported-charset', 'not-an-article'.
 */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  const pageUrl = input.finalUrl || input.url;
  assertHtml(input.contentType, input.body);
  const { text: html } = decodeBody(input.body, input.contentType);
  const doc = parsePage(html, pageUrl);
  const meta = readPageMetadata(doc);
  if (!meta.looksLikeArticle || !meta.title) throw notAnArticle(pageUrl);
  const body = extractBody(doc, meta);
  if (!body) throw notAnArticle(pageUrl);

  const url = canonicalizeUrl(pageUrl);
  const publishedAt = meta.published?.iso ?? '';
  const author = body.author || meta.authorHint;
  return {
    url,
    canonicalUrl: meta.canonicalUrl ?? url,
    title: meta.title,
    lead: meta.lead,
    html: body.html,
    text: body.text,
    author,
    publishedAt,
    ...(meta.published ? { publishedAtPrecision: meta.published.precision } : {}),
    updatedAt: meta.updated?.iso ?? publishedAt,
    views: meta.views,
    category: meta.category,
    images: body.images,
    related: meta.related,
    contentHash: contentHash(meta.title, meta.lead, body.text),
  };
}
