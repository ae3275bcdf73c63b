import type { RelatedDoc } from './types';
import type { RelatedParams } from './relatedParams';
import { syllableRuns } from './syllables';
import { BIGRAM_BREAKING_SYLLABLES, STOP_BIGRAMS, STOP_SYLLABLES } from './stopLists';

/** Candidate terms of one article, most frequent first, with weighted raw counts. */
export interface TermCounts {
  terms: string[];
  counts: number[];
  /** Weighted syllable count of the whole article. */
  length: number;
}

const NUMERIC = /^\p{N}+$/u;

// Numbers behave like stop syllables: "năm 2020" and "ngày 27" say nothing about the topic,
// while "covid 19" survives because one side is a real word.
function isWeak(syllable: string): boolean {
  return STOP_SYLLABLES.has(syllable) || NUMERIC.test(syllable);
}

export function isUnigramTerm(syllable: string): boolean {
  return !isWeak(syllable);
}

export function isBigramTerm(a: string, b: string): boolean {
  if (BIGRAM_BREAKING_SYLLABLES.has(a) || BIGRAM_BREAKING_SYLLABLES.has(b)) return false;
  return !(isWeak(a) && isWeak(b)) && !STOP_BIGRAMS.has(`${a} ${b}`);
}

/**
 * Counts unigram and bigram terms with the title and lead boosted, then keeps the
 * `candidateTerms` most frequent. The cut uses counts only, never document frequency, so a
 * stored article never needs re-tokenising when the corpus changes.
 */
export function countTerms(
  doc: Pick<RelatedDoc, 'title' | 'lead' | 'text'>,
  params: Pick<RelatedParams, 'titleWeight' | 'leadWeight' | 'candidateTerms'>,
): TermCounts {
  const counts = new Map<string, number>();
  let length = 0;
  const addField = (text: string, weight: number): void => {
    for (const run of syllableRuns(text)) {
      length += run.length * weight;
      for (let i = 0; i < run.length; i++) {
        const syllable = run[i];
        if (isUnigramTerm(syllable)) counts.set(syllable, (counts.get(syllable) ?? 0) + weight);
        if (i + 1 < run.length && isBigramTerm(syllable, run[i + 1])) {
          const bigram = `${syllable} ${run[i + 1]}`;
          counts.set(bigram, (counts.get(bigram) ?? 0) + weight);
        }
      }
    }
  };
  addField(doc.title, params.titleWeight);
  addField(doc.lead, params.leadWeight);
  addField(doc.text, 1);

  // Map order is first occurrence, so the stable sort breaks ties towards terms that appear
  // early (title, lead) and the cut is deterministic.
  const ranked = [...counts].sort((x, y) => y[1] - x[1]).slice(0, params.candidateTerms);
  return { terms: ranked.map(([t]) => t), counts: ranked.map(([, c]) => c), length };
}
