import iconv from 'iconv-lite';
import { ExtractError } from './ExtractError';

/** Where the charset used for decoding came from, strongest first. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'default';

export interface DetectedCharset {
  /** Lower-case encoding label, e.g. "utf-8", "windows-1258". */
  charset: string;
  source: CharsetSource;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
}

export interface DecodedBody extends DetectedCharset {
  /** Decoded text, NFC-normalised. */
  text: string;
}

// Browsers only look at the start of the document for <meta charset>; the spec says 1024 bytes,
// real portals sometimes put a long <head> first, so look a bit further.
const META_PRESCAN_BYTES = 4096;

// Labels that the HTML standard maps to a different encoding than iconv-lite would:
// "latin1" & co. mean windows-1252 on the web, not ISO-8859-1.
const WHATWG_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso-ir-100': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  cp1252: 'windows-1252',
  cp1258: 'windows-1258',
  'x-cp1258': 'windows-1258',
};

function canonicalLabel(label: string): string {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  return WHATWG_ALIASES[l] ?? l;
}

/** The charset parameter of a Content-Type header value, if any (lower-case, unvalidated). */
export function charsetFromContentType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? canonicalLabel(m[2]) : null;
}

function bomOf(body: Uint8Array): DetectedCharset | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', source: 'bom', bomLength: 3 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', source: 'bom', bomLength: 2 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', source: 'bom', bomLength: 2 };
  return null;
}

/** Charset declared by `<meta charset>`, `<meta http-equiv="Content-Type">` or an XML declaration. */
export function sniffMetaCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, META_PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return canonicalLabel(xml[1]);
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /\bcharset\s*=\s*["']?\s*([^\s"';>/]+)/i.exec(tag[0]);
    if (!m) continue;
    const label = canonicalLabel(m[1]);
    // A document whose <meta> we could read as ASCII cannot be UTF-16; the HTML standard says to use UTF-8.
    return label.startsWith('utf-16') ? 'utf-8' : label;
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function assertSupported(charset: string): void {
  if (charset !== 'utf-8' && !iconv.encodingExists(charset)) {
    throw new ExtractError('unsupported-charset', `The page uses an unsupported character encoding: ${charset}`, { charset });
  }
}

/**
 * Decides how to decode a page: BOM, then the HTTP header, then `<meta>`; unlabelled pages are
 * UTF-8 when they validate as such, else windows-1258 (the HTML standard's default for Vietnamese).
 * Throws `ExtractError('unsupported-charset')` for a declared charset we cannot decode.
 */
export function detectCharset(body: Uint8Array, contentType?: string | null): DetectedCharset {
  const bom = bomOf(body);
  if (bom) return bom;
  const header = charsetFromContentType(contentType);
  if (header) {
    assertSupported(header);
    return { charset: header, source: 'header', bomLength: 0 };
  }
  const meta = sniffMetaCharset(body);
  if (meta) {
    assertSupported(meta);
    return { charset: meta, source: 'meta', bomLength: 0 };
  }
  return { charset: isValidUtf8(body) ? 'utf-8' : 'windows-1258', source: 'default', bomLength: 0 };
}

/**
 * Decodes a fetched page to an NFC string. NFC matters because windows-1258 carries Vietnamese
 * tone marks as combining characters; without it the same word would compare (and hash) differently.
 */
export function decodeBody(body: Uint8Array, contentType?: string | null): DecodedBody {
  const detected = detectCharset(body, contentType);
  const bytes = body.subarray(detected.bomLength);
  const raw = detected.charset === 'utf-8'
    ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), detected.charset, { stripBOM: false });
  return { ...detected, text: raw.normalize('NFC') };
}
