import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useArticleCollections, useBookmarkActions, useCollections } from '../../hooks/useBookmarks';
import { useCollectionError } from './useCollectionError';

/**
 * The collections one article is in, as checkboxes, plus a field to create a collection and put the
 * article in it at once. Checking any collection bookmarks the article.
 */
export function CollectionPicker({ id, articleId, onClose }: { id: string; articleId: string; onClose(): void }) {
  const { t } = useTranslation();
  const collections = useCollections();
  const stored = useArticleCollections(articleId);
  // A ticked box stays ticked while the change is written and read back (a controlled checkbox would
  // otherwise flick back for a moment).
  const [pending, setPending] = useState<{ articleId: string; inside: Record<string, boolean> }>({ articleId, inside: {} });
  // Any new stored answer (ours read back, or a change made elsewhere, such as b removing the bookmark) wins.
  useEffect(() => setPending({ articleId, inside: {} }), [stored, articleId]);
  const overrides = pending.articleId === articleId ? pending.inside : {};
  const isInside = (id: string) => overrides[id] ?? stored?.includes(id) ?? false;
  const toggle = (id: string, on: boolean) => {
    setPending((p) => ({ articleId, inside: { ...(p.articleId === articleId ? p.inside : {}), [id]: on } }));
    void actions.setInCollection(id, articleId, on);
  };
  const actions = useBookmarkActions();
  const [name, setName] = useState('');
  const [error, report] = useCollectionError();

  const createAndAdd = (e: FormEvent) => {
    e.preventDefault();
    void actions
      .create(name)
      .then((cid) => actions.setInCollection(cid, articleId, true))
      .then(() => (setName(''), report(null)), report);
  };

  return (
    <fieldset
      id={id}
      className="reader-panel collection-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <legend>{t('bookmarks.picker.legend')}</legend>
      {collections?.length === 0 && <p className="muted">{t('bookmarks.collections.none')}</p>}
      <ul className="picker-list">
        {collections?.map((c) => (
          <li key={c.id}>
            <label className="check-field">
              <input
                type="checkbox"
                checked={isInside(c.id)}
                disabled={stored === undefined}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              <span>{c.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <form onSubmit={createAndAdd} className="inline-form">
        <label htmlFor={`${id}-new`}>{t('bookmarks.collections.newLabel')}</label>
        <input id={`${id}-new`} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('bookmarks.picker.createAndAdd')}</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
