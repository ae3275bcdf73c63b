import { describe, expect, it } from 'vitest';
import { abortable } from '../../../../../main/sync/net/abortable';

describe('abortable', () => {
  it('settles as the promise does when the signal stays quiet', async () => {
    const ctl = new AbortController();
    await expect(abortable(Promise.resolve(1), ctl.signal)).resolves.toBe(1);
    await expect(abortable(Promise.reject(new Error('no')), ctl.signal)).rejects.toThrow('no');
  });

  it('rejects at once on abort and hands a value that comes later to release', async () => {
    const ctl = new AbortController();
    let deliver!: (v: string) => void;
    const released: string[] = [];
    const p = abortable(new Promise<string>((r) => (deliver = r)), ctl.signal, (late) => released.push(late));
    ctl.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    deliver('late response');
    await new Promise((r) => setTimeout(r, 0));
    expect(released).toEqual(['late response']);
  });

  it('never releases a value it already delivered, even if the abort follows in the same tick', async () => {
    const ctl = new AbortController();
    const released: string[] = [];
    const p = abortable(Promise.resolve('mine'), ctl.signal, (late) => released.push(late));
    await Promise.resolve();
    ctl.abort();
    await expect(p).resolves.toBe('mine');
    await new Promise((r) => setTimeout(r, 0));
    expect(released).toEqual([]);
  });

  it('rejects a signal that is already aborted without waiting', async () => {
    const ctl = new AbortController();
    ctl.abort(new Error('before'));
    await expect(abortable(new Promise(() => {}), ctl.signal)).rejects.toThrow('before');
  });
});
