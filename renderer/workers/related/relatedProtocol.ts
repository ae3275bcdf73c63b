/** Messages between the window and the related-articles worker (structured-clone plain data only). */

export interface SimilarItem {
  id: string;
  title: string;
  /** Key terms both articles share, spelled as the articles write them, best first. */
  sharedTerms: string[];
  /** The portal filed both articles under the same section (never used for ranking). */
  sameCategory: boolean;
}

export interface RelatedProgress {
  /** Articles in the index. */
  indexed: number;
  /** Stored articles still to be (re)indexed or removed. */
  pending: number;
}

export interface SimilarAnswer {
  articleId: string;
  /**
   * 'ready': the article and everything stored is indexed; 'indexing': the article is indexed but other
   * articles are still being added, so the list may improve; 'unknown': the article is not in the store.
   */
  state: 'ready' | 'indexing' | 'unknown';
  items: SimilarItem[];
  progress: RelatedProgress;
}

export type RelatedRequest = { type: 'similar'; requestId: number; articleId: string; k: number };

export type RelatedMessage =
  | { type: 'similar'; requestId: number; answer: SimilarAnswer }
  | { type: 'error'; requestId: number; message: string }
  /** The index changed (articles added, edited or removed): open lists may ask again. */
  | { type: 'changed'; progress: RelatedProgress }
  /** The worker could not start (e.g. the database would not open); every request will fail. */
  | { type: 'failed'; message: string };
