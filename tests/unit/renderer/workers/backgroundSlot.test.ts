import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundSlotCount, inBackgroundSlot } from '../../../../renderer/workers/backgroundSlot';
import { FakeLocks } from './fakeLocks';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** Starts `n` background steps that each take a few ticks and reports the most that ran at once. */
async function peakConcurrency(n: number): Promise<{ peak: number; done: number[] }> {
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      inBackgroundSlot(async () => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        await tick();
        running--;
        return i;
      }).then((i) => done.push(i)),
    ),
  );
  return { peak, done };
}

describe('backgroundSlot', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves one core to the window', () => {
    expect(backgroundSlotCount(2)).toBe(1);
    expect(backgroundSlotCount(1)).toBe(1);
    expect(backgroundSlotCount(8)).toBe(7);
    expect(backgroundSlotCount(undefined)).toBe(1);
  });

  it('runs background steps one at a time on a two-core machine, and every one of them', async () => {
    vi.stubGlobal('navigator', { locks: new FakeLocks(), hardwareConcurrency: 2 });
    const { peak, done } = await peakConcurrency(6);
    expect(peak).toBe(1);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lets as many steps run as there are spare cores', async () => {
    vi.stubGlobal('navigator', { locks: new FakeLocks(), hardwareConcurrency: 4 });
    const { peak, done } = await peakConcurrency(9);
    expect(peak).toBe(3);
    expect(done).toHaveLength(9);
  });

  it('returns the step’s result and passes its error on', async () => {
    vi.stubGlobal('navigator', { locks: new FakeLocks(), hardwareConcurrency: 2 });
    await expect(inBackgroundSlot(() => 42)).resolves.toBe(42);
    await expect(inBackgroundSlot(() => { throw new Error('bad chunk'); })).rejects.toThrow('bad chunk');
    // The slot was released by the failure.
    await expect(inBackgroundSlot(async () => 'next')).resolves.toBe('next');
  });

  it('stops waiting for a slot when the step becomes urgent, and leaves the slot usable', async () => {
    vi.stubGlobal('navigator', { locks: new FakeLocks(), hardwareConcurrency: 2 });
    let release!: () => void;
    const holding = inBackgroundSlot(() => new Promise<void>((r) => (release = r)));
    await tick();
    let urgent!: () => void;
    const order: string[] = [];
    const waiting = inBackgroundSlot(() => order.push('urgent step'), { urgent: new Promise<void>((r) => (urgent = r)) });
    await tick();
    expect(order).toEqual([]);
    urgent();
    await waiting;
    expect(order).toEqual(['urgent step']);
    release();
    await holding;
    // The abandoned request did not keep the slot.
    await expect(inBackgroundSlot(() => 'after')).resolves.toBe('after');
  });

  it('simply runs where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    const { peak } = await peakConcurrency(3);
    expect(peak).toBe(3);
  });
});
