import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../../../../main/sync/net/backoff';
import { HostLimiter } from '../../../../../main/sync/net/HostLimiter';
import { parseRetryAfter } from '../../../../../main/sync/net/retryAfter';
import { userAgentFor } from '../../../../../main/sync/net/userAgent';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores junk', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('fullJitterDelay', () => {
  it('is random × min(max, base·2^attempt)', () => {
    expect(fullJitterDelay(0, 100, 10_000, () => 0.5)).toBe(50);
    expect(fullJitterDelay(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(fullJitterDelay(20, 100, 10_000, () => 0.5)).toBe(5000);
    expect(fullJitterDelay(2, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('HostLimiter', () => {
  it('queues per host in FIFO order and lets other hosts through', async () => {
    const limiter = new HostLimiter(2);
    const r1 = await limiter.acquire('a');
    const r2 = await limiter.acquire('a');
    const order: number[] = [];
    const w3 = limiter.acquire('a').then((r) => (order.push(3), r));
    const w4 = limiter.acquire('a').then((r) => (order.push(4), r));
    const other = await limiter.acquire('b'); // not blocked by host a
    expect(limiter.activeCount('a')).toBe(2);
    r1();
    r1(); // releasing twice is harmless
    const r3 = await w3;
    expect(order).toEqual([3]);
    r2();
    const r4 = await w4;
    expect(order).toEqual([3, 4]);
    expect(limiter.activeCount('a')).toBe(2);
    r3();
    r4();
    other();
    expect(limiter.activeCount('a')).toBe(0);
  });

  it('drops an aborted waiter from the queue', async () => {
    const limiter = new HostLimiter(1);
    const r1 = await limiter.acquire('h');
    const ctl = new AbortController();
    const waiting = limiter.acquire('h', ctl.signal);
    ctl.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    r1();
    expect(limiter.activeCount('h')).toBe(0);
  });
});

describe('userAgentFor', () => {
  it('identifies the app and its purpose', () => {
    expect(userAgentFor('1.2.3')).toBe('ArchiveReader/1.2.3 (+offline reader)');
  });
});
