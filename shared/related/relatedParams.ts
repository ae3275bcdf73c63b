/**
 * Tuning knobs of the related-articles index. Defaults come from scripts/eval-related.ts
 * on the portal test corpus (`--sweep` shows how precision@5 moves around them, `heldOut` that the
 * neighbourhood knobs chosen on one half of it also win on the other). They are
 * stored with a serialised index because vectors built under one setting are not
 * comparable with another.
 */
export interface RelatedParams {
  /** Each title syllable counts this many times: headlines name the story. */
  titleWeight: number;
  /** Same for the lead (sapo) paragraph. */
  leadWeight: number;
  /**
   * Terms kept per article as raw counts (the most frequent ones). They are the source of
   * truth from which weights are recomputed when document frequencies drift, and the set
   * document frequency is counted over, so removing an article is exact.
   */
  candidateTerms: number;
  /** Terms kept in the stored, indexed vector of each article (memory and query cost). */
  vectorTerms: number;
  /** Nearest articles whose terms are blended into an article's stored vector. */
  neighbours: number;
  /**
   * Weight of the neighbours' similarity-weighted mean vector relative to the article's own
   * (which is 1). 0 turns expansion off.
   */
  expansionWeight: number;
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation (0 = none; vectors are L2-normalised anyway). */
  b: number;
  /** idf is raised to this power: < 1 keeps mid-frequency topical terms in the top K. */
  idfExponent: number;
  /** A term in fewer articles than this can match nothing, so it gets no weight. */
  minDf: number;
  /**
   * Share of the final score taken from the cosine of the articles' own (unexpanded)
   * vectors, applied to the best candidates of the expanded-vector search. Expansion finds
   * the topic; this keeps a second report on the same story above merely topical articles.
   */
  directWeight: number;
  /**
   * Share of the final score taken from the overlap of the two articles' neighbour lists
   * (second-order similarity), applied to the same re-ranked candidates.
   */
  sharedNeighbourWeight: number;
  /** Reweigh every stored vector once the article count grows or shrinks by this factor. */
  refreshGrowth: number;
}

export const DEFAULT_RELATED_PARAMS: Readonly<RelatedParams> = Object.freeze({
  titleWeight: 2,
  leadWeight: 2,
  // Larger term budgets (300 candidates / 96 stored) measure 0.817 instead of 0.807 precision@5 but double the memory
  // and stored size per article; at 100k articles on an old laptop that is the worse trade.
  candidateTerms: 160,
  vectorTerms: 64,
  // 60 neighbours at 6× (was 20 at 2×): 0.807 instead of 0.795, and also best on a held-out half
  // (eval `heldOut`). The neighbour lists cost 6 bytes a slot, not a term budget, so this costs
  // about 240 bytes per article; wider still (80) was lower on the held-out half.
  neighbours: 60,
  expansionWeight: 6,
  k1: 1.5,
  b: 0,
  idfExponent: 0.7,
  minDf: 2,
  directWeight: 0.5,
  sharedNeighbourWeight: 0,
  refreshGrowth: 1.25,
});
