import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncFinished } from '../../../shared/model/sync';
import type { Completeness, TripSelection } from '../../data/tripQueries';
import { useSyncController, useSyncState } from '../../hooks/useSyncController';
import { useSyncTripActions, useSyncTripCategories, useSyncTripEstimate } from '../../hooks/useSyncTrip';
import type { SourceWithCounts } from '../../hooks/useSources';
import { formatBytes, formatCount } from '../sync/formatSync';
import { ModalDialog } from '../sync/ModalDialog';
import { syncStatusText } from '../sync/SyncStatus';
import './trip.css';

interface Props {
  sources: SourceWithCounts[];
  onClose(): void;
}

const INCOMPLETE_SHOWN = 50;

/**
 * Prepare for a trip: choose sources, categories and a date range, see how much it will take, sync it,
 * then check that every chosen article has its text and all its images stored, and fetch what is missing.
 */
export function TripDialog({ sources, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const controller = useSyncController();
  const syncState = useSyncState();
  const actions = useSyncTripActions();
  const [sourceIds, setSourceIds] = useState<string[]>(() => sources.filter((s) => !s.paused).map((s) => s.id));
  const [categories, setCategories] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const [finished, setFinished] = useState<SyncFinished | null>(null);
  const [completeness, setCompleteness] = useState<Completeness | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState('');

  const selection: TripSelection = useMemo(
    () => ({ sourceIds, categories, from: from || undefined, to: to || undefined }),
    [sourceIds, categories, from, to],
  );
  const available = useSyncTripCategories(sourceIds);
  const { estimate, loading } = useSyncTripEstimate(selection);
  const running = runId ? syncState.runs.find((r) => r.runId === runId) : undefined;
  const badRange = Boolean(from && to && from > to);

  const check = async (sel: TripSelection) => {
    setChecking(true);
    try {
      setCompleteness(await actions.check(sel));
    } finally {
      setChecking(false);
    }
  };

  // When this dialog's run ends: keep its numbers and check what it brought.
  const ended = runId ? syncState.recent.find((f) => f.runId === runId) : undefined;
  useEffect(() => {
    if (!ended) return;
    setFinished(ended);
    setRunId(null);
    void check(selection);
    // Only the run ending should trigger this, not later edits of the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);

  const start = async (refetch?: string[]) => {
    if (!sourceIds.length) {
      setProblem(t('sync.trip.chooseSource'));
      return;
    }
    setProblem('');
    setFinished(null);
    setCompleteness(null);
    const id = refetch ? await actions.resyncMissing(selection, refetch) : await actions.start(selection);
    setRunId(id);
    if (!id && !controller.getState().startError) setProblem(t('sync.toolbar.nothingToSync'));
  };

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <ModalDialog title={t('sync.trip.title')} onClose={onClose} className="trip">
      <p>{t('sync.trip.intro')}</p>
      <fieldset className="choice-group">
        <legend>{t('sync.trip.sources')}</legend>
        {sources.length === 0 && <p className="muted">{t('sync.trip.noSources')}</p>}
        {sources.map((s) => (
          <label key={s.id} className="choice">
            <input type="checkbox" checked={sourceIds.includes(s.id)} onChange={(e) => setSourceIds(toggle(sourceIds, s.id, e.target.checked))} />
            <span>{s.title}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('sync.trip.categories')}</legend>
        <p className="muted choice-hint">{t('sync.trip.categoriesHint')}</p>
        {available && available.length === 0 && <p className="muted">{t('sync.trip.noCategories')}</p>}
        <div className="trip-categories">
          {(available ?? []).map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={categories.includes(c)} onChange={(e) => setCategories(toggle(categories, c, e.target.checked))} />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice-group trip-dates">
        <legend>{t('sync.trip.dates')}</legend>
        <label className="field">
          <span>{t('sync.trip.from')}</span>
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('sync.trip.to')}</span>
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </label>
        {badRange && (
          <p role="alert" className="error-text">
            {t('sync.trip.badRange')}
          </p>
        )}
      </fieldset>

      <section className="trip-section" aria-labelledby="trip-estimate-heading">
        <h3 id="trip-estimate-heading">{t('sync.trip.estimate')}</h3>
        <p aria-live="polite">
          {loading
            ? t('sync.trip.estimating')
            : estimate
              ? t('sync.trip.estimateText', {
                  articles: formatCount(estimate.articles, lang),
                  images: formatCount(estimate.images, lang),
                  missing: formatCount(estimate.missingImages, lang),
                  bytes: formatBytes(estimate.bytes, lang),
                })
              : t('sync.trip.noEstimate')}
        </p>
      </section>

      <div className="dialog-actions">
        {running ? (
          <button type="button" onClick={() => void controller.cancel(running.runId)} disabled={running.cancelling}>
            {t('sync.status.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={badRange} onClick={() => void start()}>
            {t('sync.trip.start')}
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}

      <div aria-live="polite" className="trip-progress">
        {running && <p>{syncStatusText(t, lang, { ...syncState, runs: [running], storeError: null, startError: null }, '')}</p>}
        {finished && <p>{t('sync.trip.downloaded', { bytes: formatBytes(finished.bytes, lang), result: t(`sync.result.${finished.result}`) })}</p>}
        {syncState.storeError && <p className="error-text">{syncStatusText(t, lang, syncState, '')}</p>}
      </div>

      <section className="trip-section" aria-labelledby="trip-check-heading">
        <h3 id="trip-check-heading">{t('sync.trip.check')}</h3>
        <button type="button" disabled={checking || Boolean(running)} onClick={() => void check(selection)}>
          {checking ? t('sync.trip.checking') : t('sync.trip.check')}
        </button>
        {completeness && (
          <div className="trip-result" aria-live="polite">
            <p className="trip-score">{t('sync.trip.complete', { complete: formatCount(completeness.complete, lang), total: formatCount(completeness.total, lang) })}</p>
            {completeness.incomplete.length === 0 ? (
              <p>{t('sync.trip.allComplete')}</p>
            ) : (
              <>
                <h4>{t('sync.trip.incomplete')}</h4>
                <ul className="trip-incomplete">
                  {completeness.incomplete.slice(0, INCOMPLETE_SHOWN).map((a) => (
                    <li key={a.id}>
                      <span>{a.title}</span>
                      <span className="muted">
                        {[a.missingBody ? t('sync.trip.missingBody') : '', a.missingImages ? t('sync.trip.missingImages', { count: a.missingImages }) : '']
                          .filter(Boolean)
                          .join(', ')}
                      </span>
                    </li>
                  ))}
                </ul>
                {completeness.incomplete.length > INCOMPLETE_SHOWN && (
                  <p className="muted">{t('sync.log.more', { count: completeness.incomplete.length - INCOMPLETE_SHOWN })}</p>
                )}
                <button type="button" disabled={Boolean(running)} onClick={() => void start(completeness.incomplete.map((a) => a.id))}>
                  {t('sync.trip.resync')}
                </button>
              </>
            )}
          </div>
        )}
      </section>
    </ModalDialog>
  );
}
