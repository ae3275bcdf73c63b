export { nfc, foldMarks, exactForm, hasMarks, splitTone, syllableKey, TONE_MARKS, type Tone, type SplitSyllable } from './normalize';
export { tokenize, tokenTexts, TOKEN_CHAR, type Token } from './tokenize';
export { splitSyllable, isValidSyllable, placeTone, toneIndex, type SyllableParts } from './syllable';
export { telexToVietnamese, vniToVietnamese, readTypedVietnamese, type ConvertOptions } from './input-method';
