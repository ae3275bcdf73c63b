/**
 * Vietnamese normalisation. Text reaches us precomposed (NFC), decomposed (NFD, e.g. macOS
 * file names) or as windows-1258 output: precomposed vowels (â, ơ, ư) followed by a
 * *combining* tone mark. All three must compare equal, so every function here works on
 * the canonical decomposition rather than on code points as given.
 */

/** 0 ngang (none), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng — the same digits VNI typing uses. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_OF_MARK: ReadonlyMap<number, Tone> = new Map<number, Tone>([
  [0x0301, 1], [0x0341, 1], // acute; U+0341 is the deprecated tone form some legacy encoders emit
  [0x0300, 2], [0x0340, 2],
  [0x0309, 3],
  [0x0303, 4],
  [0x0323, 5],
]);

/** Combining code points used as Vietnamese tone marks (as opposed to vowel marks ˆ ˘ ʼ). */
export const TONE_MARKS: Readonly<Record<Exclude<Tone, 0>, string>> = {
  1: '\u0301', 2: '\u0300', 3: '\u0309', 4: '\u0303', 5: '\u0323',
};

const COMBINING = /[\u0300-\u036f]/g;
const D_STROKE = /[đð]/g; // ð: some legacy (VNI/TCVN) conversions put eth where đ belongs
const ASCII = /^[^\u0080-\uffff]*$/;

export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Lower-cases and drops every tone and vowel mark: `Đường Dần` → `duong dan`. */
export function foldMarks(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING, '').replace(D_STROKE, 'd');
}

/** Lower-case NFC: the form we treat as "exactly what was written". */
export function exactForm(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

/** True when the text carries any Vietnamese mark (tone, vowel mark or đ). */
export function hasMarks(text: string): boolean {
  const lower = text.toLowerCase();
  return !ASCII.test(lower) && /[\u0300-\u036fđð]/.test(lower.normalize('NFD'));
}

export interface SplitSyllable {
  /** Lower-case NFC with vowel marks and đ kept, tone removed: `người` → `ngươi`. */
  base: string;
  tone: Tone;
}

/** Separates the tone from a syllable so that `hoà` and `hòa` (two placement conventions) agree. */
export function splitTone(token: string): SplitSyllable {
  const decomposed = token.toLowerCase().normalize('NFD');
  let tone: Tone = 0;
  let base = '';
  for (const ch of decomposed) {
    const t = TONE_OF_MARK.get(ch.charCodeAt(0));
    if (t === undefined) base += ch;
    else if (tone === 0) tone = t;
  }
  return { base: base.normalize('NFC'), tone };
}

/**
 * A placement-independent identity for an exact written form: base + tone digit.
 * `hoà`, `hòa`, NFD `hòa` and windows-1258 `hòa` all give `hoa2`.
 */
export function syllableKey(token: string): string {
  const { base, tone } = splitTone(token);
  return base + tone;
}
