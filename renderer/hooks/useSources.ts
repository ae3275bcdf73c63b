import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { countSourceReads, countSourceTotals } from '../data/articleQueries';
import { db } from '../data/db';
import type { SourceRow } from '../data/rows';
import type { Language } from '../data/settings';
import { useQuietQuery } from './useQuietQuery';

export interface SourceWithCounts extends SourceRow {
  unread: number;
}

// A read of one row re-runs on any write to its table: "articles changed", "read state changed".
const watchArticles = () => db.articles.limit(1).toArray();
const watchReads = () => db.readState.limit(1).toArray();

/**
 * Sources with their unread counts. Totals change with the articles and read counts with the read state,
 * so marking an article read recounts only the read-state index; both wait for a quiet moment (see
 * useQuietQuery), off the path of opening the next article.
 */
export function useSources(language: Language): SourceWithCounts[] | undefined {
  const sources = useLiveQuery(async () => {
    const rows = await db.sources.orderBy('id').toArray();
    // The guide first, then portal sources by title.
    return rows.sort((a, b) => (a.kind === 'guide' ? -1 : b.kind === 'guide' ? 1 : a.title.localeCompare(b.title, 'vi')));
  }, []);
  const ids = useMemo(() => sources?.map((s) => s.id) ?? [], [sources]);
  const totals = useQuietQuery(() => countSourceTotals(db, ids, language), [ids, language], watchArticles);
  const reads = useQuietQuery(() => countSourceReads(db, ids, language), [ids, language], watchReads);
  return useMemo(
    () => (sources && totals && reads ? sources.map((s) => ({ ...s, unread: Math.max(0, (totals[s.id] ?? 0) - (reads[s.id] ?? 0)) })) : undefined),
    [sources, totals, reads],
  );
}
