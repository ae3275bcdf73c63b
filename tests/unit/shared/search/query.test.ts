import { describe, expect, it } from 'vitest';
import { formatQuery, isConverted, parseQuery, queryTerms, resolveQuery, type QueryVocabulary } from '../../../../shared/search/index';
import { foldMarks } from '../../../../shared/text/index';

function vocab(words: string[]): QueryVocabulary {
  const folded = words.map((w) => foldMarks(w));
  return {
    hasTerm: (t) => folded.includes(foldMarks(t)),
    hasPrefix: (t) => folded.some((w) => w.startsWith(foldMarks(t))),
  };
}

describe('parseQuery', () => {
  it('reads words and quoted phrases', () => {
    const q = parseQuery('công tác "dân vận" mới ');
    expect(q.groups.map((g) => g.kind)).toEqual(['term', 'term', 'phrase', 'term']);
    const phrase = q.groups[2];
    expect(phrase.kind === 'phrase' && phrase.terms.map((t) => t.text)).toEqual(['dân', 'vận']);
  });

  it('treats the last unquoted word as a prefix only while it is being typed', () => {
    expect(queryTerms(parseQuery('dân vậ')).map((t) => t.prefix)).toEqual([false, true]);
    expect(queryTerms(parseQuery('dân vậ ')).map((t) => t.prefix)).toEqual([false, false]);
    expect(queryTerms(parseQuery('dân vậ', { prefix: false })).map((t) => t.prefix)).toEqual([false, false]);
    expect(queryTerms(parseQuery('"dân vận"')).some((t) => t.prefix)).toBe(false);
  });

  it('runs an unclosed quote to the end, and a one-word quote is a word', () => {
    const q = parseQuery('tin "dân vận');
    expect(q.groups[1].kind).toBe('phrase');
    expect(parseQuery('"dân"').groups[0].kind).toBe('term');
  });

  it('folds terms and tells marked from unmarked', () => {
    const [a, b] = queryTerms(parseQuery('Dần dan'));
    expect(a).toMatchObject({ text: 'dần', folded: 'dan', marked: true });
    expect(b).toMatchObject({ text: 'dan', folded: 'dan', marked: false });
  });

  it('prefers exact forms for every word of a query typed with marks', () => {
    expect(queryTerms(parseQuery('Việt Nam')).map((t) => t.preferExact)).toEqual([true, true]);
    expect(queryTerms(parseQuery('viet nam')).map((t) => t.preferExact)).toEqual([false, false]);
  });

  it('normalises NFD input', () => {
    expect(queryTerms(parseQuery('dân'.normalize('NFD')))[0].text).toBe('dân');
  });
});

describe('resolveQuery', () => {
  it('reads Telex and VNI only for tokens the vocabulary lacks', () => {
    const v = vocab(['dân', 'vận', 'có', 'cos']);
    const q = resolveQuery(parseQuery('daan va6n5 ', {}), v);
    expect(formatQuery(q)).toBe('dân vận');
    expect(isConverted(q)).toBe(true);
    // "cos" is itself a word of this vocabulary, so it is not read as Telex for "có".
    expect(formatQuery(resolveQuery(parseQuery('cos '), v))).toBe('cos');
    expect(formatQuery(resolveQuery(parseQuery('cos '), vocab(['có'])))).toBe('có');
  });

  it('reads the word being typed as Telex when its reading is a known prefix', () => {
    const q = resolveQuery(parseQuery('dduwo'), vocab(['đường']));
    expect(queryTerms(q)[0]).toMatchObject({ folded: 'duo', prefix: true, converted: true });
  });

  it('keeps words the vocabulary knows', () => {
    const q = resolveQuery(parseQuery('dan van '), vocab(['dân', 'vận']));
    expect(isConverted(q)).toBe(false);
    expect(formatQuery(q)).toBe('dan van');
  });
});
