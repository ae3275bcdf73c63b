import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, tryCanonicalizeUrl } from '../../../../main/extract';

describe('canonicalizeUrl', () => {
  it('strips utm_*, fbclid and gclid but keeps other parameters in order', () => {
    expect(canonicalizeUrl('http://portal.test/bai-viet/a-1.html?utm_source=rss&utm_medium=feed')).toBe('http://portal.test/bai-viet/a-1.html');
    expect(canonicalizeUrl('http://portal.test/tim?q=ha+noi&fbclid=abc&trang=2&gclid=x&UTM_Campaign=y')).toBe('http://portal.test/tim?q=ha+noi&trang=2');
  });

  it('leaves a URL without tracking parameters byte-identical', () => {
    expect(canonicalizeUrl('http://portal.test/a?b=%C3%A1&c')).toBe('http://portal.test/a?b=%C3%A1&c');
  });

  it('resolves against a base and drops the fragment, except hash-bang routes', () => {
    expect(canonicalizeUrl('/bai-viet/a-1.html#binh-luan', 'http://portal.test/chuyen-muc/x')).toBe('http://portal.test/bai-viet/a-1.html');
    expect(canonicalizeUrl('http://portal.test/#!/bai/1')).toBe('http://portal.test/#!/bai/1');
  });

  it('normalises host case and default port', () => {
    expect(canonicalizeUrl('HTTP://Portal.TEST:80/A')).toBe('http://portal.test/A');
  });

  it('throws on garbage; tryCanonicalizeUrl returns null instead', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(TypeError);
    expect(tryCanonicalizeUrl('not a url')).toBeNull();
    expect(tryCanonicalizeUrl(undefined)).toBeNull();
  });
});
