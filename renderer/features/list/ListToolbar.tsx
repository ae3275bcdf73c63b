import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Browse } from '../../hooks/useArticleList';
import { useCategoryCounts } from '../../hooks/useArticleList';
import { isFiltered, type ListFilter, type ListSort } from '../../data/listFilter';
import { MarkAllRead } from './MarkAllRead';
import { formatNumber } from '../../i18n/formatDate';

const SORTS: ListSort[] = ['newest', 'oldest', 'views'];

function activeFilterCount(f: ListFilter): number {
  return [f.category !== null, f.from !== '' || f.to !== '', f.unread, f.bookmarked, f.annotated].filter(Boolean).length;
}

/** Sort, the combinable filters (category, dates, unread, bookmarked, annotated) and "mark all as read". */
export function ListToolbar({ browse, shown }: { browse: Browse; shown: number | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { filter, setFilter } = browse;
  const active = activeFilterCount(filter);

  return (
    <div className="list-toolbar">
      <div className="list-toolbar-row">
        <label className="inline-field">
          <span>{t('list.sort.label')}</span>
          <select value={filter.sort} onChange={(e) => setFilter({ sort: e.target.value as ListSort })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`list.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {active ? t('list.filters.buttonActive', { count: active }) : t('list.filters.button')}
        </button>
      </div>
      {open && (
        <fieldset id={panelId} className="list-filters">
          <legend className="visually-hidden">{t('list.filters.legend')}</legend>
          <CategorySelect browse={browse} />
          <div className="date-range">
            <label className="stacked-field">
              <span>{t('list.filters.from')}</span>
              <input type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ from: e.target.value })} />
            </label>
            <label className="stacked-field">
              <span>{t('list.filters.to')}</span>
              <input type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ to: e.target.value })} />
            </label>
          </div>
          <label className="check-field">
            <input type="checkbox" checked={filter.unread} onChange={(e) => setFilter({ unread: e.target.checked })} />
            <span>{t('list.filters.unread')}</span>
          </label>
          <label className="check-field">
            <input type="checkbox" checked={filter.bookmarked} onChange={(e) => setFilter({ bookmarked: e.target.checked })} />
            <span>{t('list.filters.bookmarked')}</span>
          </label>
          <label className="check-field">
            <input type="checkbox" checked={filter.annotated} onChange={(e) => setFilter({ annotated: e.target.checked })} />
            <span>{t('list.filters.annotated')}</span>
          </label>
          {isFiltered(filter) && (
            <button type="button" onClick={browse.clearFilter}>
              {t('list.filters.clear')}
            </button>
          )}
        </fieldset>
      )}
      <MarkAllRead query={browse.query} shown={shown} />
    </div>
  );
}

/** Categories with their unread counts; mounted only while the filter panel is open, so counting waits until asked. */
function CategorySelect({ browse }: { browse: Browse }) {
  const { t, i18n } = useTranslation();
  const categories = useCategoryCounts(browse.language);
  const { filter, setFilter } = browse;
  return (
    <label className="stacked-field">
      <span>{t('list.filters.category')}</span>
      <select value={filter.category ?? ''} onChange={(e) => setFilter({ category: e.target.value === '' ? null : e.target.value })}>
        <option value="">{t('list.filters.allCategories')}</option>
        {filter.category !== null && !categories?.some((c) => c.category === filter.category) && <option value={filter.category}>{filter.category}</option>}
        {categories?.map((c) => (
          <option key={c.category} value={c.category}>
            {c.unread > 0 ? t('list.filters.categoryUnread', { name: c.category, count: c.unread, formatted: formatNumber(c.unread, i18n.language) }) : c.category}
          </option>
        ))}
      </select>
    </label>
  );
}
