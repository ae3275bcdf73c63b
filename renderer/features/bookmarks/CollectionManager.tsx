import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionWithCount } from '../../data/bookmarksRepo';
import { useBookmarkActions } from '../../hooks/useBookmarks';
import { useCollectionError } from './useCollectionError';

/** Create, rename and delete collections. Deleting asks first and keeps the bookmarks themselves. */
export function CollectionManager({ collections, onDeleted }: { collections: CollectionWithCount[]; onDeleted(id: string): void }) {
  const { t } = useTranslation();
  const actions = useBookmarkActions();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, report] = useCollectionError();

  const create = (e: FormEvent) => {
    e.preventDefault();
    void actions.create(name).then(() => (setName(''), report(null)), report);
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    void actions.rename(editing.id, editing.name).then(() => (setEditing(null), report(null)), report);
  };

  return (
    <section className="collection-manager" aria-labelledby="collection-manager-heading">
      <h3 id="collection-manager-heading" className="pane-title">
        {t('bookmarks.collections.heading')}
      </h3>
      {collections.length === 0 && <p className="muted">{t('bookmarks.collections.none')}</p>}
      <ul>
        {collections.map((c) => (
          <li key={c.id}>
            {editing?.id === c.id ? (
              <form onSubmit={rename} className="inline-form">
                <label className="visually-hidden" htmlFor={`rename-${c.id}`}>
                  {t('bookmarks.collections.newName', { name: c.name })}
                </label>
                <input id={`rename-${c.id}`} value={editing.name} autoFocus onChange={(e) => setEditing({ id: c.id, name: e.target.value })} />
                <button type="submit">{t('bookmarks.collections.save')}</button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('bookmarks.collections.cancel')}
                </button>
              </form>
            ) : deleting === c.id ? (
              <div className="inline-form" role="group" aria-label={t('bookmarks.collections.delete', { name: c.name })}>
                <span>{t('bookmarks.collections.confirmDelete', { name: c.name, count: c.count })}</span>
                <button
                  type="button"
                  onClick={() => {
                    setDeleting(null);
                    void actions.remove(c.id).then(() => onDeleted(c.id));
                  }}
                >
                  {t('bookmarks.collections.confirmYes')}
                </button>
                <button type="button" onClick={() => setDeleting(null)}>
                  {t('bookmarks.collections.cancel')}
                </button>
              </div>
            ) : (
              <div className="inline-form">
                <span className="collection-name">{t('bookmarks.collectionOption', { name: c.name, count: c.count })}</span>
                <button type="button" aria-label={t('bookmarks.collections.rename', { name: c.name })} onClick={() => setEditing({ id: c.id, name: c.name })}>
                  {t('bookmarks.collections.renameShort')}
                </button>
                <button type="button" aria-label={t('bookmarks.collections.delete', { name: c.name })} onClick={() => setDeleting(c.id)}>
                  {t('bookmarks.collections.deleteShort')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={create} className="inline-form">
        <label htmlFor="new-collection-name">{t('bookmarks.collections.newLabel')}</label>
        <input id="new-collection-name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('bookmarks.collections.create')}</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
