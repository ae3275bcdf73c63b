import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discovery } from '../../../shared/model/sync';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { describeSyncError } from '../sync/describeFailure';
import { ModalDialog } from '../sync/ModalDialog';
import type { SourceSettings } from './SourceChoices';
import { SourceForm } from './SourceForm';

interface Props {
  onClose(): void;
  onAdded(title: string): void;
}

/** People type "baochinhphu.vn"; fetching needs a scheme. */
export function normalizeSourceUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Feeds for new articles and sitemaps for the back catalogue are what most people want; listings are extra. */
const defaultsFor = (d: Discovery): SourceSettings => ({
  feedUrls: d.feeds.map((f) => f.url),
  backfillUrls: [...d.sitemaps],
  downloadImages: true,
  schedule: 'off',
});

export function AddSourceDialog({ onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const admin = useSourceAdmin();
  const urlRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [found, setFound] = useState<Discovery | null>(null);
  const [title, setTitle] = useState('');
  const [settings, setSettings] = useState<SourceSettings | null>(null);

  const discover = async (e: FormEvent) => {
    e.preventDefault();
    const normalized = normalizeSourceUrl(url);
    setFound(null);
    setSettings(null);
    if (!normalized) {
      setError(t('sync.add.badUrl'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      const discovery = await admin.discover(normalized);
      setFound(discovery);
      setTitle(discovery.title);
      setSettings(defaultsFor(discovery));
    } catch (err) {
      setError(describeSyncError(t, err));
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!found || !settings) return;
    if (!settings.feedUrls.length && !settings.backfillUrls.length) {
      setError(t('sync.add.nothingChosen'));
      return;
    }
    setBusy(true);
    try {
      const existing = (await admin.findByUrl(found.finalUrl)) ?? (await admin.findByUrl(found.url));
      if (existing) {
        setError(t('sync.add.duplicate', { title: existing.title }));
        return;
      }
      const row = await admin.add({ ...settings, title: title.trim() || found.title, url: found.finalUrl, kind: found.kind, discovered: found });
      onAdded(row.title);
    } catch (err) {
      setError(describeSyncError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('sync.add.title')} onClose={onClose} initialFocus={urlRef} className="add-source">
      <form className="form-row" onSubmit={discover}>
        <label className="field grow">
          <span>{t('sync.add.url')}</span>
          <input ref={urlRef} type="text" inputMode="url" autoComplete="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('sync.add.discover')}
        </button>
      </form>
      <div aria-live="polite" className="dialog-messages">
        {busy && !found && <p>{t('sync.add.discovering')}</p>}
        {found && settings && (
          <p>{t('sync.add.found', { feeds: found.feeds.length, sitemaps: found.sitemaps.length, listings: found.listings.length })}</p>
        )}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {found && settings && (
        <SourceForm
          className="add-source-details"
          title={title}
          onTitle={setTitle}
          options={found}
          settings={settings}
          onSettings={setSettings}
          busy={busy}
          submitLabel={t('sync.add.submit')}
          onSubmit={add}
          onCancel={onClose}
        />
      )}
    </ModalDialog>
  );
}
