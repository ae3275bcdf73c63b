import { describe, expect, it } from 'vitest';
import { exactForm, foldMarks, hasMarks, nfc, splitTone, syllableKey } from '../../../../shared/text/index';

// "Dân vận đường" written three ways: precomposed, decomposed, and as windows-1258 decodes it
// (precomposed vowel letters â/ư/ơ, tone marks left combining).
const NFC_TEXT = 'Dân vận đường';
const NFD_TEXT = NFC_TEXT.normalize('NFD');
const CP1258_TEXT = 'Dân vâ\u0323n đươ\u0300ng';

describe('foldMarks', () => {
  it('drops tones and vowel marks and lower-cases', () => {
    expect(foldMarks('dân vận')).toBe('dan van');
    expect(foldMarks('Đường Dần')).toBe('duong dan');
    expect(foldMarks('NGƯỜI Ở ĐÂY')).toBe('nguoi o day');
  });

  it('folds đ and Đ to d', () => {
    expect(foldMarks('đ')).toBe('d');
    expect(foldMarks('Đ')).toBe('d');
  });

  it('gives the same result for NFC, NFD and windows-1258 style combining marks', () => {
    expect(CP1258_TEXT).not.toBe(NFC_TEXT);
    expect(NFD_TEXT).not.toBe(NFC_TEXT);
    expect(foldMarks(NFD_TEXT)).toBe('dan van duong');
    expect(foldMarks(CP1258_TEXT)).toBe('dan van duong');
    expect(nfc(CP1258_TEXT)).toBe(NFC_TEXT);
    expect(exactForm(CP1258_TEXT)).toBe(exactForm(NFD_TEXT));
  });

  it('leaves plain ASCII alone apart from case', () => {
    expect(foldMarks('Covid-19 ABC')).toBe('covid-19 abc');
  });
});

describe('syllableKey', () => {
  it('is the same for every normal form', () => {
    for (const w of ['vận', 'đường', 'người']) {
      expect(syllableKey(w.normalize('NFD'))).toBe(syllableKey(w));
    }
    expect(syllableKey('vâ\u0323n')).toBe(syllableKey('vận'));
  });

  it('ignores where the tone mark was placed (hoà / hòa) and case', () => {
    expect(syllableKey('hoà')).toBe(syllableKey('hòa'));
    expect(syllableKey('Thuý')).toBe(syllableKey('thúy'));
  });

  it('keeps tones and marks apart', () => {
    expect(syllableKey('dần')).not.toBe(syllableKey('dân'));
    expect(syllableKey('dân')).not.toBe(syllableKey('dan'));
    expect(syllableKey('đan')).not.toBe(syllableKey('dan'));
  });
});

describe('splitTone and hasMarks', () => {
  it('separates the tone from the base', () => {
    expect(splitTone('Người')).toEqual({ base: 'ngươi', tone: 2 });
    expect(splitTone('vận')).toEqual({ base: 'vân', tone: 5 });
    expect(splitTone('ca')).toEqual({ base: 'ca', tone: 0 });
  });

  it('detects marks in any form', () => {
    expect(hasMarks('dan')).toBe(false);
    expect(hasMarks('dân')).toBe(true);
    expect(hasMarks('đi')).toBe(true);
    expect(hasMarks('dâ\u0300n')).toBe(true);
  });
});
