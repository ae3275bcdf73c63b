import type { SearchFilters } from '../../data/searchFilters';
import type { Language } from '../../data/settings';
import type { SnippetSegment } from '../../../shared/search/index';

/** Messages between the window and the search worker. Plain data: everything crosses `postMessage`. */

export interface SearchRequest {
  type: 'search';
  /** Echoed in the response, so the window can drop answers to queries it no longer shows. */
  requestId: number;
  query: string;
  filters: SearchFilters;
  language: Language;
  offset: number;
  limit: number;
}

export type ToWorker = SearchRequest;

export interface ResultRow {
  id: string;
  title: SnippetSegment[];
  snippet: SnippetSegment[];
  publishedAt: string;
  category: string;
  sourceId: string;
  removed: boolean;
}

export interface SearchResponse {
  type: 'result';
  requestId: number;
  offset: number;
  /** Matching articles that pass the filters, over all pages. */
  total: number;
  rows: ResultRow[];
  /** The query as searched when Telex/VNI was read (`dân vận` for `daan vaajn`); null otherwise. */
  searchedAs: string | null;
  /** False when no article had every word and the results are partial matches. */
  matchedAll: boolean;
}

export type IndexPhase = 'loading' | 'indexing' | 'ready';

export interface IndexStatus {
  phase: IndexPhase;
  /** Articles in the index. */
  indexed: number;
  /** Articles waiting to be (re)indexed. */
  pending: number;
  /** The last problem the index worked around (it keeps answering from memory and retries). */
  error: IndexProblem | null;
}

export interface IndexProblem {
  /** disk-full: the index could not be saved; store: the store refused a read or write; worker: the worker stopped. */
  code: 'disk-full' | 'store' | 'worker';
  /** Technical detail, shown after the translated sentence. */
  message: string;
}

export type FromWorker =
  | SearchResponse
  | { type: 'status'; status: IndexStatus }
  | { type: 'error'; requestId: number; message: string };
