import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BookmarkImportError, MAX_IMPORT_BYTES } from '../../data/bookmarkImport';
import { useBookmarkActions } from '../../hooks/useBookmarks';
import { translateError } from '../../i18n/translateError';
import { downloadText } from '../../app/downloadText';
import { formatNumber } from '../../i18n/formatDate';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Export (JSON for another archive, HTML for any browser) as downloads, and import either through a file
 * input. An import is validated whole before anything is written, so a damaged file changes nothing and
 * says what is wrong.
 */
export function BookmarkTransfer() {
  const { t, i18n } = useTranslation();
  const actions = useBookmarkActions();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const fmt = (n: number) => formatNumber(n, i18n.language);

  const exportAs = async (kind: 'json' | 'html') => {
    setMessage(null);
    try {
      if (kind === 'json') downloadText(await actions.exportJson(), `doc-luu-tru-dau-trang-${today()}.json`, 'application/json');
      else downloadText(await actions.exportHtml(t('bookmarks.transfer.htmlTitle')), `doc-luu-tru-dau-trang-${today()}.html`, 'text/html');
    } catch (err) {
      setMessage({ kind: 'error', text: translateError(t, err) });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new BookmarkImportError('too-large');
      const r = await actions.importText(await file.text(), file.name);
      setMessage({
        kind: 'ok',
        text: t('bookmarks.transfer.imported', {
          bookmarks: t('bookmarks.transfer.bookmarksAdded', { count: r.bookmarksAdded, formatted: fmt(r.bookmarksAdded) }),
          collections: t('bookmarks.transfer.collectionsAdded', { count: r.collectionsAdded, formatted: fmt(r.collectionsAdded) }),
          file: file.name,
        }),
      });
    } catch (err) {
      const reason =
        err instanceof BookmarkImportError
          ? t(`bookmarks.errors.${err.code}`, { detail: err.detail, max: fmt(MAX_IMPORT_BYTES / 1024 / 1024) })
          : translateError(t, err);
      setMessage({ kind: 'error', text: t('bookmarks.errors.failed', { file: file.name, reason }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bookmark-transfer">
      <div className="list-toolbar-row">
        <button type="button" onClick={() => void exportAs('json')}>
          {t('bookmarks.transfer.exportJson')}
        </button>
        <button type="button" onClick={() => void exportAs('html')}>
          {t('bookmarks.transfer.exportHtml')}
        </button>
        <label className="file-button">
          <span>{busy ? t('bookmarks.transfer.importing') : t('bookmarks.transfer.import')}</span>
          <input type="file" accept=".json,.html,.htm,application/json,text/html" disabled={busy} onChange={(e) => void onFile(e)} />
        </label>
      </div>
      {message?.kind === 'error' && (
        <p role="alert" className="form-error">
          {message.text}
        </p>
      )}
      <p aria-live="polite" className="muted transfer-status">
        {message?.kind === 'ok' ? message.text : ''}
      </p>
    </div>
  );
}
