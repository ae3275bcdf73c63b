import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchive } from '../api/ArchiveContext';
import type { ArticleListHandle } from '../features/list/ArticleList';
import { ListPane } from '../features/list/ListPane';
import { Reader } from '../features/reader/Reader';
import { RelatedLayout } from '../features/related/RelatedLayout';
import { FindBar } from '../features/search/FindBar';
import { SearchBox } from '../features/search/SearchBox';
import { LanguageSelect } from '../features/settings/LanguageSelect';
import { NetworkButton } from '../features/settings/NetworkButton';
import { ThemeSelect } from '../features/settings/ThemeSelect';
import { SourceList } from '../features/sources/SourceList';
import { StatusLine } from '../features/status/StatusLine';
import { useAppliedTheme } from '../hooks/useAppliedTheme';
import { useArticle, useSetRead } from '../hooks/useArticle';
import { useBrowse } from '../hooks/useArticleList';
import { useSetting } from '../hooks/useSetting';
import { whenIdle } from '../hooks/useStartupGate';
import { useSources } from '../hooks/useSources';
import { useSyncSchedule } from '../hooks/useSyncSchedule';
import type { HostKind } from '../../shared/api/archiveApi';

export function App() {
  const { t } = useTranslation();
  const { api } = useArchive();
  const [language] = useSetting('language');
  const [theme] = useSetting('theme');
  const [sourceId, setSourceId] = useSetting('selectedSourceId');
  const [openId, setOpenId] = useSetting('openArticleId');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [host, setHost] = useState<HostKind | null>(null);
  useAppliedTheme(theme);
  useSyncSchedule();

  const sources = useSources(language);
  const browse = useBrowse(openId);
  const ids = browse.ids ?? [];
  const open = useArticle(openId);
  const setRead = useSetRead();
  const listRef = useRef<ArticleListHandle>(null);
  const readerRef = useRef<HTMLElement>(null);

  useEffect(() => {
    api.getAppInfo().then((info) => setHost(info.host), () => setHost(null));
  }, [api]);

  const openArticle = (id: string) => {
    setActiveId(id);
    // Shown at once, saved when idle: the settings write must not queue ahead of the article's reads.
    void setOpenId(id, { whenIdle: true });
    // Unless focus moved meanwhile (Escape back to the list before the next frame, on a busy machine).
    const from = document.activeElement;
    requestAnimationFrame(() => {
      if (document.activeElement === from) readerRef.current?.focus();
    });
  };

  // Marked read once it is on screen and the browser is idle: the write (and the reads it triggers)
  // never delays showing it, nor the next article opened right after.
  // A choice the reader makes meanwhile (mark unread at once) wins over the pending automatic mark.
  const shownId = open?.article.id;
  const pendingAutoRead = useRef<string | null>(null);
  useEffect(() => {
    if (!shownId || shownId !== openId) return;
    pendingAutoRead.current = shownId;
    void whenIdle().then(() => {
      if (pendingAutoRead.current !== shownId) return;
      pendingAutoRead.current = null;
      void setRead(shownId, true);
    });
    return () => {
      if (pendingAutoRead.current === shownId) pendingAutoRead.current = null;
    };
  }, [shownId, openId, setRead]);
  const toggleRead = (id: string, read: boolean) => {
    if (pendingAutoRead.current === id) pendingAutoRead.current = null;
    void setRead(id, read);
  };

  // Guide articles exist per language: switching language follows the open guide article across.
  useEffect(() => {
    const m = openId && /^guide:(vi|en):(.+)$/.exec(openId);
    if (m && m[1] !== language) {
      const twin = `guide:${language}:${m[2]}`;
      void setOpenId(twin);
      void setRead(twin, true);
    }
  }, [language, openId, setOpenId, setRead]);

  // j / k move between articles from anywhere except text fields, so reading never needs the mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.altKey || e.ctrlKey || e.metaKey || target.closest('input, textarea, select, [role=listbox]')) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      const index = openId ? ids.indexOf(openId) : -1;
      const next = ids[Math.min(ids.length - 1, Math.max(0, index + (e.key === 'j' ? 1 : -1)))];
      if (next) {
        e.preventDefault();
        openArticle(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const source = sources?.find((s) => s.id === open?.article.sourceId);
  const sourceTitle = source ? (source.kind === 'guide' ? t('sources.guide') : source.title) : '';

  return (
    <div className="app-shell">
      <a className="skip-link" href="#list-heading">
        {t('app.skipToList')}
      </a>
      <header className="top-bar">
        <h1 className="app-name">{t('app.name')}</h1>
        <SearchBox sources={sources ?? []} language={language} onOpen={openArticle} />
        <div className="top-bar-controls">
          <LanguageSelect />
          <ThemeSelect />
          <NetworkButton />
        </div>
      </header>
      <SourceList
        sources={sources ?? []}
        selectedId={sourceId}
        onSelect={(id) => {
          void setSourceId(id);
          browse.setView('articles');
          setActiveId(null);
        }}
      />
      <main className="content">
        <ListPane
          ref={listRef}
          browse={browse}
          activeId={activeId}
          openId={openId}
          onActivate={setActiveId}
          onOpen={openArticle}
          onToggleRead={toggleRead}
        />
        <RelatedLayout articleId={open?.article.id ?? null} onOpen={openArticle}>
          <Reader
            ref={readerRef}
            open={open}
            sourceTitle={sourceTitle}
            onToggleRead={toggleRead}
            onBack={() => listRef.current?.focus()}
          />
        </RelatedLayout>
        <FindBar readerRef={readerRef} articleId={open?.article.id ?? null} />
      </main>
      <StatusLine hostLabel={host === 'browser' ? t('status.browserMode') : host === 'electron' ? t('status.desktop') : ''} />
    </div>
  );
}
