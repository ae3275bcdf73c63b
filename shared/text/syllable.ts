/**
 * Shape of a Vietnamese syllable: (initial)(nucleus)(final) plus a tone. Used to decide
 * whether a Telex/VNI reading of a typed token is plausible Vietnamese, and where the tone
 * mark goes when we spell a converted syllable back out.
 */
import { TONE_MARKS, type Tone } from './normalize';

const VOWEL = /[aăâeêioôơuưy]/;
const INITIAL = /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?/;

const OPEN_ONLY = new Set(('y ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưa ưi ưu ua uơ iêu yêu oai oao oay oeo uây uôi ' +
  'ươi ươu uya uyu').split(' '));
const OPEN_OR_CLOSED = new Set('a e ê i o ô ơ u ư oa oe uê uy'.split(' '));
const CLOSED_ONLY = new Set('ă â iê yê uô ươ oă uâ uyê oo'.split(' '));
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
// Spelling rules that make random Latin strings fail early.
const CH_NH_NUCLEI = new Set(['a', 'ê', 'i', 'oa', 'uê', 'uy']);
const FRONT = /^[ieêy]/;

export interface SyllableParts {
  initial: string;
  nucleus: string;
  final: string;
}

/** Splits a lower-case, tone-less NFC syllable; `null` when it has no vowel. */
export function splitSyllable(base: string): SyllableParts | null {
  let initial = INITIAL.exec(base)?.[0] ?? '';
  let rest = base.slice(initial.length);
  // "gì", "gìn": the i belongs to the nucleus when nothing else does.
  if (initial === 'gi' && !VOWEL.test(rest)) {
    initial = 'g';
    rest = base.slice(1);
  }
  let n = 0;
  while (n < rest.length && VOWEL.test(rest[n])) n++;
  if (n === 0) return null;
  return { initial, nucleus: rest.slice(0, n), final: rest.slice(n) };
}

/** Whether `base` (lower-case NFC, no tone) with `tone` is a well-formed Vietnamese syllable. */
export function isValidSyllable(base: string, tone: Tone = 0): boolean {
  const p = splitSyllable(base);
  if (!p) return false;
  const { initial, nucleus, final } = p;
  if (!FINALS.has(final)) return false;
  if (final === '') {
    if (!OPEN_ONLY.has(nucleus) && !OPEN_OR_CLOSED.has(nucleus)) return false;
  } else if (!CLOSED_ONLY.has(nucleus) && !OPEN_OR_CLOSED.has(nucleus)) {
    return false;
  }
  if (STOP_FINALS.has(final) && tone !== 0 && tone !== 1 && tone !== 5) return false;
  if ((final === 'ch' || final === 'nh') && !CH_NH_NUCLEI.has(nucleus)) return false;
  if ((final === 'c' || final === 'ng') && (nucleus === 'ê' || nucleus === 'i')) return false;
  if ((initial === 'k' || initial === 'gh' || initial === 'ngh') && !FRONT.test(nucleus)) return false;
  if ((initial === 'c' || initial === 'ng') && FRONT.test(nucleus)) return false;
  return true;
}

const MARKED_VOWEL = /[ăâêôơư]/;

/** Index within `base` of the vowel that carries the tone (classic placement: hòa, thúy). */
export function toneIndex(base: string): number {
  const p = splitSyllable(base);
  if (!p) return -1;
  const at = base.length - p.final.length - p.nucleus.length;
  const nu = p.nucleus;
  const horn = nu.indexOf('ơ');
  if (horn >= 0) return at + horn;
  for (let i = nu.length - 1; i >= 0; i--) if (MARKED_VOWEL.test(nu[i])) return at + i;
  if (p.final !== '') return at + nu.length - 1;
  if (nu.length === 3) return at + 1;
  return at;
}

/** Spells `base` with `tone` in NFC, e.g. (`đương`, 2) → `đường`. */
export function placeTone(base: string, tone: Tone): string {
  if (tone === 0) return base.normalize('NFC');
  const i = toneIndex(base);
  if (i < 0) return base.normalize('NFC');
  return (base.slice(0, i + 1) + TONE_MARKS[tone] + base.slice(i + 1)).normalize('NFC');
}
