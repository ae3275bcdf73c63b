import type { SearchDoc } from '../../../../shared/search/index';

let n = 0;

/** A document with defaults for the fields a test does not care about. */
export function doc(id: string, fields: Partial<SearchDoc> = {}): SearchDoc {
  n++;
  return {
    id, title: '', lead: '', text: '', author: '', captions: [], category: 'Tin tức', sourceId: 'portal',
    publishedAt: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString(), contentHash: `h-${id}`,
    ...fields,
  };
}

/** Filler that makes document frequencies realistic: common words in many documents. */
export function filler(count: number): SearchDoc[] {
  return Array.from({ length: count }, (_, i) => doc(`filler-${i}`, {
    title: `Tin tổng hợp số ${i}`,
    text: 'Hội nghị tổng kết công tác năm. Các đại biểu đã thảo luận về nhiệm vụ của năm tới.',
  }));
}
