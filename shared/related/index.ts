export { RelatedIndex } from './relatedIndex';
export { reasonFor, type ReasonArticle } from './reasonFor';
export { DEFAULT_RELATED_PARAMS, type RelatedParams } from './relatedParams';
export type { RelatedDoc, RelatedDocJSON, RelatedHit, RelatedIndexJSON, RelatedReason } from './types';
export { countTerms, type TermCounts } from './termCounts';
export { syllableRuns, normalizeSyllable } from './syllables';
