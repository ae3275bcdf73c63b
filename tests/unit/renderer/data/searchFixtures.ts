import type { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import type { ArticleRow } from '../../../../renderer/data/rows';
import { article } from './articleFixtures';

/** Portal articles with Vietnamese text, written with their bodies as sync writes them. */
export const SAMPLE: Array<{ id: string; title: string; text: string; over?: Partial<ArticleRow> }> = [
  { id: 'dan-van', title: 'Công tác dân vận ở cơ sở', text: 'Làm tốt công tác dân vận khéo giúp người dân đồng thuận.' },
  { id: 'dan-dan', title: 'Giá xăng dần ổn định', text: 'Giá xăng trong nước dần ổn định sau nhiều kỳ điều chỉnh.', over: { category: 'Kinh doanh' } },
  { id: 'bong-da', title: 'Đội tuyển bóng đá Việt Nam thắng', text: 'Trận đấu diễn ra tối qua trên sân Mỹ Đình.', over: { category: 'Thể thao', sourceId: 'p2' } },
  { id: 'giao-duc', title: 'Đổi mới giáo dục phổ thông', text: 'Chương trình giáo dục phổ thông mới được triển khai ở mọi tỉnh.', over: { category: 'Giáo dục', publishedAt: '2025-06-01T03:00:00.000Z' } },
];

export async function putArticles(db: ArchiveDb, items: Array<{ id: string; title: string; text: string; over?: Partial<ArticleRow> }>): Promise<ArticleRow[]> {
  const rows = items.map((s) => article(s.id, { title: s.title, contentHash: `h-${s.id}-${s.text.length}`, ...s.over }));
  await db.transaction('rw', db.articles, db.bodies, async () => {
    await db.articles.bulkPut(rows);
    await db.bodies.bulkPut(rows.map((r, i) => ({ id: r.id, html: `<p>${items[i].text}</p>`, text: items[i].text })));
  });
  return rows;
}

/** Many articles, each with a distinct word (`mã0001`…), for catch-up and slicing tests. */
export function numbered(count: number, from = 0): Array<{ id: string; title: string; text: string }> {
  return Array.from({ length: count }, (_, k) => {
    const n = String(from + k).padStart(4, '0');
    return { id: `so-${n}`, title: `Bản tin số ${n}`, text: `Nội dung bản tin mã${n} về thời tiết và giao thông trong ngày.` };
  });
}
