/**
 * Vietnamese is written one syllable per space-separated token, so a syllable tokeniser is
 * a word tokeniser's useful half; multi-syllable words are recovered by the search index's
 * adjacent-pair (bigram) postings instead of a dictionary segmenter.
 */

export interface Token {
  /** The token exactly as it appears in the input (any normal form, any case). */
  text: string;
  /** UTF-16 offsets into the input, so highlights land on the caller's own string. */
  start: number;
  end: number;
}

// Marks (\p{M}) are part of the token: NFD and windows-1258 text carries tones as combining marks.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Token strings only; cheaper than {@link tokenize} when offsets are not needed. */
export function tokenTexts(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Per UTF-16 code unit: 1 can start or continue a token (\p{L}, \p{N}), 2 can only continue
 * it (\p{M}), 0 separates. Built once so hot loops need no regex; astral-plane letters
 * (surrogate pairs) count as separators there, which only matters for rare scripts.
 */
export const TOKEN_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const start = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (start.test(ch)) t[c] = 1;
    else if (mark.test(ch)) t[c] = 2;
  }
  return t;
})();
