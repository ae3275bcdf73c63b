import { useTranslation } from 'react-i18next';
import type { SyncSchedule } from '../../../shared/model/source';

export interface ChoiceOptions {
  feeds: { url: string; title: string }[];
  sitemaps: string[];
  listings: { url: string; title: string }[];
}

export interface SourceSettings {
  feedUrls: string[];
  backfillUrls: string[];
  downloadImages: boolean;
  schedule: SyncSchedule;
}

interface Props {
  options: ChoiceOptions;
  value: SourceSettings;
  onChange(next: SourceSettings): void;
}

const SCHEDULES: SyncSchedule[] = ['off', 'hourly', 'daily'];

const toggle = (list: string[], url: string, on: boolean) => (on ? [...new Set([...list, url])] : list.filter((u) => u !== url));

/**
 * What a source reads and how: feeds bring new articles, sitemaps and category listings backfill the
 * archive; images on or off; an automatic schedule.
 */
export function SourceChoices({ options, value, onChange }: Props) {
  const { t } = useTranslation();
  const group = (legend: string, hint: string, items: { url: string; title: string }[], field: 'feedUrls' | 'backfillUrls') => (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <p className="muted choice-hint">{hint}</p>
      {items.length === 0 ? (
        <p className="muted">{t('sync.choices.none')}</p>
      ) : (
        items.map((item) => (
          <label key={item.url} className="choice">
            <input
              type="checkbox"
              checked={value[field].includes(item.url)}
              onChange={(e) => onChange({ ...value, [field]: toggle(value[field], item.url, e.target.checked) })}
            />
            <span className="choice-text">
              <span>{item.title}</span>
              <span className="choice-url">{item.url}</span>
            </span>
          </label>
        ))
      )}
    </fieldset>
  );
  return (
    <div className="source-choices">
      {group(t('sync.choices.feeds'), t('sync.choices.feedsHint'), options.feeds, 'feedUrls')}
      {group(
        t('sync.choices.sitemaps'),
        t('sync.choices.sitemapsHint'),
        options.sitemaps.map((url) => ({ url, title: new URL(url).pathname })),
        'backfillUrls',
      )}
      {options.listings.length > 0 &&
        group(t('sync.choices.listings'), t('sync.choices.listingsHint'), options.listings, 'backfillUrls')}
      <label className="choice">
        <input type="checkbox" checked={value.downloadImages} onChange={(e) => onChange({ ...value, downloadImages: e.target.checked })} />
        <span>{t('sync.choices.images')}</span>
      </label>
      <label className="field">
        <span>{t('sync.choices.schedule')}</span>
        <select value={value.schedule} onChange={(e) => onChange({ ...value, schedule: e.target.value as SyncSchedule })}>
          {SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {t(`sync.choices.schedules.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The union of what discovery offered and what a source already uses, so nothing chosen disappears. */
export function mergeOptions(offered: ChoiceOptions | undefined, current: { feedUrls: string[]; backfillUrls: string[] }): ChoiceOptions {
  const feeds = [...(offered?.feeds ?? [])];
  for (const url of current.feedUrls) if (!feeds.some((f) => f.url === url)) feeds.push({ url, title: url });
  const sitemaps = [...(offered?.sitemaps ?? [])];
  const listings = [...(offered?.listings ?? [])];
  for (const url of current.backfillUrls) {
    if (!sitemaps.includes(url) && !listings.some((l) => l.url === url)) sitemaps.push(url);
  }
  return { feeds, sitemaps, listings };
}
