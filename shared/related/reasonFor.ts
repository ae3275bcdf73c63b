import type { RelatedHit, RelatedReason } from './types';
import { syllableRunsWithSurface } from './syllables';

/** What `reasonFor` needs of an article; text fields are optional and only improve display. */
export interface ReasonArticle {
  category?: string;
  title?: string;
  lead?: string;
  text?: string;
}

/**
 * Structured explanation for one related-article hit. The category is compared here and
 * only here — scoring never sees it — so the UI can say "cùng chủ đề: …" and flag when the
 * portal filed both articles under the same section.
 *
 * Shared terms come back spelled the way the articles write them ("Hà Nội", "Covid 19")
 * when the texts are given, falling back to the index's lower-case form.
 */
export function reasonFor(
  hit: Pick<RelatedHit, 'sharedTerms'>,
  source: ReasonArticle,
  candidate: ReasonArticle,
): RelatedReason {
  const sourceCategory = normalizeCategory(source.category);
  return {
    sharedTerms: hit.sharedTerms.map((term) => displayForm(term, [source, candidate])),
    sameCategory: sourceCategory !== '' && sourceCategory === normalizeCategory(candidate.category),
  };
}

function normalizeCategory(category: string | undefined): string {
  return (category ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * The most frequent written form of `term` in the articles. Counting rather than taking the
 * first hit keeps sentence-initial capitals ("Hội nghị diễn ra…") from winning over the
 * usual "hội nghị", while names stay capitalised because they always are.
 */
function displayForm(term: string, articles: ReasonArticle[]): string {
  const wanted = term.split(' ');
  const forms = new Map<string, number>();
  for (const article of articles) {
    for (const field of [article.title, article.lead, article.text]) {
      if (!field) continue;
      for (const run of syllableRunsWithSurface(field)) {
        for (let i = 0; i + wanted.length <= run.length; i++) {
          if (!wanted.every((w, j) => run[i + j].norm === w)) continue;
          const form = run.slice(i, i + wanted.length).map((s) => s.surface).join(' ');
          forms.set(form, (forms.get(form) ?? 0) + 1);
        }
      }
    }
  }
  let best = term;
  let bestCount = 0;
  for (const [form, count] of forms) {
    // On a tie the less capitalised form wins: a sentence start is the likelier cause.
    if (count > bestCount || (count === bestCount && capitals(form) < capitals(best))) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

function capitals(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== ch.toLowerCase()) n++;
  return n;
}
