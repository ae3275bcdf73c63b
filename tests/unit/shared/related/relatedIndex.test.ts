import { describe, expect, it } from 'vitest';
import { RelatedIndex, type RelatedDoc } from '../../../../shared/related';
import { topicDocs, topicOf } from './fixtures';

function build(docs: RelatedDoc[] = topicDocs()): RelatedIndex {
  const index = new RelatedIndex();
  index.add(docs);
  return index;
}

describe('RelatedIndex.similar', () => {
  it('ranks articles on the same topic first', () => {
    const index = build();
    for (const doc of topicDocs()) {
      const hits = index.similar(doc.id, 3);
      expect(hits).toHaveLength(3);
      expect(hits.map((h) => topicOf(h.id))).toEqual([doc.topic, doc.topic, doc.topic]);
    }
  });

  it('returns scores in (0, 1], best first, never the article itself', () => {
    const index = build();
    const hits = index.similar('health-0', 10);
    expect(hits.map((h) => h.id)).not.toContain('health-0');
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('defaults to 5 hits and answers [] for an unknown id', () => {
    const index = build();
    expect(index.similar('football-0')).toHaveLength(5);
    expect(index.similar('no-such-article')).toEqual([]);
  });

  it('explains hits with readable shared key terms', () => {
    const index = build();
    const hit = index.similar('health-0', 1)[0];
    expect(hit.sharedTerms.length).toBeGreaterThan(0);
    expect(hit.sharedTerms.length).toBeLessThanOrEqual(3);
    for (const term of hit.sharedTerms) {
      expect(term).toMatch(/^[\p{Ll}\p{N}]+( [\p{Ll}\p{N}]+)?$/u);
      // Neither boilerplate nor function words.
      expect(['cho biết', 'người dân', 'của', 'và', 'theo', 'thông tin']).not.toContain(term);
    }
    const all = topicDocs().flatMap((d) => index.similar(d.id, 3).flatMap((h) => h.sharedTerms));
    expect(all).toEqual(expect.arrayContaining(['bệnh nhân', 'huấn luyện', 'tuyển sinh']));
  });

  it('does not use any field besides title, lead and text', () => {
    const docs = topicDocs();
    const plain = build(docs.map(({ id, title, lead, text }) => ({ id, title, lead, text })));
    const labelled = build(docs.map((d) => ({ ...d, category: d.topic === 'health' ? 'Giáo dục' : 'Sức khỏe' })));
    for (const d of docs) expect(labelled.similar(d.id)).toEqual(plain.similar(d.id));
  });
});

describe('RelatedIndex incremental updates', () => {
  const twin: RelatedDoc = {
    id: 'twin',
    title: 'Sốt xuất huyết tăng, bệnh viện quá tải',
    lead: 'Số bệnh nhân sốt xuất huyết tăng mạnh, bác sĩ khuyến cáo diệt muỗi.',
    text: 'Bệnh viện tiếp nhận bệnh nhân sốt xuất huyết mỗi ngày. Bác sĩ khuyến cáo người dân diệt muỗi.',
  };

  it('an added article shows up, a removed one disappears', () => {
    const index = build();
    expect(index.similar('health-0').map((h) => h.id)).not.toContain('twin');
    index.add([twin]);
    expect(index.size).toBe(16);
    expect(index.similar('health-0')[0].id).toBe('twin');
    expect(topicOf(index.similar('twin')[0].id)).toBe('health');

    index.remove(['twin']);
    expect(index.size).toBe(15);
    expect(index.has('twin')).toBe(false);
    expect(index.similar('twin')).toEqual([]);
    for (const d of topicDocs()) expect(index.similar(d.id, 15).map((h) => h.id)).not.toContain('twin');
  });

  it('re-adding an id replaces the article', () => {
    const index = build();
    index.add([{ ...twin, id: 'x' }]);
    expect(topicOf(index.similar('x')[0].id)).toBe('health');
    const football = topicDocs().find((d) => d.id === 'football-1')!;
    index.add([{ ...football, id: 'x' }]);
    expect(index.size).toBe(16);
    expect(index.similar('x')[0].id).toBe('football-1');
    expect(index.similar('health-0').map((h) => h.id)).not.toContain('x');
  });

  it('removing unknown ids is a no-op', () => {
    const index = build();
    const before = JSON.stringify(index.toJSON());
    index.remove(['nope']);
    expect(JSON.stringify(index.toJSON())).toBe(before);
  });

  it('building one article at a time finds the same topics', () => {
    const index = new RelatedIndex();
    for (const doc of topicDocs()) index.add([doc]);
    for (const doc of topicDocs()) {
      expect(index.similar(doc.id, 3).map((h) => topicOf(h.id))).toEqual([doc.topic, doc.topic, doc.topic]);
    }
  });

  it('keeps every neighbour list nearest first, capped and free of repeats as articles arrive', () => {
    // A short list makes most arrivals compete for a place: some replace the furthest
    // neighbour, some lose, some land in the middle.
    const index = new RelatedIndex({ neighbours: 3 });
    const docs = topicDocs();
    const checkLists = (): number => {
      const json = index.toJSON();
      let full = 0;
      json.docs.forEach((d, position) => {
        expect(d.neighbours.length).toBeLessThanOrEqual(3);
        expect(new Set(d.neighbours).size).toBe(d.neighbours.length);
        expect(d.neighbours).not.toContain(position);
        for (let i = 1; i < d.neighbours.length; i++) {
          const [prev, cur] = [d.neighbourSims[i - 1], d.neighbourSims[i]];
          expect(prev).toBeGreaterThanOrEqual(cur);
          if (prev === cur) expect(json.docs[d.neighbours[i - 1]].id < json.docs[d.neighbours[i]].id).toBe(true);
        }
        if (d.neighbours.length === 3) full++;
      });
      return full;
    };
    for (const doc of [...docs.filter((_, i) => i % 2 === 0), ...docs.filter((_, i) => i % 2 === 1)]) index.add([doc]);
    expect(checkLists()).toBe(docs.length);
    // Lists that held the removed article stay one short until a newcomer is offered.
    index.remove(['health-1']);
    index.add([docs.find((d) => d.id === 'health-1')!]);
    checkLists();
    for (const doc of docs) expect(index.similar(doc.id, 2).map((h) => topicOf(h.id))).toEqual([doc.topic, doc.topic]);
  });

  it('removing a whole topic leaves the others intact', () => {
    const index = build();
    index.remove(topicDocs().filter((d) => d.topic === 'education').map((d) => d.id));
    expect(index.size).toBe(10);
    for (const doc of topicDocs().filter((d) => d.topic !== 'education')) {
      const hits = index.similar(doc.id, 4);
      expect(hits.map((h) => topicOf(h.id))).toEqual([doc.topic, doc.topic, doc.topic, doc.topic]);
    }
  });
});

describe('RelatedIndex serialisation', () => {
  it('round-trips through JSON with identical results', () => {
    const index = build();
    index.add([{ id: 'late', title: 'Bác sĩ điều trị bệnh nhân', lead: '', text: 'Bệnh viện và Bộ Y tế.' }]);
    const restored = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.size).toBe(index.size);
    expect(restored.params).toEqual(index.params);
    for (const id of [...topicDocs().map((d) => d.id), 'late']) {
      expect(restored.similar(id, 10)).toEqual(index.similar(id, 10));
    }
    expect(restored.toJSON()).toEqual(index.toJSON());
  });

  it('keeps behaving identically after a round trip', () => {
    const index = build(topicDocs().slice(0, 12));
    const restored = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    for (const i of [index, restored]) {
      i.add(topicDocs().slice(12));
      i.remove(['football-2']);
    }
    expect(restored.toJSON()).toEqual(index.toJSON());
    for (const d of topicDocs()) expect(restored.similar(d.id)).toEqual(index.similar(d.id));
  });

  it('stays in step with a restored copy through adds, edits and removals', () => {
    const docs = topicDocs();
    const live = build(docs.slice(0, 8));
    let restored = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(live.toJSON())));
    const steps: Array<(i: RelatedIndex) => void> = [
      (i) => i.add(docs.slice(8, 12)),
      (i) => i.remove(['health-0', 'football-1']),
      (i) => i.add([...docs.slice(12), { ...docs[3], id: 'football-2' }]),
      (i) => i.remove(['education-3']),
      (i) => i.add([docs[0], docs[6]]),
    ];
    for (const step of steps) {
      step(live);
      step(restored);
      expect(restored.toJSON()).toEqual(live.toJSON());
      for (const d of docs) expect(restored.similar(d.id)).toEqual(live.similar(d.id));
      restored = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(restored.toJSON())));
    }
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => RelatedIndex.fromJSON({})).toThrow(/not a related index/);
    const json = build().toJSON();
    expect(() => RelatedIndex.fromJSON({ ...json, version: 2 })).toThrow(/version/);
    const broken = { ...json, docs: [{ ...json.docs[0], vector: [json.terms.length] }] };
    expect(() => RelatedIndex.fromJSON(broken)).toThrow(/malformed/);
  });
});

