import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchive } from '../api/ArchiveContext';
import { ArticleList, type ArticleListHandle } from '../features/list/ArticleList';
import { Reader } from '../features/reader/Reader';
import { LanguageSelect } from '../features/settings/LanguageSelect';
import { ThemeSelect } from '../features/settings/ThemeSelect';
import { SourceList } from '../features/sources/SourceList';
import { StatusLine } from '../features/status/StatusLine';
import { useAppliedTheme } from '../hooks/useAppliedTheme';
import { useArticle, useSetRead } from '../hooks/useArticle';
import { useArticleIds } from '../hooks/useArticleList';
import { useSetting } from '../hooks/useSetting';
import { useSources } from '../hooks/useSources';
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

  const sources = useSources(language);
  const ids = useArticleIds({ sourceId, language }) ?? [];
  const open = useArticle(openId);
  const setRead = useSetRead();
  const listRef = useRef<ArticleListHandle>(null);
  const readerRef = useRef<HTMLElement>(null);

  useEffect(() => {
    api.getAppInfo().then((info) => setHost(info.host), () => setHost(null));
  }, [api]);

  const openArticle = (id: string) => {
    setActiveId(id);
    void setOpenId(id);
    void setRead(id, true);
    requestAnimationFrame(() => readerRef.current?.focus());
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
        <div className="top-bar-controls">
          <LanguageSelect />
          <ThemeSelect />
        </div>
      </header>
      <SourceList
        sources={sources ?? []}
        selectedId={sourceId}
        onSelect={(id) => {
          void setSourceId(id);
          setActiveId(null);
        }}
      />
      <main className="content">
        <ArticleList ref={listRef} ids={ids} activeId={activeId} openId={openId} onActivate={setActiveId} onOpen={openArticle} />
        <Reader
          ref={readerRef}
          open={open}
          sourceTitle={sourceTitle}
          onToggleRead={(id, read) => void setRead(id, read)}
          onBack={() => listRef.current?.focus()}
        />
      </main>
      <StatusLine hostLabel={host === 'browser' ? t('status.browserMode') : host === 'electron' ? t('status.desktop') : ''} />
    </div>
  );
}
