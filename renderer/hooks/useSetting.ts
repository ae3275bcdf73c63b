import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { db } from '../data/db';
import { readSetting, SETTING_DEFAULTS, writeSetting, type SettingKey, type Settings } from '../data/settings';

/** A persisted preference; undefined while loading is replaced by the default. */
export function useSetting<K extends SettingKey>(key: K): [Settings[K], (value: Settings[K]) => Promise<void>] {
  const value = useLiveQuery(() => readSetting(db, key), [key], SETTING_DEFAULTS[key]);
  const set = useCallback((next: Settings[K]) => writeSetting(db, key, next), [key]);
  return [value, set];
}
