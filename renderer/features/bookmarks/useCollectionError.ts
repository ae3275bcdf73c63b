import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CollectionNameError } from '../../data/bookmarksRepo';
import { translateError } from '../../i18n/translateError';

/** A translated message for a failed collection change (empty or taken name, or anything unexpected). */
export function useCollectionError(): [string | null, (err: unknown) => void] {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const report = useCallback(
    (err: unknown) => {
      if (err === null) setError(null);
      else if (err instanceof CollectionNameError) setError(t(`bookmarks.collections.errors.${err.reason}`));
      else setError(translateError(t, err));
    },
    [t],
  );
  return [error, report];
}
