// The per-weight files declare every subset with its unicode-range, so Vietnamese letters (ặ, ễ, ộ, ư, đ)
// come from the Vietnamese subset and the rest from Latin. The per-subset files (vietnamese-400.css…)
// carry no unicode-range: imported together, the last one silently replaces the others.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-serif/400.css';
import '@fontsource/noto-serif/400-italic.css';
import '@fontsource/noto-serif/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ArchiveContext } from './api/ArchiveContext';
import { connectArchive, MissingTokenError } from './api/connectArchive';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { FatalScreen } from './app/FatalScreen';
import { db } from './data/db';
import { seedGuide } from './data/seedGuide';
import { readSetting } from './data/settings';
import { initI18n } from './i18n/initI18n';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  let language: 'vi' | 'en' = 'vi';
  try {
    await db.open();
    language = await readSetting(db, 'language');
  } catch (err) {
    await initI18n(language);
    root.render(<FatalScreen titleKey="errors.storageTitle" bodyKey="errors.storageBody" message={String((err as Error).message)} />);
    return;
  }
  await initI18n(language);

  let archive;
  try {
    archive = connectArchive();
  } catch (err) {
    if (err instanceof MissingTokenError) {
      root.render(<FatalScreen titleKey="errors.missingTokenTitle" bodyKey="errors.missingTokenBody" />);
      return;
    }
    throw err;
  }
  await seedGuide(db);
  // Ask the browser not to evict the archive under storage pressure; it may say no, and that is fine.
  void navigator.storage?.persist?.();

  root.render(
    <StrictMode>
      <ErrorBoundary onError={(error) => void archive.api.log({ level: 'error', message: `render error: ${error.stack ?? error.message}` })}>
        <ArchiveContext.Provider value={archive}>
          <App />
        </ArchiveContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
