import { useTranslation } from 'react-i18next';
import type { ReaderFont, ReaderWidth } from '../../data/settings';
import { useSetting } from '../../hooks/useSetting';
import { clampFontSize, FONT_SIZE_MAX, FONT_SIZE_MIN, FONTS, LINE_HEIGHTS, WIDTHS, type Typography } from './readerTypography';
import { formatNumber } from '../../i18n/formatDate';

/** The reader's saved typography. */
export function useTypography(): Typography {
  const [fontSize] = useSetting('readerFontSize');
  const [lineHeight] = useSetting('readerLineHeight');
  const [width] = useSetting('readerWidth');
  const [font] = useSetting('readerFont');
  return { fontSize, lineHeight, width, font };
}

/** Font size, line spacing, column width and typeface; every change is saved and applies at once. */
export function ReaderSettings({ id, onClose }: { id: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [fontSize, setFontSize] = useSetting('readerFontSize');
  const [lineHeight, setLineHeight] = useSetting('readerLineHeight');
  const [width, setWidth] = useSetting('readerWidth');
  const [font, setFont] = useSetting('readerFont');

  return (
    <fieldset
      id={id}
      className="reader-panel reader-settings"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <legend>{t('reader.settings.legend')}</legend>
      <div className="font-size" role="group" aria-label={t('reader.settings.fontSize')}>
        <span aria-hidden="true">{t('reader.settings.fontSize')}</span>
        <button type="button" onClick={() => void setFontSize(clampFontSize(fontSize - 1))} disabled={fontSize <= FONT_SIZE_MIN} aria-label={t('reader.settings.smaller')}>
          {t('reader.settings.smallerShort')}
        </button>
        <output aria-live="polite">{t('reader.settings.px', { value: formatNumber(fontSize, i18n.language) })}</output>
        <button type="button" onClick={() => void setFontSize(clampFontSize(fontSize + 1))} disabled={fontSize >= FONT_SIZE_MAX} aria-label={t('reader.settings.larger')}>
          {t('reader.settings.largerShort')}
        </button>
      </div>
      <label className="stacked-field">
        <span>{t('reader.settings.lineHeight')}</span>
        <select value={String(lineHeight)} onChange={(e) => void setLineHeight(Number(e.target.value))}>
          {LINE_HEIGHTS.map((h) => (
            <option key={h} value={String(h)}>
              {t(`reader.settings.lineHeights.${String(h).replace('.', '_')}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        <span>{t('reader.settings.width')}</span>
        <select value={width} onChange={(e) => void setWidth(e.target.value as ReaderWidth)}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {t(`reader.settings.widths.${w}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        <span>{t('reader.settings.font')}</span>
        <select value={font} onChange={(e) => void setFont(e.target.value as ReaderFont)}>
          {FONTS.map((f) => (
            <option key={f} value={f}>
              {t(`reader.settings.fonts.${f}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
