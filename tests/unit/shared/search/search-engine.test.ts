import { describe, expect, it } from 'vitest';
import { IndexFormatError, SearchEngine, bytesToBase64, fingerprintOf } from '../../../../shared/search/index';
import { doc, filler } from './fixtures';

function ids(engine: SearchEngine, query: string, options: Parameters<SearchEngine['search']>[1] = {}): string[] {
  return engine.search(query, { prefix: false, ...options }).hits.map((h) => h.id);
}

function engineWith(...docs: ReturnType<typeof doc>[]): SearchEngine {
  const e = new SearchEngine();
  e.add([...filler(30), ...docs]);
  return e;
}

describe('SearchEngine matching', () => {
  it('finds dân vận for the unmarked query dan van', () => {
    const e = engineWith(doc('dv', { title: 'Khảo sát công tác dân vận' }), doc('other', { title: 'Giá vàng hôm nay' }));
    expect(ids(e, 'dan van')).toEqual(['dv']);
    expect(ids(e, 'dân vận')).toEqual(['dv']);
    expect(ids(e, 'DÂN VẬN')).toEqual(['dv']);
  });

  it('matches text stored as NFD or windows-1258 combining marks', () => {
    const e = engineWith(
      doc('nfd', { title: 'Hội nghị dân vận'.normalize('NFD') }),
      doc('cp1258', { text: 'Công tác dân vâ\u0323n được nâng lên' }),
    );
    expect(ids(e, 'vận').sort()).toEqual(['cp1258', 'nfd']);
    expect(ids(e, 'van').sort()).toEqual(['cp1258', 'nfd']);
  });

  it('ranks the exact written form first: dần above dân', () => {
    const e = engineWith(
      // The dân document is otherwise the stronger match (title, twice).
      doc('dan', { title: 'Người dân', text: 'Người dân địa phương.' }),
      doc('dan2', { text: 'Dịch bệnh giảm dần trong tháng.' }),
    );
    expect(ids(e, 'dần')).toEqual(['dan2', 'dan']);
    expect(ids(e, 'dân')).toEqual(['dan', 'dan2']);
    // Unmarked: both match, the stronger first.
    expect(ids(e, 'dan')[0]).toBe('dan');
  });

  it('puts every exact-form match above a stronger other-form match', () => {
    // `dần` once in long, common bodies scores below `dân` in a title: only the form tier
    // puts these documents first.
    const long = 'Nội dung dài về nhiều chủ đề khác nhau của địa phương. '.repeat(200);
    const weak = Array.from({ length: 20 }, (_, i) => doc(`weak-${i}`, { text: `${long} Số ca mắc giảm dần.` }));
    const e = engineWith(doc('strong', { title: 'Dân dân', lead: 'Người dân, dân cư.' }), ...weak);
    const hits = ids(e, 'dần', { limit: 50 });
    expect(hits).toHaveLength(21);
    expect(hits[20]).toBe('strong');
  });

  it('treats hoà and hòa as the same exact form', () => {
    const e = engineWith(doc('a', { title: 'Thanh Hoá cầm hoà' }), doc('b', { title: 'Hòa bình' }));
    expect(ids(e, 'hòa').sort()).toEqual(['a', 'b']);
  });

  it('requires every word, falling back to any word when none has all', () => {
    const e = engineWith(doc('both', { title: 'Giá vàng tăng' }), doc('one', { title: 'Giá xăng' }));
    expect(ids(e, 'giá vàng')).toEqual(['both']);
    const r = e.search('vàng xăng', { prefix: false });
    expect(r.matchedAll).toBe(false);
    expect(r.hits.map((h) => h.id).sort()).toEqual(['both', 'one']);
  });

  it('matches quoted phrases only as consecutive words', () => {
    const e = engineWith(
      doc('phrase', { text: 'Nâng cao hiệu quả công tác dân vận ở cơ sở.' }),
      doc('apart', { text: 'Người dân đã vận động quyên góp.' }),
    );
    expect(ids(e, '"dân vận"')).toEqual(['phrase']);
    expect(ids(e, '"dan van"')).toEqual(['phrase']);
    expect(ids(e, 'dân vận').sort()).toEqual(['apart', 'phrase']);
    expect(ids(e, '"công tác dân vận"')).toEqual(['phrase']);
    expect(ids(e, '"vận dân"')).toEqual([]);
  });

  it('completes the word being typed', () => {
    const e = engineWith(doc('vm', { title: 'Vinamilk lọt top thương hiệu' }), doc('vn', { title: 'Vinaphone mở rộng' }));
    expect(e.search('vinam').hits.map((h) => h.id)).toEqual(['vm']);
    expect(e.search('vina').hits.map((h) => h.id).sort()).toEqual(['vm', 'vn']);
    expect(e.search('vinam', { prefix: false }).hits).toEqual([]);
    expect(e.search('thương hi').hits.map((h) => h.id)).toEqual(['vm']);
  });

  it('reads Telex and VNI queries', () => {
    const e = engineWith(doc('dv', { title: 'Công tác dân vận' }), doc('duong', { title: 'Con đường mới' }));
    const r = e.search('daan vaajn', { prefix: false });
    expect(r.hits.map((h) => h.id)).toEqual(['dv']);
    expect(ids(e, 'dduwowngf')).toEqual(['duong']);
    expect(ids(e, 'd9u7o7ng2')).toEqual(['duong']);
  });

  it('weights the title above the body', () => {
    const e = engineWith(
      doc('body', { title: 'Tin địa phương', text: 'Bài viết có nhắc tới khảo sát một lần.' }),
      doc('title', { title: 'Khảo sát nhu cầu', text: 'Nội dung chi tiết.' }),
    );
    expect(ids(e, 'khảo sát')).toEqual(['title', 'body']);
  });

  it('breaks ties by recency', () => {
    const e = engineWith(
      doc('old', { title: 'Lũ lụt miền Trung', publishedAt: '2019-05-01T00:00:00Z' }),
      doc('new', { title: 'Lũ lụt miền Trung', publishedAt: '2021-05-01T00:00:00Z' }),
    );
    expect(ids(e, 'lũ lụt')).toEqual(['new', 'old']);
  });

  it('restricts hits to a candidate set or predicate', () => {
    const e = engineWith(doc('a', { title: 'Giá vàng' }), doc('b', { title: 'Giá vàng tăng' }), doc('c', { title: 'Vàng' }));
    expect(ids(e, 'vàng', { filter: new Set(['b', 'c']) }).sort()).toEqual(['b', 'c']);
    const r = e.search('vàng', { filter: (id) => id === 'a', prefix: false });
    expect(r.hits.map((h) => h.id)).toEqual(['a']);
    expect(r.total).toBe(1);
  });

  it('pages with limit and offset', () => {
    const e = new SearchEngine();
    e.add(Array.from({ length: 30 }, (_, i) => doc(`d${i}`, { title: 'Hội nghị' })));
    const first = ids(e, 'hội nghị', { limit: 10 });
    const second = ids(e, 'hội nghị', { limit: 10, offset: 10 });
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    expect(new Set([...first, ...second]).size).toBe(20);
    expect(e.search('hội nghị', { limit: 10 }).total).toBe(30);
  });
});

