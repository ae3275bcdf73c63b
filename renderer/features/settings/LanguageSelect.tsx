import { useTranslation } from 'react-i18next';
import { useSetting } from '../../hooks/useSetting';
import type { Language } from '../../data/settings';

const LANGUAGES: Language[] = ['vi', 'en'];

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useSetting('language');
  return (
    <label className="inline-field">
      <span>{t('settings.language')}</span>
      <select
        value={language}
        onChange={(e) => {
          const next = e.target.value as Language;
          void setLanguage(next);
          void i18n.changeLanguage(next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`settings.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
