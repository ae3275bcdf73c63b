import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/formatDate';
import { useRelatedLinks } from '../../hooks/useRelatedLinks';
import { useRelatedSimilar } from '../../hooks/useRelatedSimilar';
import { formatReason } from './formatReason';
import './related.css';

interface Props {
  /** The article on screen; null hides the sidebar (the worker keeps indexing). */
  articleId: string | null;
  onOpen(id: string): void;
}

/** Similar articles shown; a few more are asked for so de-duplicating against the portal's links leaves enough. */
const SHOWN = 5;
const ASKED = 10;

/**
 * Two lists beside the reader: (a) the portal's own "Các bài viết khác" links that are in the store, and
 * (b) articles the content index finds similar, each saying why. (a) comes straight from the store; (b)
 * fills in when the worker answers, so opening an article never waits for it.
 */
export function RelatedSidebar({ articleId, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(true);
  const upstream = useRelatedLinks(articleId);
  const { answer, error } = useRelatedSimilar(articleId, ASKED);
  const id = useId();
  if (!articleId) return null;

  const upstreamIds = new Set(upstream?.stored.map((l) => l.id));
  // A similar article the portal already links to is listed once, under the portal's list; a match that
  // shares no key term has nothing to explain it and is left out.
  const similar = (answer?.items ?? []).filter((item) => !upstreamIds.has(item.id) && item.sharedTerms.length > 0).slice(0, SHOWN);
  const showUpstream = !!upstream && upstream.stored.length + upstream.missing > 0;

  let similarNote: string | null = null;
  if (error) similarNote = t('related.similar.unavailable');
  else if (!answer) similarNote = t('related.similar.loading');
  else if (answer.state === 'unknown') similarNote = t('related.similar.unknown');
  else if (answer.state === 'indexing')
    similarNote = t('related.similar.indexing', { indexed: formatNumber(answer.progress.indexed, i18n.language), pending: formatNumber(answer.progress.pending, i18n.language) });
  else if (similar.length === 0) similarNote = t('related.similar.empty');

  return (
    <section className="related-pane" aria-labelledby={`${id}-heading`}>
      <h2 className="related-heading" id={`${id}-heading`}>
        <button type="button" aria-expanded={expanded} aria-controls={`${id}-body`} onClick={() => setExpanded(!expanded)}>
          <span aria-hidden="true" className={`related-chevron${expanded ? ' is-open' : ''}`} />
          {t('related.heading')}
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!expanded}>
        {showUpstream && (
          <>
            <h3 className="related-subheading" id={`${id}-upstream`}>
              {t('related.upstream.heading')}
            </h3>
            {upstream.stored.length > 0 && (
              <ul className="related-list" aria-labelledby={`${id}-upstream`}>
                {upstream.stored.map((link) => (
                  <li key={link.id}>
                    <button type="button" className="related-open" onClick={() => onOpen(link.id)}>
                      {link.title}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {upstream.missing > 0 && <p className="related-note">{t('related.upstream.missing', { count: upstream.missing })}</p>}
          </>
        )}
        <h3 className="related-subheading" id={`${id}-similar`}>
          {t('related.similar.heading')}
        </h3>
        {similar.length > 0 && (
          <ul className="related-list" aria-labelledby={`${id}-similar`}>
            {similar.map((item, n) => (
              <li key={item.id}>
                <button type="button" className="related-open" aria-describedby={`${id}-reason-${n}`} onClick={() => onOpen(item.id)}>
                  {item.title}
                </button>
                <p className="related-reason" id={`${id}-reason-${n}`}>
                  {formatReason(t, item)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="related-note" aria-live="polite">
          {similarNote}
        </p>
      </div>
    </section>
  );
}