describe('RelatedIndex document-frequency drift', () => {
  it('reweighs stored vectors once the corpus has grown by refreshGrowth', () => {
    const docs = topicDocs();
    const index = new RelatedIndex({ refreshGrowth: 1.25 });
    index.add(docs.slice(0, 10));
    const weightsOf = (id: string): number[] => index.toJSON().docs.find((d) => d.id === id)!.weights;
    const before = weightsOf('football-0');
    expect(index.toJSON().refreshedAt).toBe(10);
    index.add(docs.slice(10, 12)); // 12 < 12.5: old vectors keep their weights
    expect(index.toJSON().refreshedAt).toBe(10);
    expect(weightsOf('football-0')).toEqual(before);
    index.add(docs.slice(12, 13)); // 13 ≥ 12.5: every vector is recomputed with the new df
    expect(index.toJSON().refreshedAt).toBe(13);
    expect(weightsOf('football-0')).not.toEqual(before);
  });

  it('refresh() reweighs without changing membership', () => {
    const index = new RelatedIndex();
    const docs = topicDocs();
    index.add(docs.slice(0, 3));
    index.add(docs.slice(3)); // grows 5× past the refresh point
    const before = docs.map((d) => index.similar(d.id, 3).map((h) => h.id));
    index.refresh();
    expect(index.size).toBe(15);
    expect(docs.map((d) => index.similar(d.id, 3).map((h) => h.id))).toEqual(before);
  });

  it('can re-rank by shared nearest neighbours, still by content alone', () => {
    const docs = topicDocs();
    const plain = build(docs);
    const index = new RelatedIndex({ sharedNeighbourWeight: 0.5 });
    index.add(docs);
    for (const doc of docs) {
      const hits = index.similar(doc.id, 3);
      expect(hits.map((h) => topicOf(h.id))).toEqual([doc.topic, doc.topic, doc.topic]);
      for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    }
    // The blend changes scores, so the option is really in effect.
    expect(index.similar('health-0', 5).map((h) => h.score)).not.toEqual(plain.similar('health-0', 5).map((h) => h.score));
    const restored = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    for (const doc of docs) expect(restored.similar(doc.id)).toEqual(index.similar(doc.id));
  });

  it('rejects invalid parameters', () => {
    expect(() => new RelatedIndex({ sharedNeighbourWeight: 1.5 })).toThrow(/sharedNeighbourWeight/);
    expect(() => new RelatedIndex({ vectorTerms: 0 })).toThrow(/vectorTerms/);
    expect(() => new RelatedIndex({ refreshGrowth: 1 })).toThrow(/refreshGrowth/);
  });
});
