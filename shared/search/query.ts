/**
 * Query syntax: words, "quoted phrases", and — while the reader is still typing — the last
 * unquoted word counts as a prefix. Parsing is pure syntax; reading Telex/VNI needs the
 * index vocabulary and happens in {@link resolveQuery}.
 */
import { exactForm, foldMarks, hasMarks, readTypedVietnamese, syllableKey, tokenTexts } from '../text/index';

export interface QueryTerm {
  /** The token as typed, lower-case NFC. */
  raw: string;
  /** What is searched: `raw`, or its Telex/VNI reading when `converted`. Lower-case NFC. */
  text: string;
  /** `text` without tones and marks: the matching key. */
  folded: string;
  /** Placement-independent exact form of `text` (see `syllableKey`): the ranking key. */
  key: string;
  /** `text` carries tones or marks. */
  marked: boolean;
  /**
   * Documents with exactly this written form rank first. True for marked terms, and for every
   * term of a query typed with marks: whoever types `Việt Nam` means `Nam`, not `Năm`.
   */
  preferExact: boolean;
  /** Match any word starting with `folded` (the word being typed). */
  prefix: boolean;
  converted: boolean;
}

export type QueryGroup =
  | { kind: 'term'; term: QueryTerm }
  | { kind: 'phrase'; terms: QueryTerm[] };

/** Plain data, so it can cross `postMessage` and be handed back to `makeSnippet`. */
export interface ParsedQuery {
  groups: QueryGroup[];
}

export interface ParseOptions {
  /** Treat an unfinished last word as a prefix (default true; false for "search" on Enter). */
  prefix?: boolean;
}

/** More than this many groups is a pasted paragraph, not a query; the rest is ignored. */
export const MAX_GROUPS = 24;

export function makeTerm(raw: string, prefix = false): QueryTerm {
  const text = exactForm(raw);
  const marked = hasMarks(text);
  return { raw: text, text, folded: foldMarks(text), key: syllableKey(text), marked, preferExact: marked, prefix, converted: false };
}

/** Sets `preferExact` on every term once any term carries marks (see {@link QueryTerm}). */
function withPreferences(query: ParsedQuery): ParsedQuery {
  const typedWithMarks = queryTerms(query).some((t) => t.marked);
  for (const t of queryTerms(query)) t.preferExact = t.marked || typedWithMarks;
  return query;
}

export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const groups: QueryGroup[] = [];
  const parts = input.normalize('NFC').split('"');
  let lastIsOpenWord = false;
  parts.forEach((part, i) => {
    const words = tokenTexts(part);
    if (i % 2 === 1) {
      // Inside quotes (an unclosed quote runs to the end). One quoted word is just a word.
      if (words.length === 1) groups.push({ kind: 'term', term: makeTerm(words[0]) });
      else if (words.length > 1) groups.push({ kind: 'phrase', terms: words.map((w) => makeTerm(w)) });
      lastIsOpenWord = false;
    } else {
      for (const w of words) groups.push({ kind: 'term', term: makeTerm(w) });
      lastIsOpenWord = words.length > 0 && i === parts.length - 1 && /[\p{L}\p{M}\p{N}]$/u.test(part);
    }
  });
  const last = groups[groups.length - 1];
  if (options.prefix !== false && lastIsOpenWord && last?.kind === 'term') last.term.prefix = true;
  return withPreferences({ groups: groups.slice(0, MAX_GROUPS) });
}

/** What the index knows, in its own term space; lets the resolver tell words from Telex. */
export interface QueryVocabulary {
  hasTerm(text: string): boolean;
  hasPrefix(text: string): boolean;
}

const TYPED = /^[a-z][a-z0-9]*$/;

/**
 * Replaces a typed token by its Telex/VNI reading only when the token is not itself a word of
 * the vocabulary and the reading is (a prefix of) a well-formed syllable the vocabulary knows.
 * So `cos` stays `cos` in an index that contains "cos", and becomes `có` otherwise.
 */
export function resolveTerm(term: QueryTerm, vocab: QueryVocabulary): QueryTerm {
  if (term.marked || term.converted || !TYPED.test(term.raw)) return term;
  // A plain word stays plain; only tokens unknown as typed are read as Telex/VNI.
  if (term.prefix) {
    if (vocab.hasPrefix(term.text)) return term;
    const reading = readTypedVietnamese(term.raw, { partial: true });
    if (!reading || !vocab.hasPrefix(reading)) return term;
    return { ...makeTerm(reading, true), raw: term.raw, converted: true };
  }
  if (vocab.hasTerm(term.text)) return term;
  const reading = readTypedVietnamese(term.raw);
  if (!reading || !vocab.hasTerm(reading)) return term;
  return { ...makeTerm(reading), raw: term.raw, converted: true };
}

export function resolveQuery(query: ParsedQuery, vocab: QueryVocabulary): ParsedQuery {
  return withPreferences({
    groups: query.groups.map((g): QueryGroup =>
      g.kind === 'term'
        ? { kind: 'term', term: { ...resolveTerm(g.term, vocab) } }
        : { kind: 'phrase', terms: g.terms.map((t) => ({ ...resolveTerm(t, vocab) })) }),
  });
}

/** The query as it will be searched, e.g. for "Showing results for dân vận". */
export function formatQuery(query: ParsedQuery): string {
  return query.groups
    .map((g) => (g.kind === 'term' ? g.term.text : `"${g.terms.map((t) => t.text).join(' ')}"`))
    .join(' ');
}

/** True when any term was read as Telex/VNI, so the UI can say what it searched for. */
export function isConverted(query: ParsedQuery): boolean {
  return query.groups.some((g) => (g.kind === 'term' ? g.term.converted : g.terms.some((t) => t.converted)));
}

/** Every term in reading order (phrase terms included). */
export function queryTerms(query: ParsedQuery): QueryTerm[] {
  return query.groups.flatMap((g) => (g.kind === 'term' ? [g.term] : g.terms));
}
