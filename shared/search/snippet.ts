/**
 * Highlighting for result snippets and in-article find. Matching mirrors the index: folded
 * syllables, the typed word as a prefix, quoted phrases as consecutive syllables; `exact`
 * tells whether the form matches what was typed (for marked queries).
 */
import { foldMarks, splitTone, tokenize, type Token } from '../text/index';
import { ParsedQuery, QueryTerm, QueryVocabulary, parseQuery, resolveQuery } from './query';

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export interface HighlightRange {
  /** UTF-16 offsets into the text passed in. */
  start: number;
  end: number;
  /** The written form is the one typed (always true for terms typed without marks). */
  exact: boolean;
}

export interface SnippetOptions {
  /** Approximate snippet length in characters (default 180). */
  maxChars?: number;
}

interface FoldedToken extends Token {
  folded: string;
}

function foldTokens(text: string): FoldedToken[] {
  return tokenize(text).map((t) => ({ ...t, folded: foldMarks(t.text) }));
}

/**
 * A query string is read against the text's own words: a token becomes Telex/VNI only when
 * the text lacks it as typed, as the engine does against its vocabulary.
 */
function toQuery(query: string | ParsedQuery, tokens: readonly FoldedToken[]): ParsedQuery {
  if (typeof query !== 'string') return query;
  const words = new Set(tokens.map((t) => t.folded));
  let sorted: string[] | null = null;
  const vocab: QueryVocabulary = {
    hasTerm: (text) => words.has(foldMarks(text)),
    hasPrefix: (text) => {
      const p = foldMarks(text);
      sorted ??= [...words];
      return sorted.some((w) => w.startsWith(p));
    },
  };
  return resolveQuery(parseQuery(query), vocab);
}

function termMatches(term: QueryTerm, token: FoldedToken): boolean {
  return term.prefix ? token.folded.startsWith(term.folded) : token.folded === term.folded;
}

function isExact(term: QueryTerm, token: FoldedToken): boolean {
  if (!term.preferExact) return true;
  const typed = splitTone(term.text);
  const found = splitTone(token.text);
  if (term.prefix) return found.base.startsWith(typed.base) && (typed.tone === 0 || typed.tone === found.tone);
  return found.base === typed.base && found.tone === typed.tone;
}

function rangesFor(tokens: readonly FoldedToken[], query: ParsedQuery): Array<HighlightRange & { group: number }> {
  const out: Array<HighlightRange & { group: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    query.groups.forEach((g, group) => {
      if (g.kind === 'term') {
        if (termMatches(g.term, tokens[i])) {
          out.push({ start: tokens[i].start, end: tokens[i].end, exact: isExact(g.term, tokens[i]), group });
        }
        return;
      }
      const n = g.terms.length;
      if (i + n > tokens.length) return;
      for (let j = 0; j < n; j++) if (!termMatches(g.terms[j], tokens[i + j])) return;
      let exact = true;
      for (let j = 0; j < n; j++) exact &&= isExact(g.terms[j], tokens[i + j]);
      out.push({ start: tokens[i].start, end: tokens[i + n - 1].end, exact, group });
    });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps (a phrase and one of its words as a separate term) merge into one range.
  const merged: Array<HighlightRange & { group: number }> = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.exact &&= r.exact;
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/** Every match of the query in `text`, for in-article find. Offsets index `text` as given. */
export function highlightRanges(text: string, query: string | ParsedQuery): HighlightRange[] {
  const tokens = foldTokens(text);
  return rangesFor(tokens, toQuery(query, tokens)).map(({ start, end, exact }) => ({ start, end, exact }));
}

/**
 * A short passage of `text` around the densest cluster of matches, split into plain and
 * matched segments. Cut on word boundaries, with "…" where text was left out.
 * Pass `SearchResult.query` so Telex conversions and prefixes agree with the hits.
 */
export function makeSnippet(text: string, query: string | ParsedQuery, options: SnippetOptions = {}): SnippetSegment[] {
  const maxChars = Math.max(20, options.maxChars ?? 180);
  const tokens = foldTokens(text);
  const ranges = rangesFor(tokens, toQuery(query, tokens));

  // Window with the most distinct groups (then exact forms, then matches) within maxChars.
  let bestStart = 0;
  let bestValue = -1;
  let j = 0;
  const counts = new Map<number, number>();
  let exactCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    while (j < ranges.length && ranges[j].end - ranges[i].start <= maxChars) {
      counts.set(ranges[j].group, (counts.get(ranges[j].group) ?? 0) + 1);
      if (ranges[j].exact) exactCount++;
      j++;
    }
    const value = counts.size * 10_000 + exactCount * 100 + (j - i);
    if (value > bestValue) {
      bestValue = value;
      bestStart = i;
    }
    const c = (counts.get(ranges[i].group) ?? 1) - 1;
    if (c === 0) counts.delete(ranges[i].group);
    else counts.set(ranges[i].group, c);
    if (ranges[i].exact) exactCount--;
  }

  let from = 0;
  if (ranges.length > 0) {
    const first = ranges[bestStart];
    // Lead in with a little context before the first match, starting at a word.
    const target = Math.max(0, first.start - Math.floor(maxChars / 4));
    from = target === 0 ? 0 : (tokens.find((t) => t.start >= target)?.start ?? first.start);
    const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
    if (lineStart > from) from = lineStart;
  }
  let to = Math.min(text.length, from + maxChars);
  if (to < text.length) {
    const lastWord = tokens.filter((t) => t.end <= to && t.start >= from).pop();
    if (lastWord) to = lastWord.end;
  }

  const segments: SnippetSegment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += s;
    else segments.push({ text: s, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const s = Math.max(r.start, from);
    const e = Math.min(r.end, to);
    push(text.slice(at, s).replace(/\s+/g, ' '), false);
    push(text.slice(s, e), true);
    at = e;
  }
  push(text.slice(at, to).replace(/\s+/g, ' '), false);
  if (to < text.length) push('…', false);
  return segments;
}
