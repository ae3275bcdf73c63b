import type { ArchiveDb } from './ArchiveDb';

export type ThemeChoice = 'system' | 'light' | 'dark' | 'sepia';
export type Language = 'vi' | 'en';

/** Every persisted preference with its default; the type of each key's value is fixed here. */
export const SETTING_DEFAULTS = {
  language: 'vi' as Language,
  theme: 'system' as ThemeChoice,
  openArticleId: null as string | null,
  selectedSourceId: null as string | null,
  guideSeededVersion: 0,
};
export type Settings = typeof SETTING_DEFAULTS;
export type SettingKey = keyof Settings;

export async function readSetting<K extends SettingKey>(db: ArchiveDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? SETTING_DEFAULTS[key] : (row.value as Settings[K]);
}

export async function writeSetting<K extends SettingKey>(db: ArchiveDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
