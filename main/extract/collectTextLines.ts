import { normalizeSpace } from './normalizeSpace';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd',
]);
// Captions live in `images`; repeating them in the text would put them between two paragraphs of prose.
const SKIP = new Set(['figure', 'figcaption', 'script', 'style', 'template']);

/** The text of a body, one line per paragraph-like block (and per `<br>`), whitespace collapsed. */
export function collectTextLines(root: Node): string[] {
  const lines: string[] = [];
  let run = '';
  const flush = (): void => {
    const line = normalizeSpace(run);
    if (line) lines.push(line);
    run = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        run += (child as Text).data;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') flush();
        else if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return lines;
}
