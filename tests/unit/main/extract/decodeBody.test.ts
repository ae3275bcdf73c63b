import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, detectCharset, ExtractError, sniffMetaCharset } from '../../../../main/extract';

const VI = 'Bộ Y tế cho biết: người dân nên tiêm vắc-xin đầy đủ.';
const page = (head: string, body = VI): string => `<!DOCTYPE html><html><head>${head}<title>x</title></head><body><p>${body}</p></body></html>`;
const bytes = (s: string, enc = 'utf-8'): Uint8Array => new Uint8Array(iconv.encode(s, enc));

/**
 * Vietnamese as windows-1258 stores it: vowel modifiers (â ê ô ơ ư ă) are precomposed letters of
 * the code page, tone marks stay combining characters after them.
 */
function cp1258Bytes(s: string): Uint8Array {
  const MODIFIERS = new Set([0x302, 0x306, 0x31b]);
  let out = '';
  for (const cluster of s.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const [base, ...marks] = [...cluster];
    const mod = marks.find((m) => MODIFIERS.has(m.codePointAt(0) ?? 0));
    out += (mod ? (base + mod).normalize('NFC') : base) + marks.filter((m) => m !== mod).join('');
  }
  return new Uint8Array(iconv.encode(out, 'windows-1258'));
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
  return 'no error';
}

describe('charsetFromContentType', () => {
  it('reads the charset parameter, quoted or not, in any case', () => {
    expect(charsetFromContentType('text/html; charset=UTF-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html;charset="windows-1258"')).toBe('windows-1258');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(undefined)).toBeNull();
  });

  it('maps web aliases the way browsers do', () => {
    expect(charsetFromContentType('text/html; charset=iso-8859-1')).toBe('windows-1252');
    expect(charsetFromContentType('text/html; charset=utf8')).toBe('utf-8');
  });
});

describe('sniffMetaCharset', () => {
  it('finds <meta charset>', () => {
    expect(sniffMetaCharset(bytes(page('<meta charset="windows-1258">')))).toBe('windows-1258');
  });

  it('finds <meta http-equiv="Content-Type">', () => {
    expect(sniffMetaCharset(bytes(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')))).toBe('windows-1258');
  });

  it('ignores commented-out declarations and treats a utf-16 meta as utf-8', () => {
    expect(sniffMetaCharset(bytes(page('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">')))).toBe('utf-8');
    expect(sniffMetaCharset(bytes(page('<meta charset="utf-16">')))).toBe('utf-8');
  });

  it('reads an XML declaration', () => {
    expect(sniffMetaCharset(bytes('<?xml version="1.0" encoding="windows-1258"?><html></html>'))).toBe('windows-1258');
  });
});

describe('detectCharset', () => {
  it('prefers BOM over header over meta', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(page('<meta charset="windows-1258">'))]);
    expect(detectCharset(withBom, 'text/html; charset=windows-1258')).toEqual({ charset: 'utf-8', source: 'bom', bomLength: 3 });
    expect(detectCharset(bytes(page('<meta charset="windows-1258">')), 'text/html; charset=utf-8').source).toBe('header');
    expect(detectCharset(bytes(page('<meta charset="windows-1258">')), 'text/html').source).toBe('meta');
  });

  it('defaults unlabelled pages to UTF-8 when valid, else windows-1258', () => {
    expect(detectCharset(bytes(page('')))).toMatchObject({ charset: 'utf-8', source: 'default' });
    expect(detectCharset(cp1258Bytes(page('')))).toMatchObject({ charset: 'windows-1258', source: 'default' });
  });

  it('throws a typed error for a declared charset it cannot decode', () => {
    expect(codeOf(() => detectCharset(bytes(page('')), 'text/html; charset=x-klingon'))).toBe('unsupported-charset');
    expect(codeOf(() => detectCharset(bytes(page('<meta charset="x-klingon">'))))).toBe('unsupported-charset');
    try {
      detectCharset(bytes(page('')), 'text/html; charset=x-klingon');
    } catch (err) {
      expect((err as ExtractError).details.charset).toBe('x-klingon');
      expect((err as ExtractError).message).toMatch(/unsupported character encoding/);
    }
  });
});

describe('decodeBody', () => {
  it('decodes UTF-8 and strips the BOM', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(VI)]);
    expect(decodeBody(body, 'text/html').text).toBe(VI);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const body = new Uint8Array([0xff, 0xfe, ...iconv.encode(VI, 'utf-16le')]);
    expect(decodeBody(body).text).toBe(VI);
  });

  it('turns windows-1258 combining tone marks into NFC', () => {
    // windows-1258 has no precomposed "ộ", "ế", "đầ"...: the tone is a combining mark after the base letter.
    const legacy = cp1258Bytes(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'));
    expect(iconv.decode(Buffer.from(legacy), 'windows-1258')).not.toContain(VI);
    const decoded = decodeBody(legacy, 'text/html; charset=windows-1258');
    expect(decoded.charset).toBe('windows-1258');
    expect(decoded.text).toContain(`<p>${VI}</p>`);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
  });

  it('uses <meta> when the header has no charset', () => {
    const legacy = cp1258Bytes(page('<meta charset="windows-1258">'));
    expect(decodeBody(legacy, 'text/html').text).toContain(VI);
  });

  it('normalises decomposed UTF-8 input to NFC too', () => {
    expect(decodeBody(bytes(VI.normalize('NFD')), 'text/html; charset=utf-8').text).toBe(VI);
  });
});
