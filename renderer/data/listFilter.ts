/** How the article list is ordered: newest first, oldest first, or most viewed first. */
export type ListSort = 'newest' | 'oldest' | 'views';

/** What the article list shows, besides the source chosen in the sidebar. Every part combines with the others. */
export interface ListFilter {
  sort: ListSort;
  /** null = every category. */
  category: string | null;
  /** Calendar days (yyyy-mm-dd) in the portal's time zone, both inclusive; '' leaves that end open. */
  from: string;
  to: string;
  unread: boolean;
  bookmarked: boolean;
  annotated: boolean;
}

export const DEFAULT_LIST_FILTER: ListFilter = {
  sort: 'newest',
  category: null,
  from: '',
  to: '',
  unread: false,
  bookmarked: false,
  annotated: false,
};

/** The portal prints Vietnamese time (UTC+7, no daylight saving), so a day starts at 17:00 UTC the day before. */
const PORTAL_OFFSET = '+07:00';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** ISO instant where a portal calendar day begins, comparable with stored `publishedAt` strings. */
export function dayStartIso(day: string): string | null {
  if (!DAY.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00${PORTAL_OFFSET}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The half-open range [from, to + 1 day) of `publishedAt` values a filter admits; null ends are open. */
export function publishedRange(filter: Pick<ListFilter, 'from' | 'to'>): { lo: string | null; hi: string | null } {
  const lo = dayStartIso(filter.from);
  const toStart = dayStartIso(filter.to);
  const hi = toStart ? new Date(Date.parse(toStart) + 86_400_000).toISOString() : null;
  return { lo, hi };
}

/** True when the filter narrows anything (the list shows a "clear filters" action). */
export function isFiltered(filter: ListFilter): boolean {
  return filter.category !== null || filter.from !== '' || filter.to !== '' || filter.unread || filter.bookmarked || filter.annotated;
}
