import type { RelatedParams } from './relatedParams';

/**
 * idf from the current document frequency. Terms below `minDf` get 0: a term only one
 * article has cannot connect it to anything, yet would otherwise win the top-K cut on idf.
 */
export function idfWeight(
  df: number,
  articleCount: number,
  params: Pick<RelatedParams, 'minDf' | 'idfExponent'>,
): number {
  if (df < params.minDf || df <= 0) return 0;
  const idf = Math.log((articleCount + 1) / (df + 0.5));
  return idf > 0 ? Math.pow(idf, params.idfExponent) : 0;
}

/** BM25 saturation: the tenth mention of a term adds little over the third. */
export function tfSaturation(
  count: number,
  length: number,
  averageLength: number,
  params: Pick<RelatedParams, 'k1' | 'b'>,
): number {
  return saturate(count, params.k1, lengthNorm(length, averageLength, params));
}

/** BM25's document-length factor; hoisted out of loops over one article's terms. */
export function lengthNorm(length: number, averageLength: number, params: Pick<RelatedParams, 'b'>): number {
  return params.b === 0 || averageLength <= 0 ? 1 : 1 - params.b + (params.b * length) / averageLength;
}

/** `tfSaturation` given `lengthNorm`: the same arithmetic, so the same bits. */
export function saturate(count: number, k1: number, norm: number): number {
  return (count * (k1 + 1)) / (count + k1 * norm);
}
