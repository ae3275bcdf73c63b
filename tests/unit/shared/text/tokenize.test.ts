import { describe, expect, it } from 'vitest';
import { TOKEN_CHAR, tokenTexts, tokenize } from '../../../../shared/text/index';

describe('tokenize', () => {
  it('splits syllables with offsets into the input', () => {
    const text = 'Công tác dân vận, năm 2020.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Công', 'tác', 'dân', 'vận', 'năm', '2020']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps combining marks inside NFD tokens', () => {
    const nfd = 'dân vận'.normalize('NFD');
    expect(tokenTexts(nfd)).toEqual(['dân'.normalize('NFD'), 'vận'.normalize('NFD')]);
  });

  it('has a character table that agrees with the regex', () => {
    const sample = 'Đường Hà Nội – Covid-19: “dân vận” ầ\u0300 ü ß 中文 1.000';
    let fromTable = 0;
    for (let i = 0; i < sample.length; i++) {
      if (TOKEN_CHAR[sample.charCodeAt(i)] === 1 && (i === 0 || TOKEN_CHAR[sample.charCodeAt(i - 1)] === 0)) fromTable++;
    }
    expect(fromTable).toBe(tokenTexts(sample).length);
  });
});
