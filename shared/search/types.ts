import type { ParsedQuery } from './query';

/** One article as the search index sees it. Strings may be in any Unicode normal form. */
export interface SearchDoc {
  id: string;
  title: string;
  lead: string;
  /** Body plain text, paragraphs separated by "\n". */
  text: string;
  author: string;
  /** Image captions; one string or one per image. */
  captions: string | readonly string[];
  category: string;
  /** Not indexed as text: source filters are the caller's candidate set. */
  sourceId: string;
  /** ISO 8601; newer wins ties. Unparseable or empty counts as oldest. */
  publishedAt: string;
  /** The store's content hash (e.g. `Article.contentHash`); part of the consistency fingerprint. */
  contentHash?: string;
}

export interface SearchHit {
  id: string;
  /** Relevance within this result list; only the order is meaningful across queries. */
  score: number;
}

export interface SearchOptions {
  /** Default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  /**
   * Restricts hits to these ids (source/category/date/bookmark filters computed by the caller).
   * A Set is the cheapest form; a predicate is called once per matching document.
   */
  filter?: ReadonlySet<string> | ((id: string) => boolean);
  /** Treat an unfinished last word as a prefix (default true). Ignored for a parsed query. */
  prefix?: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matching documents that pass the filter (all pages). */
  total: number;
  /**
   * The query as searched (Telex/VNI already read). Hand it to `makeSnippet`/`highlightRanges`
   * so highlights agree with the hits; `formatQuery(query)` shows it to the reader.
   */
  query: ParsedQuery;
  /** False when no document had every term and the hits are partial (any-term) matches. */
  matchedAll: boolean;
}

/** One piece of persisted index; `data` goes into IndexedDB as is. */
export interface IndexChunk {
  key: string;
  data: Uint8Array;
}

/** A chunk as text (base64), for a store whose rows hold strings. */
export interface TextIndexChunk {
  key: string;
  data: string;
}

/** What `importChunks` accepts: bytes as exported, an ArrayBuffer, or base64 text. */
export interface IndexChunkInput {
  key: string;
  data: Uint8Array | ArrayBuffer | string;
}

export interface SearchEngineOptions {
  /**
   * Fold tones and marks when matching (default true). Off only for the evaluation baseline:
   * terms must then match as written (case-folded, NFC).
   */
  foldMarks?: boolean;
}

export interface SearchEngineStats {
  documents: number;
  /** Slots of removed documents not yet compacted away. */
  deadDocuments: number;
  terms: number;
  segments: number;
  postings: number;
  /** Bytes held in posting lists. */
  postingBytes: number;
}
