import { useTranslation } from 'react-i18next';

/** A full-window message for problems found before the app can run (no host token, no database). */
export function FatalScreen({ titleKey, bodyKey, message }: { titleKey: string; bodyKey: string; message?: string }) {
  const { t } = useTranslation();
  return (
    <main role="alert" className="fatal">
      <h1>{t(titleKey)}</h1>
      <p>{t(bodyKey, { message })}</p>
    </main>
  );
}
