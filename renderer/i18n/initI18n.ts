import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../data/settings';
import { loadResources } from './loadResources';

export async function initI18n(language: Language): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources: loadResources(),
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
