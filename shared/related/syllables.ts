/**
 * Vietnamese is written one syllable per space-separated token and most words span two or
 * more syllables, so the tokeniser yields runs of syllables rather than a flat list: bigrams
 * are only formed inside a run, never across punctuation or line breaks, so "Hà Nội. Giá"
 * does not invent the term "nội giá".
 */

// Old-style ("hòa", "thủy") and new-style ("hoà", "thuỷ") tone placement both appear on the
// same portal; folding to old style keeps one spelling per syllable. Only open syllables
// differ between the two styles, hence the end-of-syllable anchor; after "q" the "u" belongs
// to the consonant ("quý"), so that case is already canonical.
const NEW_TO_OLD_TONE: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const NEW_STYLE_ENDING = /(^|[^q])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$/u;

// Letters (with combining marks, in case NFC left any) and digits make up a syllable.
// Apostrophes and hyphens join pieces of one foreign token ("covid-19", "vietnam’s") without
// ending the run; line breaks (paragraphs, photo captions without a full stop) and any other
// non-space character end it.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const JOINER_CHAR = /^[-‐‑–'’]$/u;
const LINE_BREAK_CHAR = /^[\n\r\u2028\u2029]$/u;
const SPACE_CHAR = /^\s$/u;

const enum CharClass {
  Unknown = 0,
  Word,
  Joiner,
  Space,
  Break,
}

// Unicode-property regexes are slow per character, so each BMP code unit is classified once.
const bmpClass = new Uint8Array(0x10000);

function classify(char: string): CharClass {
  if (WORD_CHAR.test(char)) return CharClass.Word;
  if (JOINER_CHAR.test(char)) return CharClass.Joiner;
  if (LINE_BREAK_CHAR.test(char)) return CharClass.Break;
  if (SPACE_CHAR.test(char)) return CharClass.Space;
  return CharClass.Break;
}

function bmpClassOf(text: string, i: number): CharClass {
  const code = text.charCodeAt(i);
  let cls = bmpClass[code] as CharClass;
  if (cls === CharClass.Unknown) bmpClass[code] = cls = classify(text[i]);
  return cls;
}

export interface Syllable {
  /** NFC, lower case, old-style tone placement: the form terms are built from. */
  norm: string;
  /** As written in the text, NFC: used to show a term the way the article spells it. */
  surface: string;
}

// Articles repeat a few thousand distinct written syllables over and over; memoising the
// normalisation avoids re-lowercasing them. Cleared when large so memory stays bounded.
const normalized = new Map<string, string>();
const NORMALIZED_CACHE_LIMIT = 100_000;

export function normalizeSyllable(raw: string): string {
  let norm = normalized.get(raw);
  if (norm !== undefined) return norm;
  const lower = raw.normalize('NFC').toLowerCase();
  const m = NEW_STYLE_ENDING.exec(lower);
  norm = m ? lower.slice(0, lower.length - m[2].length) + NEW_TO_OLD_TONE[m[2]] : lower;
  if (normalized.size >= NORMALIZED_CACHE_LIMIT) normalized.clear();
  normalized.set(raw, norm);
  return norm;
}

/** Calls `onSyllable` for each written syllable and `onBreak` where a run ends. */
function scan(text: string, onSyllable: (written: string) => void, onBreak: () => void): void {
  const nfc = text.normalize('NFC');
  let start = -1;
  for (let i = 0; i < nfc.length; ) {
    let cls: CharClass;
    let width = 1;
    const code = nfc.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < nfc.length) {
      const point = String.fromCodePoint(nfc.codePointAt(i)!);
      cls = classify(point);
      width = point.length;
    } else {
      cls = bmpClassOf(nfc, i);
    }
    if (cls === CharClass.Word) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) onSyllable(nfc.slice(start, i));
      start = -1;
      if (cls === CharClass.Break) onBreak();
    }
    i += width;
  }
  if (start >= 0) onSyllable(nfc.slice(start));
  onBreak();
}

/** Splits text into runs of syllables, keeping the written form beside the normalised one. */
export function syllableRunsWithSurface(text: string): Syllable[][] {
  const runs: Syllable[][] = [];
  let run: Syllable[] = [];
  scan(
    text,
    (written) => run.push({ norm: normalizeSyllable(written), surface: written }),
    () => {
      if (run.length > 0) runs.push(run);
      run = [];
    },
  );
  return runs;
}

/** Splits text into runs of normalised syllables; a run ends at punctuation or a line break. */
export function syllableRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  scan(
    text,
    (written) => run.push(normalizeSyllable(written)),
    () => {
      if (run.length > 0) runs.push(run);
      run = [];
    },
  );
  return runs;
}
