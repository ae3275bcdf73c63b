import { describe, expect, it } from 'vitest';
import { SearchEngine, highlightRanges, makeSnippet } from '../../../../shared/search/index';
import { doc } from './fixtures';

const render = (segments: ReturnType<typeof makeSnippet>) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('makeSnippet', () => {
  it('highlights tone-insensitive matches around the best passage', () => {
    const filler = 'Nội dung không liên quan. '.repeat(20);
    const text = `${filler}Hội nghị bàn về công tác dân vận ở cơ sở. ${filler}`;
    const out = render(makeSnippet(text, 'dan van', { maxChars: 80 }));
    expect(out).toContain('[dân] [vận]');
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThan(110);
  });

  it('highlights a phrase only where its words are consecutive', () => {
    const out = render(makeSnippet('Người dân vận động. Dân và vận.', '"dân vận"'));
    expect(out).toBe('Người [dân vận] động. Dân và vận.');
  });

  it('uses the engine query so Telex and prefixes highlight what was searched', () => {
    const e = new SearchEngine();
    const text = 'Con đường mới mở qua thương hiệu lớn.';
    e.add([doc('a', { text })]);
    expect(render(makeSnippet(text, e.search('dduwowngf', { prefix: false }).query))).toContain('[đường]');
    expect(render(makeSnippet(text, e.search('thương hi').query))).toContain('[thương] [hiệu]');
    // A bare string is read against the text's own words the same way.
    expect(render(makeSnippet(text, 'dduwowngf'))).toContain('[đường]');
  });

  it('returns the opening text when nothing matches', () => {
    const segments = makeSnippet('Một hai ba bốn năm sáu bảy tám chín mười.', 'xyz', { maxChars: 20 });
    expect(segments.every((s) => !s.match)).toBe(true);
    expect(render(segments).startsWith('Một hai')).toBe(true);
  });
});

describe('highlightRanges', () => {
  it('gives offsets into the text as passed, even NFD', () => {
    const text = 'Công tác dân vận, dần dần.'.normalize('NFD');
    const ranges = highlightRanges(text, 'dân ');
    expect(ranges.map((r) => text.slice(r.start, r.end).normalize('NFC'))).toEqual(['dân', 'dần', 'dần']);
    expect(ranges.map((r) => r.exact)).toEqual([true, false, false]);
  });

  it('marks every form exact for an unmarked query', () => {
    const ranges = highlightRanges('dân dần', 'dan');
    expect(ranges.map((r) => r.exact)).toEqual([true, true]);
  });
});
