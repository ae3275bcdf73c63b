import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveDb } from '../../../../../renderer/data/ArchiveDb';
import type { ArticleRow, BodyRow } from '../../../../../renderer/data/rows';
import { article } from '../../data/articleFixtures';

interface CorpusLine {
  title: string;
  category: string;
  body: string;
}

let corpus: CorpusLine[] | null = null;

/** The fixture portal's corpus (real Vietnamese news, 10 categories); read from beside the repo, never copied. */
export function corpusLines(): CorpusLine[] {
  corpus ??= readFileSync(path.resolve('../shared/portal/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
  return corpus;
}

/** Portal article `n` of the corpus as sync would store it: the first paragraph is the lead. */
export function corpusArticle(n: number, over: Partial<ArticleRow> = {}): { row: ArticleRow; body: BodyRow } {
  const line = corpusLines()[n];
  const paragraphs = line.body.split('\n');
  const row = article(`bai-${n}`, {
    title: line.title,
    lead: paragraphs[0] ?? '',
    category: line.category,
    contentHash: `hash-${n}`,
    publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
    ...over,
  });
  return { row, body: { id: row.id, html: '', text: paragraphs.slice(1).join('\n') } };
}

export async function storeCorpus(db: ArchiveDb, ns: number[], over: Partial<ArticleRow> = {}): Promise<ArticleRow[]> {
  const items = ns.map((n) => corpusArticle(n, over));
  await db.articles.bulkPut(items.map((i) => i.row));
  await db.bodies.bulkPut(items.map((i) => i.body));
  return items.map((i) => i.row);
}
