import { describe, expect, it } from 'vitest';
import { dueSourceIds, isSyncDue } from '../../../../renderer/data/syncSchedule';

const now = Date.parse('2026-05-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
const source = (extra: Partial<Parameters<typeof isSyncDue>[0]>) => ({ id: 's', kind: 'portal' as const, paused: false, schedule: 'hourly' as const, ...extra });

describe('scheduled sync', () => {
  it('is due after one interval, whatever the last result', () => {
    expect(isSyncDue(source({ lastSyncAt: minutesAgo(59) }), now)).toBe(false);
    expect(isSyncDue(source({ lastSyncAt: minutesAgo(60) }), now)).toBe(true);
    expect(isSyncDue(source({ schedule: 'daily', lastSyncAt: minutesAgo(23 * 60) }), now)).toBe(false);
    expect(isSyncDue(source({ schedule: 'daily', lastSyncAt: minutesAgo(24 * 60 + 1) }), now)).toBe(true);
  });

  it('is due at once for a scheduled source that never synced, or whose last time is unusable', () => {
    expect(isSyncDue(source({}), now)).toBe(true);
    expect(isSyncDue(source({ lastSyncAt: 'not a date' }), now)).toBe(true);
    expect(isSyncDue(source({ lastSyncAt: new Date(now + 3_600_000).toISOString() }), now)).toBe(true);
  });

  it('never for sources that are off, paused or the guide', () => {
    expect(isSyncDue(source({ schedule: 'off' }), now)).toBe(false);
    expect(isSyncDue(source({ paused: true }), now)).toBe(false);
    expect(isSyncDue(source({ kind: 'guide' }), now)).toBe(false);
  });

  it('leaves out sources already in a run', () => {
    const sources = [
      source({ id: 'a' }),
      source({ id: 'b', lastSyncAt: minutesAgo(5) }),
      source({ id: 'c', schedule: 'daily', lastSyncAt: minutesAgo(2000) }),
      source({ id: 'd', schedule: 'off' }),
    ];
    expect(dueSourceIds(sources, now, new Set())).toEqual(['a', 'c']);
    expect(dueSourceIds(sources, now, new Set(['a']))).toEqual(['c']);
  });
});
