import { useTranslation } from 'react-i18next';
import { hasSearchFilters, type SearchFilters } from '../../data/searchFilters';
import { useCategoryCounts } from '../../hooks/useArticleList';
import type { SourceWithCounts } from '../../hooks/useSources';
import type { Language } from '../../data/settings';

interface Props {
  id: string;
  filters: SearchFilters;
  sources: readonly SourceWithCounts[];
  language: Language;
  sourceTitle(sourceId: string): string;
  onChange(patch: Partial<SearchFilters>): void;
  onClear(): void;
}

/** Source, category, dates, bookmarked and annotated: each narrows the results and all combine with the query. */
export function SearchFiltersBar({ id, filters, sources, language, sourceTitle, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const categories = useCategoryCounts(language);
  return (
    <fieldset id={id} className="search-filters">
      <legend className="visually-hidden">{t('search.filters.legend')}</legend>
      <label className="stacked-field">
        <span>{t('search.filters.source')}</span>
        <select value={filters.sourceId ?? ''} onChange={(e) => onChange({ sourceId: e.target.value || null })}>
          <option value="">{t('search.filters.allSources')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {sourceTitle(s.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        <span>{t('search.filters.category')}</span>
        <select value={filters.category ?? ''} onChange={(e) => onChange({ category: e.target.value || null })}>
          <option value="">{t('search.filters.allCategories')}</option>
          {filters.category !== null && !categories?.some((c) => c.category === filters.category) && (
            <option value={filters.category}>{filters.category}</option>
          )}
          {categories?.map((c) => (
            <option key={c.category} value={c.category}>
              {c.category}
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        <span>{t('search.filters.from')}</span>
        <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="stacked-field">
        <span>{t('search.filters.to')}</span>
        <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <label className="check-field">
        <input type="checkbox" checked={filters.bookmarked} onChange={(e) => onChange({ bookmarked: e.target.checked })} />
        <span>{t('search.filters.bookmarked')}</span>
      </label>
      <label className="check-field">
        <input type="checkbox" checked={filters.annotated} onChange={(e) => onChange({ annotated: e.target.checked })} />
        <span>{t('search.filters.annotated')}</span>
      </label>
      {hasSearchFilters(filters) && (
        <button type="button" onClick={onClear}>
          {t('search.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
