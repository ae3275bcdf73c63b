/**
 * A reference for eval-related, not part of the index: how well the portal's categories can be
 * predicted from the same terms when the categories ARE used for training. 10-fold cross-validated
 * multinomial Naive Bayes over every unigram and bigram the index would count (no pruning). If a
 * classifier that learns from 90% of the labels is right for only ~88% of articles, a similarity that
 * never sees a label should not be expected to put 85% of its top 5 in the same category.
 */
import { DEFAULT_RELATED_PARAMS } from '../shared/related/relatedParams';
import { countTerms } from '../shared/related/termCounts';
import type { Labelled } from './relatedCorpus';
import { mulberry32 } from './seededRandom';

const FOLDS = 10;
const SMOOTHING = 0.1;

export function supervisedReference(docs: Labelled[]): { naiveBayesAccuracy: number; folds: number } {
  const params = { ...DEFAULT_RELATED_PARAMS, candidateTerms: Number.MAX_SAFE_INTEGER };
  const vocab = new Map<string, number>();
  const rows = docs.map((doc) => {
    const counted = countTerms(doc, params);
    return counted.terms.map((term, i) => {
      let id = vocab.get(term);
      if (id === undefined) vocab.set(term, (id = vocab.size));
      return [id, counted.counts[i]] as const;
    });
  });
  const categories = [...new Set(docs.map((d) => d.category))];
  const label = docs.map((d) => categories.indexOf(d.category));
  const random = mulberry32(7);
  const fold = docs.map(() => Math.floor(random() * FOLDS));

  let right = 0;
  for (let f = 0; f < FOLDS; f++) {
    const counts = categories.map(() => new Float64Array(vocab.size));
    const totals = new Float64Array(categories.length);
    const priors = new Float64Array(categories.length);
    rows.forEach((row, i) => {
      if (fold[i] === f) return;
      priors[label[i]]++;
      for (const [term, count] of row) {
        counts[label[i]][term] += count;
        totals[label[i]] += count;
      }
    });
    rows.forEach((row, i) => {
      if (fold[i] !== f) return;
      let best = -1;
      let bestScore = -Infinity;
      for (let k = 0; k < categories.length; k++) {
        let score = Math.log(priors[k]);
        const denominator = totals[k] + SMOOTHING * vocab.size;
        for (const [term, count] of row) score += count * Math.log((counts[k][term] + SMOOTHING) / denominator);
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      if (best === label[i]) right++;
    });
  }
  return { naiveBayesAccuracy: Math.round((right / docs.length) * 1000) / 1000, folds: FOLDS };
}
