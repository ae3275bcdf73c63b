import type { TFunction } from 'i18next';
import type { SimilarItem } from '../../workers/related/relatedProtocol';

/** "cùng chủ đề: hội nghị, Hà Nội · cùng chuyên mục" — why an article is listed, in the UI language. */
export function formatReason(t: TFunction, item: Pick<SimilarItem, 'sharedTerms' | 'sameCategory'>): string {
  const parts: string[] = [];
  if (item.sharedTerms.length) parts.push(t('related.reason.sharedTerms', { terms: item.sharedTerms.join(t('related.reason.termSeparator')) }));
  if (item.sameCategory) parts.push(t('related.reason.sameCategory'));
  return parts.join(t('related.reason.separator'));
}
