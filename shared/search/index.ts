export { SearchEngine, IndexFormatError } from './search-engine';
export {
  parseQuery, resolveQuery, resolveTerm, formatQuery, isConverted, queryTerms, makeTerm, MAX_GROUPS,
  type ParsedQuery, type QueryGroup, type QueryTerm, type ParseOptions, type QueryVocabulary,
} from './query';
export { makeSnippet, highlightRanges, type SnippetSegment, type HighlightRange, type SnippetOptions } from './snippet';
export { fingerprintOf } from './fingerprint';
export { bytesToBase64, base64ToBytes } from './chunk-codec';
export type {
  SearchDoc, SearchHit, SearchOptions, SearchResult, IndexChunk, IndexChunkInput, TextIndexChunk, SearchEngineOptions, SearchEngineStats,
} from './types';
