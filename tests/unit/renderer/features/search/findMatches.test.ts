// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findMatches, findQuery } from '../../../../../renderer/features/search/findMatches';

function article(html: string): HTMLElement {
  document.body.innerHTML = `<section><article>${html}</article></section>`;
  return document.querySelector('article')!;
}

describe('findMatches', () => {
  it('finds words tone-insensitively across inline markup and maps them to DOM ranges', () => {
    const root = article('<h2>Công tác dân vận</h2><p>Làm tốt <b>dân</b> vận khéo; giá xăng <i>dần</i> ổn định.</p>');
    const ranges = findMatches(root, 'dan van');
    expect(ranges.map((r) => r.toString())).toEqual(['dân vận', 'dân vận']);
    // The second spans <b>dân</b> and the following text node.
    expect(ranges[1].startContainer.parentElement?.tagName).toBe('B');
    expect(findMatches(root, 'dần').map((r) => r.toString())).toEqual(['dân', 'dân', 'dần']);
  });

  it('treats several words as one run, the last one possibly unfinished', () => {
    const root = article('<p>Tiếng Việt có dấu. Tiếng Anh thì không; tiếng việt vẫn hay.</p>');
    expect(findMatches(root, 'tieng vi').map((r) => r.toString())).toEqual(['Tiếng Việt', 'tiếng việt']);
    expect(findMatches(root, 'tieng').length).toBe(3);
    expect(findQuery('"tieng viet"').groups).toHaveLength(1);
  });

  it('keeps paragraphs apart and never looks into controls or hidden text', () => {
    const root = article(
      '<p>kết thúc bằng dân</p><p>vận động viên</p><div role="group"><button>dân vận</button></div><span class="visually-hidden">dân vận</span>',
    );
    expect(findMatches(root, 'dân vận')).toEqual([]);
    expect(findMatches(root, 'vận').map((r) => r.toString())).toEqual(['vận']);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(article('<p>dân vận</p>'), '  ')).toEqual([]);
  });
});
