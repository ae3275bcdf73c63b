import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceChoices, type ChoiceOptions, type SourceSettings } from './SourceChoices';

interface Props {
  title: string;
  onTitle(title: string): void;
  titleRef?: RefObject<HTMLInputElement | null>;
  options: ChoiceOptions;
  settings: SourceSettings;
  onSettings(settings: SourceSettings): void;
  /** Shown between the choices and the buttons, next to what it is about. */
  error?: ReactNode;
  busy: boolean;
  submitLabel: string;
  onSubmit(e: FormEvent): void;
  onCancel(): void;
  className?: string;
}

/** The name, feeds-and-backfill choices and buttons that adding and editing a source share. */
export function SourceForm({ title, onTitle, titleRef, options, settings, onSettings, error, busy, submitLabel, onSubmit, onCancel, className }: Props) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} className={className}>
      <label className="field">
        <span>{t('sync.add.nameLabel')}</span>
        <input ref={titleRef} type="text" value={title} onChange={(e) => onTitle(e.target.value)} />
      </label>
      <SourceChoices options={options} value={settings} onChange={onSettings} />
      {error}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sync.dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
