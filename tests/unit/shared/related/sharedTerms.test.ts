import { describe, expect, it } from 'vitest';
import { pickSharedTerms } from '../../../../shared/related/sharedTerms';

describe('pickSharedTerms', () => {
  it('takes the best three', () => {
    expect(pickSharedTerms(['dân vận', 'hội nghị', 'tỉnh ủy', 'mặt trận'])).toEqual(['dân vận', 'hội nghị', 'tỉnh ủy']);
  });

  it('prefers a bigram to its halves', () => {
    expect(pickSharedTerms(['dân', 'hội nghị', 'dân vận', 'vận'])).toEqual(['dân vận', 'hội nghị']);
    expect(pickSharedTerms(['dân vận', 'dân', 'vận', 'tỉnh'])).toEqual(['dân vận', 'tỉnh']);
  });

  it('skips a bigram straddling into a picked one unless it is more word-like', () => {
    const cohesion = (t: string): number => ({ 'kỳ thi': 0.9, 'thi tốt': 0.1, 'dịch bệnh': 0.3, 'bệnh nhân': 0.6 })[t] ?? 1;
    expect(pickSharedTerms(['kỳ thi', 'thi tốt', 'tốt nghiệp'], 3, cohesion)).toEqual(['kỳ thi', 'tốt nghiệp']);
    expect(pickSharedTerms(['dịch bệnh', 'bệnh nhân'], 3, cohesion)).toEqual(['dịch bệnh', 'bệnh nhân']);
  });

  it('keeps bigrams that only share a first syllable', () => {
    expect(pickSharedTerms(['bệnh viện', 'bệnh nhân'])).toEqual(['bệnh viện', 'bệnh nhân']);
  });
});
