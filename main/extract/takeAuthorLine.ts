import { normalizeSpace } from './normalizeSpace';

// A byline is a name or two, not a sentence.
const MAX_AUTHOR = 80;
const PREFIX = /^(tác giả|bài và ảnh|bài, ảnh|bài|pv|ctv)\s*:\s*/i;

const textOf = (el: Element): string => normalizeSpace(el.textContent ?? '');

function isRightAligned(el: Element): boolean {
  return /text-align\s*:\s*right/i.test(el.getAttribute('style') ?? '') || el.getAttribute('align')?.toLowerCase() === 'right';
}

function isAllBold(el: Element): boolean {
  let bold = '';
  const visit = (node: Element): void => {
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === 'strong' || c.localName === 'b') bold += ` ${c.textContent ?? ''}`;
      else visit(c);
    }
  };
  visit(el);
  return normalizeSpace(bold) === textOf(el);
}

/**
 * Finds the byline that closes the portal's articles (a right-aligned, bold last paragraph),
 * removes it from the body and returns the name. Falls back to a closing paragraph equal to the
 * author named in metadata. Returns '' when there is none.
 */
export function takeAuthorLine(scope: Element, authorHint: string): string {
  const paras = [...scope.getElementsByTagName('p')];
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i];
    const text = textOf(p);
    if (!text) {
      if (p.getElementsByTagName('img').length) return '';
      continue;
    }
    if (text.length > MAX_AUTHOR) return '';
    const name = text.replace(PREFIX, '');
    const byline = (isRightAligned(p) && isAllBold(p)) || (!!authorHint && name === authorHint);
    if (!byline) return '';
    p.remove();
    return name;
  }
  return '';
}
