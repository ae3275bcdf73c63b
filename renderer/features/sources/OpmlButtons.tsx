import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSourceAdmin } from '../../hooks/useSourceAdmin';
import { downloadText } from '../../app/downloadText';
import { describeSyncError } from '../sync/describeFailure';

interface Props {
  onMessage(message: { text: string; error?: boolean }): void;
}

const EXPORT_FILE = 'nguon-tin.opml';
const MAX_OPML_BYTES = 20 * 1024 * 1024;

/** Import reads the file through main's OPML parser; a corrupt file changes nothing. Export downloads a file. */
export function OpmlButtons({ onMessage }: Props) {
  const { t } = useTranslation();
  const admin = useSourceAdmin();
  const inputRef = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    let text: string;
    try {
      if (file.size > MAX_OPML_BYTES) throw { code: 'too-large', message: `${file.name} is ${file.size} bytes` };
      text = await file.text();
    } catch (err) {
      onMessage({ text: t('sync.toolbar.importFailed', { reason: (err as { code?: string }).code ? describeSyncError(t, err) : t('sync.toolbar.readFailed') }), error: true });
      return;
    }
    try {
      const r = await admin.importOpml(text);
      const parts = [t('sync.toolbar.imported', { count: r.added })];
      if (r.duplicates) parts.push(t('sync.toolbar.importDuplicates', { count: r.duplicates }));
      if (r.skipped) parts.push(t('sync.toolbar.importSkipped', { count: r.skipped }));
      onMessage({ text: parts.join(' ') });
    } catch (err) {
      onMessage({ text: t('sync.toolbar.importFailed', { reason: describeSyncError(t, err) }), error: true });
    }
  };

  const exportFile = async () => {
    try {
      const { text, count } = await admin.exportOpml();
      downloadText(text, EXPORT_FILE, 'text/x-opml');
      onMessage({ text: t('sync.toolbar.exported', { count, file: EXPORT_FILE }) });
    } catch (err) {
      onMessage({ text: t('sync.toolbar.exportFailed', { reason: describeSyncError(t, err) }), error: true });
    }
  };

  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()}>
        {t('sync.toolbar.importOpml')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".opml,.xml,text/x-opml,text/xml,application/xml"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" onClick={() => void exportFile()}>
        {t('sync.toolbar.exportOpml')}
      </button>
    </>
  );
}
