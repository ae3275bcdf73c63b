import { describe, expect, it } from 'vitest';
import { countTerms } from '../../../../shared/related/termCounts';

const params = { titleWeight: 3, leadWeight: 2, candidateTerms: 100 };
const counts = (title: string, lead: string, text: string, p = params): Map<string, number> => {
  const c = countTerms({ title, lead, text }, p);
  return new Map(c.terms.map((t, i) => [t, c.counts[i]]));
};

describe('countTerms', () => {
  it('counts syllables and syllable bigrams, boosting title and lead', () => {
    const c = counts('Hội nghị dân vận', 'Hội nghị', 'dân vận');
    expect(c.get('hội nghị')).toBe(3 + 2);
    expect(c.get('dân vận')).toBe(3 + 1);
    expect(c.get('nghị dân')).toBe(3);
    expect(c.get('hội')).toBe(5);
  });

  it('never forms a bigram across punctuation', () => {
    const c = counts('', '', 'Hà Nội. Giá vàng');
    expect(c.has('hà nội')).toBe(true);
    expect(c.has('nội giá')).toBe(false);
  });

  it('drops stop syllables, numbers and bigrams made of them', () => {
    const c = counts('', '', 'Bộ trưởng cho biết năm 2020 có thể của các thể thao, tuy nhiên');
    for (const noise of ['cho', 'biết', 'cho biết', 'của', 'của các', 'có thể', '2020', 'năm 2020', 'có', 'tuy nhiên']) {
      expect(c.has(noise), noise).toBe(false);
    }
    // One vague syllable next to a content one is a real word.
    expect(c.has('thể thao')).toBe(true);
    expect(c.has('bộ trưởng')).toBe(true);
  });

  it('keeps a word next to a number ("covid 19")', () => {
    expect(counts('', '', 'dịch Covid-19').has('covid 19')).toBe(true);
  });

  it('keeps the most frequent candidates, ties in order of first appearance', () => {
    const c = countTerms({ title: '', lead: '', text: 'mưa bão. mưa lũ. sạt lở' }, { ...params, candidateTerms: 3 });
    expect(c.terms).toEqual(['mưa', 'mưa bão', 'bão']);
    expect(c.length).toBe(6);
  });
});
