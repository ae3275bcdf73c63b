import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { db } from '../data/db';
import { readSetting, SETTING_DEFAULTS, writeSetting, type SettingKey, type Settings } from '../data/settings';
import { whenIdle } from './useStartupGate';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * A persisted preference; undefined while loading is replaced by the default. A value just set shows
 * at once, without waiting for the write to come back through the live query (opening an article must
 * not wait on a settings round trip); the stored value takes over as soon as it catches up, or when
 * another part of the app writes the setting.
 */
export interface SetSettingOptions {
  /**
   * Write at the next idle moment instead of now: the new value shows at once either way, and the write
   * then never queues ahead of the reads the change itself starts (opening an article).
   */
  whenIdle?: boolean;
}

export function useSetting<K extends SettingKey>(key: K): [Settings[K], (value: Settings[K], options?: SetSettingOptions) => Promise<void>] {
  const stored = useLiveQuery(() => readSetting(db, key), [key], SETTING_DEFAULTS[key]);
  const [pending, setPending] = useState<{ key: K; value: Settings[K] } | null>(null);
  const inflight = useRef(0);
  const set = useCallback(
    async (next: Settings[K], options?: SetSettingOptions) => {
      setPending({ key, value: next });
      inflight.current++;
      try {
        if (options?.whenIdle) await whenIdle();
        await writeSetting(db, key, next);
      } finally {
        inflight.current--;
      }
    },
    [key],
  );
  useEffect(() => {
    if (pending && (same(stored, pending.value) || inflight.current === 0)) setPending(null);
    // Only a new stored value can settle the override.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);
  return [pending && pending.key === key ? pending.value : stored, set];
}
