import { forwardRef, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchive } from '../../api/ArchiveContext';
import type { OpenArticle } from '../../hooks/useArticle';
import { useArticleImages } from '../../hooks/useArticleImages';
import { useArticleCollections, useBookmarkActions, useIsBookmarked } from '../../hooks/useBookmarks';
import { translateError } from '../../i18n/translateError';
import { CollectionPicker } from '../bookmarks/CollectionPicker';
import { ReaderHeader } from './ReaderHeader';
import { ReaderSettings, useTypography } from './ReaderSettings';
import { typographyStyle } from './readerTypography';
import { sanitizeArticleHtml } from './sanitizeArticleHtml';
import { useReaderShortcuts } from './useReaderShortcuts';
import { useScrollMemory } from './useScrollMemory';
import './reader.css';

interface Props {
  open: OpenArticle | null | undefined;
  sourceTitle: string;
  onToggleRead(id: string, read: boolean): void;
  onBack(): void;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
const LINE_STEP = 48;

type Panel = 'collections' | 'settings' | null;

/**
 * The open article: toolbar, header, lead and body, in the reader's own typography. Keys while it has
 * focus: Space / Shift+Space page down / up, ↑ ↓ PageUp PageDown Home End scroll, Esc back to the list;
 * anywhere: b bookmark, o open the original, j / k next / previous article (App).
 */
export const Reader = forwardRef<HTMLElement, Props>(function Reader({ open, sourceTitle, onToggleRead, onBack }, ref) {
  const { t } = useTranslation();
  const { api } = useArchive();
  const html = useArticleImages(
    open?.article.id,
    useMemo(() => (open?.body ? sanitizeArticleHtml(open.body.html) : ''), [open?.body]),
  );
  const paneRef = useRef<HTMLElement | null>(null);
  const setPane = useCallback(
    (el: HTMLElement | null) => {
      paneRef.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  const article = open?.article;
  const articleId = article?.id ?? null;
  const bookmarked = useIsBookmarked(articleId);
  const inCollections = useArticleCollections(articleId);
  const actions = useBookmarkActions();
  const typography = useTypography();
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);
  const panelId = useId();
  useScrollMemory(paneRef, article?.id);

  const openOriginal = useCallback(() => {
    if (!article || !isWebUrl(article.url)) return;
    api.openExternal(article.url).catch((err: unknown) => setError({ id: article.id, text: translateError(t, err) }));
  }, [api, article, t]);
  const toggleBookmark = useCallback(() => {
    if (articleId) void actions.toggle(articleId);
  }, [actions, articleId]);
  useReaderShortcuts(!!article, { bookmark: toggleBookmark, openOriginal });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
      return;
    }
    // Controls inside the reader keep their own keys (Space presses a button, arrows move in a select).
    if ((e.target as HTMLElement).closest('button, a[href], input, select, textarea, summary')) return;
    const pane = e.currentTarget;
    const page = Math.max(LINE_STEP, pane.clientHeight * 0.9);
    const by: Record<string, number> = {
      ' ': e.shiftKey ? -page : page,
      PageDown: page,
      PageUp: -page,
      ArrowDown: LINE_STEP,
      ArrowUp: -LINE_STEP,
      Home: -pane.scrollHeight,
      End: pane.scrollHeight,
    };
    if (by[e.key] === undefined) return;
    e.preventDefault();
    pane.scrollBy({ top: by[e.key], behavior: 'instant' });
  };

  const togglePanel = (p: Exclude<Panel, null>) => setPanel(panel === p ? null : p);
  const closePanel = (p: Exclude<Panel, null>) => {
    setPanel(null);
    document.getElementById(`${panelId}-${p}-button`)?.focus();
  };

  return (
    <section className="reader-pane" aria-label={t('reader.heading')} ref={setPane} tabIndex={-1} onKeyDown={onKeyDown} style={typographyStyle(typography)}>
      {open === null && <p className="reader-empty">{t('reader.empty')}</p>}
      {open && article && (
        <article aria-labelledby="reader-title" lang={article.lang ?? 'vi'}>
          <div className="reader-toolbar" role="group" aria-label={t('reader.toolbar')}>
            <button type="button" className="only-narrow" onClick={onBack}>
              {t('reader.backToList')}
            </button>
            <button type="button" aria-pressed={bookmarked} onClick={toggleBookmark} aria-keyshortcuts="b">
              <span aria-hidden="true" className={`star-icon${bookmarked ? ' is-on' : ''}`} />
              {t('reader.bookmark')}
            </button>
            <button
              type="button"
              id={`${panelId}-collections-button`}
              aria-expanded={panel === 'collections'}
              aria-controls={`${panelId}-collections`}
              onClick={() => togglePanel('collections')}
            >
              {inCollections?.length ? t('reader.collectionsCount', { count: inCollections.length }) : t('reader.collections')}
            </button>
            <button type="button" onClick={() => onToggleRead(article.id, !open.read)}>
              {open.read ? t('reader.markUnread') : t('reader.markRead')}
            </button>
            {isWebUrl(article.url) && (
              <button type="button" onClick={openOriginal} aria-keyshortcuts="o">
                {t('reader.openOriginal')}
              </button>
            )}
            <button type="button" onClick={() => window.print()}>
              {t('reader.print')}
            </button>
            <button
              type="button"
              id={`${panelId}-settings-button`}
              aria-expanded={panel === 'settings'}
              aria-controls={`${panelId}-settings`}
              onClick={() => togglePanel('settings')}
            >
              {t('reader.settings.button')}
            </button>
          </div>
          {panel === 'collections' && <CollectionPicker id={`${panelId}-collections`} articleId={article.id} onClose={() => closePanel('collections')} />}
          {panel === 'settings' && <ReaderSettings id={`${panelId}-settings`} onClose={() => closePanel('settings')} />}
          {error?.id === article.id && (
            <p role="alert" className="form-error reader-error">
              {error.text}
            </p>
          )}
          <ReaderHeader article={article} sourceTitle={sourceTitle} />
          {article.lead && <p className="reader-lead">{article.lead}</p>}
          <div className="reader-body" dangerouslySetInnerHTML={{ __html: html }} />
        </article>
      )}
    </section>
  );
});
