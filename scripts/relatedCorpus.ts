/**
 * The portal test corpus as the related-articles scripts read it (eval-related, bench-related), and the
 * synthetic recombination used to measure at archive scale. The corpus lives beside the fixture portal
 * (../shared/portal) and is never copied into the repo.
 */
import { readFileSync } from 'node:fs';
import type { RelatedDoc } from '../shared/related/types';
import { mulberry32 } from './seededRandom';

interface CorpusLine {
  title: string;
  category: string;
  body: string;
}

export interface Labelled extends RelatedDoc {
  category: string;
}

export function loadCorpus(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const raw = JSON.parse(line) as CorpusLine;
      // The corpus has no separate sapo; on the portal it is the first body paragraph.
      const paragraphs = raw.body.split('\n');
      return {
        id: `a${i}`,
        title: raw.title,
        lead: paragraphs[0] ?? '',
        text: paragraphs.slice(1).join('\n'),
        category: raw.category,
      };
    });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export const round = (x: number, digits = 4): number => Number(x.toFixed(digits));


/**
 * Articles for latency measurement only: each mixes the paragraphs of two real articles and
 * respells ~5% of words, so the vocabulary keeps growing (new names) while common topical
 * terms get the long posting lists a real archive of that size would give them.
 */
export function synthesise(docs: Labelled[], count: number): RelatedDoc[] {
  const random = mulberry32(20240601);
  const mutate = (text: string, tag: string): string =>
    text.replace(/[\p{L}\p{N}]+/gu, (w) => (random() < 0.05 ? `${w}${tag}` : w));
  const out: RelatedDoc[] = [];
  for (let i = 0; i < count; i++) {
    const a = docs[i % docs.length];
    const b = docs[Math.floor(random() * docs.length)];
    const round = Math.floor(i / docs.length);
    // Two letters, so 100k articles (62 passes over the corpus) still get distinct respellings.
    const tag = String.fromCharCode(97 + (round % 26)) + (round >= 26 ? String.fromCharCode(97 + Math.floor(round / 26)) : '');
    const paragraphs = [...a.text.split('\n'), ...b.text.split('\n').slice(0, 2)].sort(() => random() - 0.5);
    out.push({ id: `s${i}`, title: mutate(a.title, tag), lead: mutate(a.lead, tag), text: mutate(paragraphs.join('\n'), tag) });
  }
  return out;
}
