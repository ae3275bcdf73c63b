/**
 * Readers who lack a Vietnamese keyboard type Telex (`dduwowngf`) or VNI (`d9u7o7ng2`) into
 * the search box, where no input method composes them. These functions read such a token
 * as Vietnamese. They accept a reading only when it is a well-formed syllable, so plain
 * words mostly come back `null`; the caller must still prefer the raw token when it is a
 * known word (see the search query resolver).
 */
import type { Tone } from './normalize';
import { isValidSyllable, placeTone } from './syllable';

const TELEX_TONE: Readonly<Record<string, Tone>> = { s: 1, f: 2, r: 3, x: 4, j: 5, z: 0 };
const CIRCUMFLEX: Readonly<Record<string, string>> = { a: 'â', e: 'ê', o: 'ô' };
const IS_VOWEL = /[aăâeêioôơuưy]/;

export interface ConvertOptions {
  /**
   * Skip the well-formed-syllable check: for the word still being typed, where `dduwo`
   * (→ `đươ`) is a fine prefix of `đường` but not a syllable yet.
   */
  partial?: boolean;
}

// Horn/breve for Telex `w` and VNI 7/8: the nearest preceding u/o/a; "uo" takes horns on both.
function applyHorn(out: string[], allowBreve: boolean, allowHorn: boolean): boolean {
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i];
    if (allowHorn && (c === 'o' || c === 'ô') && (out[i - 1] === 'u' || out[i - 1] === 'ư')) {
      out[i - 1] = 'ư';
      out[i] = 'ơ';
      return true;
    }
    if (allowHorn && (c === 'u' || c === 'o' || c === 'ô')) {
      out[i] = c === 'u' ? 'ư' : 'ơ';
      return true;
    }
    if (allowBreve && (c === 'a' || c === 'â')) {
      out[i] = 'ă';
      return true;
    }
  }
  return false;
}

function finish(out: string[], tone: Tone, raw: string, opts: ConvertOptions): string | null {
  let base = out.join('');
  // `thuowr`: Telex puts horns on both of "uo", but open "uơ" (thuở, huơ) keeps a bare u.
  if (!opts.partial && !isValidSyllable(base, tone) && base.includes('ươ')) base = base.replace('ươ', 'uơ');
  if (!opts.partial && !isValidSyllable(base, tone)) return null;
  if (opts.partial && !IS_VOWEL.test(base) && base !== 'đ') return null;
  const word = placeTone(base, tone);
  return word === raw ? null : word;
}

/** `daan` → `dân`, `vaajn` → `vận`, `dduwowngf` → `đường`; `null` when it is no Telex reading. */
export function telexToVietnamese(token: string, opts: ConvertOptions = {}): string | null {
  const raw = token.toLowerCase();
  if (!/^[a-z]+$/.test(raw)) return null;
  const out: string[] = [];
  let tone: Tone = 0;
  let sawVowel = false;
  for (const c of raw) {
    const prev = out[out.length - 1];
    if (c === 'd' && prev === 'd' && out.length === 1) {
      out[0] = 'đ';
    } else if (CIRCUMFLEX[c] && prev === c) {
      out[out.length - 1] = CIRCUMFLEX[c];
    } else if (c === 'w') {
      // A bare `w` types ư (e.g. `tw` → tư).
      if (!applyHorn(out, true, true)) {
        out.push('ư');
        sawVowel = true;
      }
    } else if (c in TELEX_TONE && sawVowel) {
      // s, r, x are also initials, so they are tones only once a vowel has been typed.
      tone = TELEX_TONE[c];
    } else {
      out.push(c);
      if (IS_VOWEL.test(c)) sawVowel = true;
    }
  }
  return finish(out, tone, raw, opts);
}

/** `da6n` → `dân`, `va6n5` → `vận`, `d9u7o7ng2` → `đường`; `null` when it is no VNI reading. */
export function vniToVietnamese(token: string, opts: ConvertOptions = {}): string | null {
  const raw = token.toLowerCase();
  if (!/^[a-z][a-z0-9]*$/.test(raw) || !/[0-9]/.test(raw)) return null;
  const out: string[] = [];
  let tone: Tone = 0;
  for (const c of raw) {
    if (c < '0' || c > '9') {
      out.push(c);
      continue;
    }
    const d = c.charCodeAt(0) - 48;
    if (d >= 1 && d <= 5) {
      if (!out.some((x) => IS_VOWEL.test(x))) return null;
      tone = d as Tone;
    } else if (d === 0) {
      tone = 0;
    } else if (d === 6) {
      let done = false;
      for (let i = out.length - 1; i >= 0 && !done; i--) {
        const up = CIRCUMFLEX[out[i]];
        if (up) {
          out[i] = up;
          done = true;
        }
      }
      if (!done) return null;
    } else if (d === 7 || d === 8) {
      if (!applyHorn(out, d === 8, d === 7)) return null;
    } else {
      const i = out.indexOf('d');
      if (i !== 0) return null;
      out[0] = 'đ';
    }
  }
  return finish(out, tone, raw, opts);
}

/** Telex first (far more common), then VNI. */
export function readTypedVietnamese(token: string, opts: ConvertOptions = {}): string | null {
  return telexToVietnamese(token, opts) ?? vniToVietnamese(token, opts);
}
