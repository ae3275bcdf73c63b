import type { RelatedParams } from './relatedParams';

/** The parts of an article the similarity index reads; category is deliberately absent. */
export interface RelatedDoc {
  id: string;
  title: string;
  lead: string;
  text: string;
}

export interface RelatedHit {
  id: string;
  /**
   * 0..1: cosine of the two stored (neighbour-expanded) vectors, mixed with the cosine of the
   * articles' own vectors by `RelatedParams.directWeight`.
   */
  score: number;
  /** Up to 3 key terms both articles contain, best first, lower case ("dân vận"). */
  sharedTerms: string[];
}

/** What the UI needs to say why an article is listed ("cùng chủ đề: …"). */
export interface RelatedReason {
  sharedTerms: string[];
  sameCategory: boolean;
}

/** One article inside a serialised index; numbers refer to `RelatedIndexJSON.terms` / `docs`. */
export interface RelatedDocJSON {
  id: string;
  /** Total weighted syllable count (title and lead boosted), for BM25 length normalisation. */
  length: number;
  /** Candidate term numbers, most frequent first, and their weighted raw counts. */
  terms: number[];
  counts: number[];
  /** Neighbour positions in `docs`, nearest first, with similarity × 65535. */
  neighbours: number[];
  neighbourSims: number[];
  /** Stored vector: term numbers and L2-normalised weights × 65535. */
  vector: number[];
  weights: number[];
  /** Neighbours gained since `vector` was computed (it is recomputed after a few). */
  staleNeighbours: number;
}

export interface RelatedIndexJSON {
  format: 'archive-reader/related-index';
  version: 1;
  params: RelatedParams;
  /** Article count at the last full reweighting; drives when the next one happens. */
  refreshedAt: number;
  /** Running sum of `length` (average length feeds BM25 length normalisation). */
  totalLength: number;
  terms: string[];
  docs: RelatedDocJSON[];
}
