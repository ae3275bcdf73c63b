import { useTranslation } from 'react-i18next';
import { foldMarks, hasMarks } from '../../../shared/text/index';

interface Props {
  query: string;
  filtered: boolean;
  indexing: boolean;
  onSearch(query: string): void;
  onClearFilters(): void;
}

/** No results: say so, and offer the changes that most often help (no tone marks, fewer filters, fewer words). */
export function SearchEmpty({ query, filtered, indexing, onSearch, onClearFilters }: Props) {
  const { t } = useTranslation();
  const plain = foldMarks(query.normalize('NFC'));
  const words = query.trim().split(/\s+/).length;
  return (
    <div className="search-empty">
      <p className="search-empty-title">{t('search.empty.title', { query: query.trim() })}</p>
      <ul>
        {hasMarks(query) && (
          <li>
            {t('search.empty.dropMarks')}{' '}
            <button type="button" className="link-button" onClick={() => onSearch(plain)}>
              {plain}
            </button>
          </li>
        )}
        {filtered && (
          <li>
            {t('search.empty.filters')}{' '}
            <button type="button" className="link-button" onClick={onClearFilters}>
              {t('search.filters.clear')}
            </button>
          </li>
        )}
        {(words > 1 || query.includes('"')) && <li>{t('search.empty.fewerWords')}</li>}
        <li>{t('search.empty.typing')}</li>
        {indexing && <li>{t('search.empty.indexing')}</li>}
      </ul>
    </div>
  );
}
