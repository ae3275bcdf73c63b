import type { ArchiveDb } from './ArchiveDb';
import { DEFAULT_LIST_FILTER, type ListFilter } from './listFilter';

export type ThemeChoice = 'system' | 'light' | 'dark' | 'sepia';
export type Language = 'vi' | 'en';
export type ReaderFont = 'serif' | 'sans';
export type ReaderWidth = 'narrow' | 'medium' | 'wide';
export type BrowseView = 'articles' | 'bookmarks';

/** Every persisted preference with its default; the type of each key's value is fixed here. */
export const SETTING_DEFAULTS = {
  language: 'vi' as Language,
  theme: 'system' as ThemeChoice,
  openArticleId: null as string | null,
  selectedSourceId: null as string | null,
  guideSeededVersion: 0,
  readerFontSize: 19,
  readerLineHeight: 1.7,
  readerWidth: 'medium' as ReaderWidth,
  readerFont: 'serif' as ReaderFont,
  listFilter: DEFAULT_LIST_FILTER as ListFilter,
  browseView: 'articles' as BrowseView,
  /** Collection the Bookmarks view shows; null = every bookmark. */
  bookmarksCollectionId: null as string | null,
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
