import { describe, expect, it } from 'vitest';
import { sharedWindow, sharedWindowForNewWork } from '../../../../main/extract/sharedWindow';

describe('shared jsdom window', () => {
  it('ignores the UI event listeners jsdom\'s selector engine would pile onto the window', () => {
    const win = sharedWindow();
    let calls = 0;
    win.addEventListener('click', () => calls++);
    win.dispatchEvent(new win.Event('click'));
    expect(calls).toBe(0);
  });

  it('renews the window after many documents, but only where asked to', () => {
    // Compare identities as booleans: printing a jsdom window touches its opaque-origin localStorage.
    const first = sharedWindowForNewWork();
    let same = true;
    for (let i = 0; i < 250; i++) same &&= sharedWindow() === first;
    expect(same).toBe(true);
    expect(sharedWindowForNewWork() === first).toBe(false);
  });
});
