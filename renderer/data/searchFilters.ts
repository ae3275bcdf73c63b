/** What search results can be narrowed by; every part combines with the others and with the query. */
export interface SearchFilters {
  /** null = every source. */
  sourceId: string | null;
  /** null = every category. */
  category: string | null;
  /** Calendar days (yyyy-mm-dd) in the portal's time zone, both inclusive; '' leaves that end open. */
  from: string;
  to: string;
  bookmarked: boolean;
  annotated: boolean;
}

export const NO_SEARCH_FILTERS: SearchFilters = { sourceId: null, category: null, from: '', to: '', bookmarked: false, annotated: false };

export function hasSearchFilters(f: SearchFilters): boolean {
  return f.sourceId !== null || f.category !== null || f.from !== '' || f.to !== '' || f.bookmarked || f.annotated;
}