describe('SearchEngine updates', () => {
  it('adds, removes and replaces documents', () => {
    const e = new SearchEngine();
    e.add([doc('a', { title: 'Giá vàng' }), doc('b', { title: 'Giá xăng' })]);
    expect(e.size).toBe(2);
    expect(e.has('a')).toBe(true);
    expect(e.remove(['a', 'missing'])).toBe(1);
    expect(e.has('a')).toBe(false);
    expect(e.size).toBe(1);
    expect(ids(e, 'vàng')).toEqual([]);
    e.add([doc('b', { title: 'Giá điện' })]);
    expect(e.size).toBe(1);
    expect(ids(e, 'xăng')).toEqual([]);
    expect(ids(e, 'điện')).toEqual(['b']);
  });

  it('keeps results across compaction', () => {
    const e = engineWith(doc('a', { title: 'Giá vàng' }), doc('b', { title: 'Giá vàng tăng' }));
    e.remove(['filler-1', 'filler-2']);
    const before = e.search('giá vàng').hits;
    e.compact();
    expect(e.stats().deadDocuments).toBe(0);
    expect(e.search('giá vàng').hits).toEqual(before);
  });
});

describe('SearchEngine persistence', () => {
  const queries = ['dan van', 'dần', '"dân vận"', 'thương h', 'daan', 'vàng'];
  function sample(): SearchEngine {
    const e = engineWith(
      doc('dv', { title: 'Khảo sát công tác dân vận', text: 'Dịch giảm dần.' }),
      doc('gold', { title: 'Giá vàng', captions: ['Quầy vàng'] }),
      doc('brand', { title: 'Thương hiệu Việt', author: 'Nguyễn Thu Hà' }),
    );
    e.remove(['filler-3']);
    return e;
  }

  it('round-trips through exportChunks/importChunks', () => {
    const e = sample();
    const chunks = e.exportChunks();
    expect(chunks.every((c) => typeof c.key === 'string' && c.data instanceof Uint8Array)).toBe(true);
    const loaded = SearchEngine.importChunks(chunks);
    expect(loaded.size).toBe(e.size);
    expect(loaded.fingerprint()).toBe(e.fingerprint());
    for (const q of queries) expect(loaded.search(q).hits).toEqual(e.search(q).hits);
    expect(loaded.has('filler-3')).toBe(false);
  });

  it('accepts base64 chunks and keeps indexing after a load', () => {
    const chunks = sample().exportChunks().map((c) => ({ key: c.key, data: bytesToBase64(c.data) }));
    const loaded = SearchEngine.importChunks(chunks);
    loaded.add([doc('new', { title: 'Dân vận khéo' })]);
    expect(ids(loaded, '"dân vận"').sort()).toEqual(['dv', 'new']);
    loaded.remove(['dv']);
    expect(ids(loaded, 'dan van')).toEqual(['new']);
  });

  it('exports text chunks for a store whose rows hold strings', () => {
    const e = sample();
    const text = e.exportChunks({ encoding: 'base64' });
    expect(text.every((c) => typeof c.data === 'string')).toBe(true);
    expect(text.map((c) => c.key)).toEqual(e.exportChunks().map((c) => c.key));
    const loaded = SearchEngine.importChunks(text);
    for (const q of queries) expect(loaded.search(q).hits).toEqual(e.search(q).hits);
  });

  it('rejects chunks it cannot use', () => {
    const chunks = sample().exportChunks();
    expect(() => SearchEngine.importChunks(chunks.filter((c) => c.key !== 'vocab'))).toThrow(IndexFormatError);
    const meta = chunks.find((c) => c.key === 'meta')!;
    const other = { key: 'meta', data: new TextEncoder().encode(new TextDecoder().decode(meta.data).replace('search/1', 'search/0')) };
    expect(() => SearchEngine.importChunks([other, ...chunks.filter((c) => c.key !== 'meta')])).toThrow(IndexFormatError);
  });

  it('has a fingerprint that tracks ids and content hashes', () => {
    const e = new SearchEngine();
    const a = doc('a', { title: 'Một', contentHash: 'x' });
    const b = doc('b', { title: 'Hai', contentHash: 'y' });
    const empty = e.fingerprint();
    e.add([a, b]);
    const two = e.fingerprint();
    expect(two).not.toBe(empty);
    expect(two).toBe(fingerprintOf([{ id: 'b', contentHash: 'y' }, { id: 'a', contentHash: 'x' }]));
    expect(SearchEngine.fingerprintOf([b, a])).toBe(two);
    e.add([{ ...a, contentHash: 'x2' }]);
    expect(e.fingerprint()).not.toBe(two);
    e.add([a]);
    expect(e.fingerprint()).toBe(two);
    e.remove(['b']);
    expect(e.fingerprint()).toBe(fingerprintOf([{ id: 'a', contentHash: 'x' }]));
    expect(SearchEngine.fingerprintOfChunks(e.exportChunks())).toBe(e.fingerprint());
  });
});

describe('baseline without folding', () => {
  it('matches only the written form', () => {
    const e = new SearchEngine({ foldMarks: false });
    e.add([doc('dv', { title: 'Công tác dân vận' })]);
    expect(ids(e, 'dân vận')).toEqual(['dv']);
    expect(ids(e, 'dan van')).toEqual([]);
  });
});
