import { describe, expect, it } from 'vitest';
import { normalizeSyllable, syllableRuns } from '../../../../shared/related/syllables';
import { syllableRunsWithSurface } from '../../../../shared/related/syllables';

describe('syllableRuns', () => {
  it('lower-cases and breaks runs at punctuation and line breaks', () => {
    expect(syllableRuns('Hội nghị Dân vận, Hà Nội.\nGiá vàng tăng')).toEqual([
      ['hội', 'nghị', 'dân', 'vận'],
      ['hà', 'nội'],
      ['giá', 'vàng', 'tăng'],
    ]);
  });

  it('keeps hyphenated and apostrophised foreign tokens in one run', () => {
    expect(syllableRuns('dịch Covid-19 và Vietnam’s brand')).toEqual([['dịch', 'covid', '19', 'và', 'vietnam', 's', 'brand']]);
  });

  it('composes decomposed (NFD) input', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    expect(syllableRuns(nfd)).toEqual([['việt', 'nam']]);
  });

  it('folds new-style tone placement to old style, leaving qu- alone', () => {
    expect(normalizeSyllable('hoà')).toBe('hòa');
    expect(normalizeSyllable('Thuỷ')).toBe('thủy');
    expect(normalizeSyllable('khoẻ')).toBe('khỏe');
    expect(normalizeSyllable('quý')).toBe('quý');
    expect(normalizeSyllable('hoàng')).toBe('hoàng');
    expect(syllableRuns('hòa bình hoà bình')).toEqual([['hòa', 'bình', 'hòa', 'bình']]);
  });

  it('keeps the written form next to the normalised one', () => {
    expect(syllableRunsWithSurface('Thủ đô Hà Nội')[0].map((s) => s.surface)).toEqual(['Thủ', 'đô', 'Hà', 'Nội']);
  });

  it('returns nothing for text without words', () => {
    expect(syllableRuns(' … — !! ')).toEqual([]);
  });
});
