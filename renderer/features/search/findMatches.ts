import { highlightRanges, parseQuery, queryTerms, type ParsedQuery } from '../../../shared/search/index';

/**
 * In-article find on the rendered DOM, without touching it: the text of the article is read into one
 * string (paragraphs kept apart), matched with the search core's tone-insensitive highlighter, and the
 * matches mapped back to DOM Ranges for the CSS Custom Highlight API.
 */

/** What find never looks into: controls, hidden text, dialogs and the find bar itself. */
const SKIP = 'button, select, input, textarea, script, style, [role=group], [role=dialog], [role=menu], [aria-hidden=true], .visually-hidden';
const BLOCK = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, figcaption, blockquote, pre, td, th, caption, header, footer, section, article, figure, div';

interface TextMap {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

function collectText(root: Element): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!n.data) continue;
    const block = n.parentElement?.closest(BLOCK) ?? null;
    // Words in different paragraphs must not run together into one.
    if (text && block !== lastBlock) text += '\n';
    lastBlock = block;
    nodes.push(n);
    starts.push(text.length);
    text += n.data;
  }
  return { text, nodes, starts };
}

/** The node holding character `offset` (for an end offset, the node it ends in). */
function locate(map: TextMap, offset: number, isEnd: boolean): { node: Text; at: number } {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = map.starts[mid];
    if (start < offset || (!isEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo];
  return { node, at: Math.min(node.data.length, Math.max(0, offset - map.starts[lo])) };
}

/**
 * Find looks for what was typed as one run of words, as a browser's find does: `tieng viet` finds
 * "Tiếng Việt" but not "tiếng" alone. The last word may be unfinished (a prefix) while typing.
 */
export function findQuery(input: string): ParsedQuery {
  const parsed = parseQuery(input.replaceAll('"', ' '));
  const terms = queryTerms(parsed);
  return terms.length > 1 ? { groups: [{ kind: 'phrase', terms }] } : parsed;
}

/** Every match of `query` in the article under `root`, in reading order. */
export function findMatches(root: Element, query: string): Range[] {
  if (!query.trim()) return [];
  const map = collectText(root);
  if (!map.nodes.length) return [];
  // A run of words never continues into the next paragraph.
  const ranges = highlightRanges(map.text, findQuery(query)).filter((r) => !map.text.slice(r.start, r.end).includes('\n'));
  return ranges.map((r) => {
    const start = locate(map, r.start, false);
    const end = locate(map, r.end, true);
    const range = root.ownerDocument.createRange();
    range.setStart(start.node, start.at);
    range.setEnd(end.node, end.at);
    return range;
  });
}

const MATCH = 'find-match';
const CURRENT = 'find-current';

/** Whether this browser can show highlights without changing the DOM. */
export const canHighlight = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function showHighlights(ranges: readonly Range[], current: number): void {
  if (!canHighlight()) return;
  CSS.highlights.set(MATCH, new Highlight(...ranges));
  const cur = ranges[current];
  if (cur) CSS.highlights.set(CURRENT, new Highlight(cur));
  else CSS.highlights.delete(CURRENT);
}

export function clearHighlights(): void {
  if (!canHighlight()) return;
  CSS.highlights.delete(MATCH);
  CSS.highlights.delete(CURRENT);
}

/** Scrolls `pane` so the range sits a third of the way down, unless it is comfortably in view already. */
export function scrollToRange(pane: HTMLElement, range: Range): void {
  const rect = range.getBoundingClientRect();
  const box = pane.getBoundingClientRect();
  const margin = Math.min(80, box.height / 4);
  if (rect.top >= box.top + margin && rect.bottom <= box.bottom - margin) return;
  pane.scrollBy({ top: rect.top - box.top - box.height / 3, behavior: 'instant' });
}
