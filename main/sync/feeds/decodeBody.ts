import iconv from 'iconv-lite';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The charset parameter of a Content-Type header, lower-cased, if any. */
export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const m = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Decodes an XML document by its BOM, then its `<?xml encoding="…"?>` declaration,
 * then the HTTP charset, else UTF-8. Legacy Vietnamese feeds declare windows-1258
 * or TCVN, so the declaration wins over a server default. Output is NFC, because
 * windows-1258 text arrives with combining tone marks.
 */
export function decodeXml(bytes: Uint8Array, contentType?: string): string {
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding);
  const head = latin1Head(bytes, 1024);
  const declared = head.match(/^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/)?.[1];
  return decodeWith(bytes, declared ?? charsetFromContentType(contentType) ?? 'utf-8');
}

/**
 * Decodes an HTML page: BOM, then the HTTP charset, then `<meta charset>` /
 * `<meta http-equiv content="…charset=…">` in the first 4 KiB, else UTF-8 (the
 * order browsers use). Output is NFC.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding);
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader && iconv.encodingExists(normaliseLabel(fromHeader))) return decodeWith(bytes, fromHeader);
  const head = latin1Head(bytes, 4096);
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i)?.[1];
  return decodeWith(bytes, meta ?? 'utf-8');
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const [sig, encoding] of BOMS) {
    if (sig.every((b, i) => bytes[i] === b)) return { encoding, length: sig.length };
  }
  return undefined;
}

function latin1Head(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
}

// WHATWG: these labels mean windows-1252 on the web, which is a superset in practice.
function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  return l;
}

function decodeWith(bytes: Uint8Array, label: string): string {
  const enc = normaliseLabel(label);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.encodingExists(enc) ? iconv.decode(buf, enc) : buf.toString('utf8');
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}
