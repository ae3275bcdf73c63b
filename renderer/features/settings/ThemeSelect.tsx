import { useTranslation } from 'react-i18next';
import { useSetting } from '../../hooks/useSetting';
import type { ThemeChoice } from '../../data/settings';

const THEMES: ThemeChoice[] = ['system', 'light', 'dark', 'sepia'];

export function ThemeSelect() {
  const { t } = useTranslation();
  const [theme, setTheme] = useSetting('theme');
  return (
    <label className="inline-field">
      <span>{t('settings.theme')}</span>
      <select value={theme} onChange={(e) => void setTheme(e.target.value as ThemeChoice)}>
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`settings.themes.${th}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
