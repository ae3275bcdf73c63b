import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, releaseDocument, sharedWindow, sharedWindowForNewWork } from '../../../../main/extract/sharedWindow';

describe('shared jsdom window', () => {
  it('parses pages so relative URLs resolve against the page (or its relative <base>)', () => {
    const doc = parseHtmlDocument('<html><head></head><body><a href="b.html">x</a></body></html>', 'http://portal.test/a/');
    expect(doc.baseURI).toBe('http://portal.test/a/');
    expect(doc.getElementsByTagName('a')[0].href).toBe('http://portal.test/a/b.html');
    const based = parseHtmlDocument('<html><head><base href="/goc/"></head><body></body></html>', 'http://portal.test/a/');
    expect(based.baseURI).toBe('http://portal.test/goc/');
  });

  it('never runs page scripts', () => {
    const doc = parseHtmlDocument('<html><body><script>document.body.setAttribute("data-ran", "1")</script></body></html>', 'http://portal.test/');
    expect(doc.body.hasAttribute('data-ran')).toBe(false);
  });

  it('releaseDocument detaches the page so the window stops tracking its elements', () => {
    const doc = parseHtmlDocument('<html><body><div id="sidebar">x</div></body></html>', 'http://portal.test/');
    releaseDocument(doc);
    expect(doc.documentElement).toBeNull();
  });

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
