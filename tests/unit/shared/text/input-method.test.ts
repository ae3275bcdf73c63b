import { describe, expect, it } from 'vitest';
import {
  isValidSyllable, placeTone, readTypedVietnamese, telexToVietnamese, vniToVietnamese,
} from '../../../../shared/text/index';

describe('telexToVietnamese', () => {
  it.each([
    ['daan', 'dân'],
    ['vaajn', 'vận'],
    ['dduwowngf', 'đường'],
    ['nguwowif', 'người'],
    ['tieengs', 'tiếng'],
    ['vieetj', 'việt'],
    ['quoocs', 'quốc'],
    ['gif', 'gì'],
    ['thuowr', 'thuở'],
    ['chuyeenj', 'chuyện'],
    ['DDaauf', 'đầu'],
  ])('%s → %s', (typed, expected) => {
    expect(telexToVietnamese(typed)).toBe(expected);
  });

  it('returns null for plain words and for non-syllables', () => {
    for (const w of ['dan', 'xin', 'bao', 'the', 'covid', 'vinamilk', 'abcxyz']) {
      expect(telexToVietnamese(w)).toBeNull();
    }
  });

  it('reads an unfinished word only in partial mode', () => {
    expect(telexToVietnamese('dduwo')).toBeNull();
    expect(telexToVietnamese('dduwo', { partial: true })).toBe('đưo');
  });
});

describe('vniToVietnamese', () => {
  it.each([
    ['da6n', 'dân'],
    ['va6n5', 'vận'],
    ['d9u7o7ng2', 'đường'],
    ['nguoi72', 'người'],
    ['tie6ng1', 'tiếng'],
  ])('%s → %s', (typed, expected) => {
    expect(vniToVietnamese(typed)).toBe(expected);
  });

  it('needs digits and a syllable', () => {
    expect(vniToVietnamese('dan')).toBeNull();
    expect(vniToVietnamese('2020')).toBeNull();
    expect(vniToVietnamese('covid19')).toBeNull();
  });

  it('is tried after Telex', () => {
    expect(readTypedVietnamese('va6n5')).toBe('vận');
    expect(readTypedVietnamese('vaajn')).toBe('vận');
  });
});

describe('syllables', () => {
  it('accepts Vietnamese syllables and rejects other strings', () => {
    for (const s of ['dân', 'đương', 'ngươi', 'quôc', 'gi', 'khuya', 'nghiêng']) expect(isValidSyllable(s)).toBe(true);
    for (const s of ['daan', 'covid', 'ka', 'nghe1', 'ian', 'vinamilk']) expect(isValidSyllable(s)).toBe(false);
  });

  it('allows only sắc and nặng on stop finals', () => {
    expect(isValidSyllable('viêt', 5)).toBe(true);
    expect(isValidSyllable('viêt', 2)).toBe(false);
  });

  it('places the tone on the right vowel', () => {
    expect(placeTone('đương', 2)).toBe('đường');
    expect(placeTone('hoa', 2)).toBe('hòa');
    expect(placeTone('toan', 1)).toBe('toán');
    expect(placeTone('ngoai', 2)).toBe('ngoài');
    expect(placeTone('quôc', 1)).toBe('quốc');
  });
});
