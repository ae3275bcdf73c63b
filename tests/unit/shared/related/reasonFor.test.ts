import { describe, expect, it } from 'vitest';
import { RelatedIndex, reasonFor } from '../../../../shared/related';
import { topicDocs } from './fixtures';

describe('reasonFor', () => {
  it('reports whether the portal filed both articles under the same category', () => {
    const hit = { sharedTerms: ['bệnh viện'] };
    expect(reasonFor(hit, { category: 'Sức khỏe' }, { category: ' sức  khỏe ' }).sameCategory).toBe(true);
    expect(reasonFor(hit, { category: 'Sức khỏe' }, { category: 'Xã hội' }).sameCategory).toBe(false);
    expect(reasonFor(hit, { category: '' }, { category: '' }).sameCategory).toBe(false);
    expect(reasonFor(hit, {}, { category: 'Xã hội' }).sameCategory).toBe(false);
  });

  it('spells shared terms the way the articles do', () => {
    const source = { category: 'Thời sự', title: 'Hà Nội đón khách', text: 'Thủ đô Hà Nội. Hội nghị diễn ra tại Hà Nội.' };
    const candidate = { category: 'Du lịch', title: 'Khách tới Hà Nội', text: 'Các hội nghị quốc tế.' };
    const reason = reasonFor({ sharedTerms: ['hà nội', 'hội nghị', 'không có'] }, source, candidate);
    expect(reason).toEqual({ sharedTerms: ['Hà Nội', 'hội nghị', 'không có'], sameCategory: false });
  });

  it('matches new-style tone marks and decomposed text', () => {
    const reason = reasonFor({ sharedTerms: ['hòa bình'] }, { text: 'Hoà bình'.normalize('NFD') }, {});
    expect(reason.sharedTerms).toEqual(['Hoà bình']);
  });

  it('works on hits from the index', () => {
    const docs = topicDocs();
    const index = new RelatedIndex();
    index.add(docs);
    const source = docs.find((d) => d.id === 'health-0')!;
    const hit = index.similar(source.id, 1)[0];
    const candidate = docs.find((d) => d.id === hit.id)!;
    const reason = reasonFor(hit, { ...source, category: 'Sức khỏe' }, { ...candidate, category: 'Sức khỏe' });
    expect(reason.sameCategory).toBe(true);
    expect(reason.sharedTerms).toHaveLength(hit.sharedTerms.length);
    expect(reason.sharedTerms.map((t) => t.toLowerCase())).toEqual(hit.sharedTerms);
  });
});
