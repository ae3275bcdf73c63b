import { DEFAULT_RELATED_PARAMS, type RelatedParams } from './relatedParams';
import { countTerms } from './termCounts';
import { PostingList } from './postingList';
import { topK } from './topK';
import { idfWeight, lengthNorm, saturate, tfSaturation } from './weighting';
import { pickSharedTerms } from './sharedTerms';
import type { RelatedDoc, RelatedDocJSON, RelatedHit, RelatedIndexJSON } from './types';

/**
 * Content-similarity index for "related articles", built only from title, lead and text.
 *
 * Representation. Each article keeps (a) raw weighted counts of its `candidateTerms` most
 * frequent unigram/bigram terms — the source of truth, chosen without looking at document
 * frequency — and (b) a stored vector of `vectorTerms` terms in an inverted index. The
 * stored vector is the article's BM25·idf vector plus `expansionWeight` × the
 * similarity-weighted mean vector of its `neighbours` nearest articles, pruned to the top
 * terms. Pruning a plain tf-idf vector keeps the rarest terms (names, one-off phrases) and
 * drops the topical vocabulary that links articles; blending in the neighbours first lets
 * the cut keep the topic. Neighbours are found when an article is added, by querying its
 * full candidate vector against the index; an existing article adopts a newcomer that is
 * closer than its furthest neighbour.
 *
 * Query. `similar` walks the posting lists of the article's stored terms, then re-ranks the
 * best few dozen by mixing in (`directWeight`) the cosine of the two articles' own vectors,
 * so a second report on the same story stays above articles that are merely on-topic.
 * Optionally (`sharedNeighbourWeight`, off by default: it measured lower) the overlap of the
 * two articles' neighbour lists is mixed in too.
 *
 * IDF drift. Document frequency is counted over candidate sets (exact under remove) and
 * always current; idf-dependent values are derived lazily:
 *  - query-side, re-ranking and explanation weights use the current df every time;
 *  - a stored vector is computed with the df of the moment it is (re)computed: on add, when
 *    a quarter of its neighbours are new or one was removed, and in a full reweighting
 *    whenever the article count has grown or shrunk by `refreshGrowth` since the last one.
 *    Every stored weight therefore comes from a corpus within that factor of the current
 *    size, and the full passes cost O(1) amortised per added article. `refresh()` forces
 *    one (e.g. when idle).
 * Neighbour lists are not recomputed by a reweighting, only improved as articles arrive.
 *
 * Determinism. Stored weights are 16-bit integers, so the expanded part of a score is an
 * exact integer sum; everything else is recomputed from stored counts in a fixed order and
 * every tie is broken by id or term text. `fromJSON(toJSON())` therefore answers — and goes
 * on evolving under add/remove — exactly like the original.
 */
export class RelatedIndex {
  readonly params: Readonly<RelatedParams>;

  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private df = new Int32Array(1024);
  private postings: (PostingList | undefined)[] = [];

  private docs: (DocEntry | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private live = 0;
  private totalLength = 0;
  private refreshedAt = 0;

  // idf and base-vector norms only change when df, the article count or the average length
  // do; `epoch` advances on every such change and invalidates both caches at once.
  private epoch = 1;
  private idfCache = new Float64Array(1024);
  private idfEpoch = new Uint32Array(1024);
  private normCache = new Float64Array(1024);
  private normEpoch = new Uint32Array(1024);

  // Scratch accumulators, reused so a query allocates nothing proportional to the corpus.
  private termScores = new Float64Array(1024);
  private slotScores = new Float64Array(1024);

  constructor(params: Partial<RelatedParams> = {}) {
    this.params = Object.freeze(validateParams({ ...DEFAULT_RELATED_PARAMS, ...params }));
  }

  /** Number of articles in the index. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds articles; an id already present is replaced (the article was edited). */
  add(docs: Iterable<RelatedDoc>): void {
    const batch = new Map<string, RelatedDoc>();
    for (const doc of docs) batch.set(doc.id, doc);
    if (batch.size === 0) return;

    const dirty = new Set<number>();
    for (const id of batch.keys()) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.detach(slot, dirty);
    }
    for (const doc of batch.values()) this.attach(doc);
    this.epoch++;

    if (this.refreshDue()) {
      // Compaction renumbers slots; everything already has a vector afterwards.
      this.rebuild();
      dirty.clear();
    } else {
      for (const id of batch.keys()) {
        const slot = this.slotOf.get(id)!;
        this.setVector(slot, this.expandedVector(slot));
      }
    }

    const fresh = [...batch.keys()].map((id) => this.slotOf.get(id)!);
    const adopters = new Set<number>();
    for (const slot of fresh) {
      dirty.add(slot);
      const found = this.searchByBase(slot, this.params.neighbours);
      this.mergeNeighbours(slot, found.slots, found.sims);
      for (let i = 0; i < found.slots.length; i++) {
        if (this.offerNeighbour(found.slots[i], slot, found.sims[i])) adopters.add(found.slots[i]);
      }
    }
    // One new neighbour moves an article's vector by about 1/`neighbours` of the expansion
    // share; recomputing on every adoption made incremental sync several times slower than
    // a bulk build for no measurable gain, so it waits until a quarter of the set is new.
    for (const slot of adopters) {
      const entry = this.docs[slot]!;
      this.dropDeadNeighbours(entry);
      if (entry.staleNeighbours >= Math.max(1, Math.ceil(entry.neighbours.length * STALE_NEIGHBOUR_SHARE))) {
        dirty.add(slot);
      }
    }
    for (const slot of dirty) {
      if (this.docs[slot]) this.setVector(slot, this.expandedVector(slot));
    }
  }

  /** Removes articles; unknown ids are ignored. */
  remove(ids: Iterable<string>): void {
    const dirty = new Set<number>();
    let removed = false;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.detach(slot, dirty);
      removed = true;
    }
    if (!removed) return;
    this.epoch++;
    if (this.refreshDue()) {
      this.rebuild();
      return;
    }
    for (const slot of dirty) {
      if (this.docs[slot]) this.setVector(slot, this.expandedVector(slot));
    }
  }

  /** The `k` most similar articles, best first; empty for an unknown id. */
  similar(id: string, k = 5): RelatedHit[] {
    const slot = this.slotOf.get(id);
    k = Math.floor(k);
    if (slot === undefined || !(k > 0)) return [];
    const entry = this.docs[slot]!;
    const scores = this.slotScores;
    const touched: number[] = [];
    for (let i = 0; i < entry.vector.length; i++) {
      const list = this.postings[entry.vector[i]];
      if (!list) continue;
      const weight = entry.weights[i];
      for (let j = 0; j < list.size; j++) {
        const other = list.slots[j];
        if (other === slot) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] += weight * list.weights[j];
      }
    }
    const byId = (s: number): string => this.docs[s]!.id;
    const pool = topK(touched, touched.length, Math.max(k * RERANK_POOL_FACTOR, RERANK_POOL_MIN), scores, byId);
    const expanded = pool.map((other) => scores[other] / (QUANT * QUANT));
    for (const s of touched) scores[s] = 0;
    const mine = this.baseWeights(slot);
    const direct = this.params.directWeight;
    const final = Float64Array.from(pool, (other, i) =>
      direct > 0 ? (1 - direct) * expanded[i] + direct * this.directCosine(mine, other) : expanded[i],
    );
    const shared = this.params.sharedNeighbourWeight;
    if (shared > 0) {
      const myList = this.neighbourVector(slot);
      pool.forEach((other, i) => {
        final[i] = (1 - shared) * final[i] + shared * this.sharedNeighbourCosine(myList, other);
      });
    }
    const order = Int32Array.from(pool.keys());
    return topK(order, order.length, k, final, (i) => byId(pool[i])).map((i) => ({
      id: this.docs[pool[i]]!.id,
      score: final[i],
      sharedTerms: this.sharedTerms(slot, pool[i], mine),
    }));
  }

  /** Recomputes every stored vector from the current document frequencies. */
  refresh(): void {
    this.rebuild();
  }

  toJSON(): RelatedIndexJSON {
    const position = new Map<number, number>();
    const liveSlots: number[] = [];
    this.docs.forEach((entry, slot) => {
      if (!entry) return;
      position.set(slot, liveSlots.length);
      liveSlots.push(slot);
    });
    const termNumber = new Map<number, number>();
    const terms: string[] = [];
    const number = (term: number): number => {
      let n = termNumber.get(term);
      if (n === undefined) {
        n = terms.length;
        termNumber.set(term, n);
        terms.push(this.termText[term]);
      }
      return n;
    };
    const docs = liveSlots.map((slot): RelatedDocJSON => {
      const e = this.docs[slot]!;
      const neighbours: number[] = [];
      const neighbourSims: number[] = [];
      e.neighbours.forEach((n, i) => {
        const p = position.get(n);
        if (p === undefined) return;
        neighbours.push(p);
        neighbourSims.push(e.neighbourSims[i]);
      });
      return {
        id: e.id,
        length: e.length,
        terms: Array.from(e.terms, number),
        counts: Array.from(e.counts),
        neighbours,
        neighbourSims,
        vector: Array.from(e.vector, number),
        weights: Array.from(e.weights),
        staleNeighbours: e.staleNeighbours,
      };
    });
    return {
      format: 'archive-reader/related-index',
      version: 1,
      params: { ...this.params },
      refreshedAt: this.refreshedAt,
      totalLength: this.totalLength,
      terms,
      docs,
    };
  }

  /** Restores an index from `toJSON()` output without recomputing any vector. */
  static fromJSON(data: unknown): RelatedIndex {
    const json = parseSnapshot(data);
    const index = new RelatedIndex(json.params);
    const termIds = json.terms.map((t) => index.intern(t));
    for (const d of json.docs) {
      if (index.slotOf.has(d.id)) throw new Error(`related index snapshot: duplicate id ${d.id}`);
      const slot = index.docs.length;
      const entry: DocEntry = {
        id: d.id,
        terms: Uint32Array.from(d.terms, (n) => termIds[n]),
        counts: Float32Array.from(d.counts),
        length: d.length,
        neighbours: Int32Array.from(d.neighbours),
        neighbourSims: Uint16Array.from(d.neighbourSims),
        vector: new Uint32Array(0),
        weights: new Uint16Array(0),
        positions: new Int32Array(0),
        staleNeighbours: 0,
      };
      index.docs.push(entry);
      index.slotOf.set(d.id, slot);
      index.live++;
      index.totalLength += d.length;
      for (const t of entry.terms) index.df[t]++;
      index.setVector(slot, {
        vector: Uint32Array.from(d.vector, (n) => termIds[n]),
        weights: Uint16Array.from(d.weights),
      });
      entry.staleNeighbours = d.staleNeighbours;
    }
    index.ensureSlotCapacity(index.docs.length);
    index.refreshedAt = json.refreshedAt;
    // The running sum, not a fresh one: float addition order would otherwise differ.
    index.totalLength = json.totalLength;
    return index;
  }

  // ---- membership -------------------------------------------------------------------------

  private attach(doc: RelatedDoc): void {
    const counted = countTerms(doc, this.params);
    const terms = Uint32Array.from(counted.terms, (t) => this.intern(t));
    for (const t of terms) this.df[t]++;
    const slot = this.docs.length;
    this.docs.push({
      id: doc.id,
      terms,
      counts: Float32Array.from(counted.counts),
      length: counted.length,
      neighbours: new Int32Array(0),
      neighbourSims: new Uint16Array(0),
      vector: new Uint32Array(0),
      weights: new Uint16Array(0),
      positions: new Int32Array(0),
      staleNeighbours: 0,
    });
    this.ensureSlotCapacity(this.docs.length);
    this.slotOf.set(doc.id, slot);
    this.live++;
    this.totalLength += counted.length;
  }

  /** Unlinks an article; neighbours that listed it are added to `dirty`. */
  private detach(slot: number, dirty: Set<number>): void {
    const entry = this.docs[slot]!;
    this.unindex(slot);
    for (const t of entry.terms) this.df[t]--;
    this.totalLength -= entry.length;
    this.live--;
    this.slotOf.delete(entry.id);
    this.docs[slot] = undefined;
    dirty.delete(slot);
    // Articles that listed this one but are not among its own neighbours keep a dead entry
    // (skipped everywhere) until the next full reweighting drops it.
    for (const other of entry.neighbours) {
      const o = this.docs[other];
      if (!o) continue;
      const at = o.neighbours.indexOf(slot);
      if (at < 0) continue;
      o.neighbours = removeAt(o.neighbours, at);
      o.neighbourSims = removeAt(o.neighbourSims, at);
      dirty.add(other);
    }
  }

  private refreshDue(): boolean {
    const growth = this.params.refreshGrowth;
    return this.live > 0 && (this.live >= this.refreshedAt * growth || this.live * growth <= this.refreshedAt);
  }

  /** Compacts slots and recomputes every stored vector with the current df. */
  private rebuild(): void {
    const remap = new Int32Array(this.docs.length).fill(-1);
    const kept: DocEntry[] = [];
    this.docs.forEach((entry, slot) => {
      if (!entry) return;
      remap[slot] = kept.length;
      kept.push(entry);
    });
    for (const entry of kept) {
      const neighbours: number[] = [];
      const sims: number[] = [];
      entry.neighbours.forEach((n, i) => {
        if (remap[n] < 0) return;
        neighbours.push(remap[n]);
        sims.push(entry.neighbourSims[i]);
      });
      entry.neighbours = Int32Array.from(neighbours);
      entry.neighbourSims = Uint16Array.from(sims);
      entry.vector = new Uint32Array(0);
      entry.weights = new Uint16Array(0);
      entry.positions = new Int32Array(0);
      entry.staleNeighbours = 0;
    }
    this.docs = kept;
    this.slotOf.clear();
    kept.forEach((entry, slot) => this.slotOf.set(entry.id, slot));
    this.postings = [];
    this.epoch++; // slot numbers changed, so cached norms are meaningless
    for (let slot = 0; slot < kept.length; slot++) this.setVector(slot, this.expandedVector(slot));
    this.refreshedAt = this.live;
  }

  // ---- neighbours -------------------------------------------------------------------------

  /** Nearest stored vectors to an article's full (unpruned) current-df vector. */
  private searchByBase(slot: number, k: number): { slots: number[]; sims: number[] } {
    const entry = this.docs[slot]!;
    const norm = this.baseNorm(slot);
    const scores = this.slotScores;
    const touched: number[] = [];
    if (norm > 0) {
      const average = this.averageLength();
      for (let i = 0; i < entry.terms.length; i++) {
        const t = entry.terms[i];
        const list = this.postings[t];
        if (!list) continue;
        const w = (this.idf(t) * tfSaturation(entry.counts[i], entry.length, average, this.params)) / norm;
        if (w === 0) continue;
        for (let j = 0; j < list.size; j++) {
          const other = list.slots[j];
          if (other === slot) continue;
          if (scores[other] === 0) touched.push(other);
          scores[other] += w * list.weights[j];
        }
      }
    }
    const best = topK(touched, touched.length, k, scores, (s) => this.docs[s]!.id);
    const sims = best.map((s) => Math.min(QUANT, Math.round(scores[s])));
    for (const s of touched) scores[s] = 0;
    return { slots: best, sims };
  }

  private mergeNeighbours(slot: number, slots: number[], sims: number[]): void {
    const entry = this.docs[slot]!;
    const bySlot = new Map<number, number>();
    entry.neighbours.forEach((n, i) => {
      if (this.docs[n]) bySlot.set(n, entry.neighbourSims[i]);
    });
    slots.forEach((n, i) => bySlot.set(n, Math.max(sims[i], bySlot.get(n) ?? 0)));
    this.storeNeighbours(entry, bySlot);
  }

  /** Lets `slot` join `target`'s neighbours if it is closer than the furthest; true if it joined. */
  private offerNeighbour(target: number, slot: number, sim: number): boolean {
    const entry = this.docs[target]!;
    this.dropDeadNeighbours(entry);
    const at = entry.neighbours.indexOf(slot);
    if (at >= 0) {
      if (sim > entry.neighbourSims[at]) {
        entry.neighbours = removeAt(entry.neighbours, at);
        entry.neighbourSims = removeAt(entry.neighbourSims, at);
        this.insertNeighbour(entry, slot, sim);
      }
      return false;
    }
    // Most offers lose to a full list; answer those without rebuilding it.
    const last = entry.neighbours.length - 1;
    if (last >= 0 && last + 1 >= this.params.neighbours) {
      const worst = entry.neighbourSims[last];
      if (sim < worst || (sim === worst && this.docs[slot]!.id > this.docs[entry.neighbours[last]]!.id)) return false;
    }
    if (!this.insertNeighbour(entry, slot, sim)) return false;
    entry.staleNeighbours++;
    return true;
  }

  /**
   * Puts `slot` into a list already in `storeNeighbours` order (similarity down, then id up),
   * keeping at most `neighbours`: the same list `storeNeighbours` would make, without the map
   * and heap it costs on each of the many offers a wide neighbourhood accepts. False if it
   * did not make the cut.
   */
  private insertNeighbour(entry: DocEntry, slot: number, sim: number): boolean {
    const limit = this.params.neighbours;
    const id = this.docs[slot]!.id;
    const count = entry.neighbours.length;
    let at = 0;
    while (at < count) {
      const s = entry.neighbourSims[at];
      if (sim > s || (sim === s && id < this.docs[entry.neighbours[at]]!.id)) break;
      at++;
    }
    if (at >= limit) return false;
    const size = Math.min(limit, count + 1);
    const neighbours = new Int32Array(size);
    const sims = new Uint16Array(size);
    neighbours.set(entry.neighbours.subarray(0, at));
    sims.set(entry.neighbourSims.subarray(0, at));
    neighbours[at] = slot;
    sims[at] = sim;
    neighbours.set(entry.neighbours.subarray(at, size - 1), at + 1);
    sims.set(entry.neighbourSims.subarray(at, size - 1), at + 1);
    entry.neighbours = neighbours;
    entry.neighbourSims = sims;
    return true;
  }

  /**
   * Forgets neighbours removed since the list was last touched. Every reader skips them
   * anyway; dropping them before any decision that depends on the list's length keeps a
   * live index and its `fromJSON` copy (which never sees them) making the same decisions.
   */
  private dropDeadNeighbours(entry: DocEntry): void {
    if (entry.neighbours.every((n) => this.docs[n] !== undefined)) return;
    const keep = Array.from(entry.neighbours.keys()).filter((i) => this.docs[entry.neighbours[i]] !== undefined);
    entry.neighbours = Int32Array.from(keep, (i) => entry.neighbours[i]);
    entry.neighbourSims = Uint16Array.from(keep, (i) => entry.neighbourSims[i]);
  }

  private storeNeighbours(entry: DocEntry, bySlot: Map<number, number>): void {
    const candidates = [...bySlot.keys()];
    const sims = Float64Array.from(candidates, (s) => bySlot.get(s)!);
    const order = Int32Array.from(candidates.keys());
    const best = topK(order, order.length, this.params.neighbours, sims, (i) => this.docs[candidates[i]]!.id);
    entry.neighbours = Int32Array.from(best, (i) => candidates[i]);
    entry.neighbourSims = Uint16Array.from(best, (i) => sims[i]);
  }

  // ---- vectors ----------------------------------------------------------------------------

  /** Own base vector plus `expansionWeight` × the neighbours' weighted mean, pruned and quantised. */
  private expandedVector(slot: number): StoredVector {
    const entry = this.docs[slot]!;
    const scores = this.termScores;
    const touched: number[] = [];
    this.accumulateBase(slot, 1, touched);
    // Neighbours count in proportion to their similarity: when the corpus is small the
    // "nearest 20" include unrelated articles, and a plain mean would blur every topic.
    let simSum = 0;
    entry.neighbours.forEach((n, i) => {
      if (this.docs[n]) simSum += entry.neighbourSims[i];
    });
    if (simSum > 0 && this.params.expansionWeight > 0) {
      entry.neighbours.forEach((n, i) => {
        if (this.docs[n]) this.accumulateBase(n, (this.params.expansionWeight * entry.neighbourSims[i]) / simSum, touched);
      });
    }
    const best = topK(touched, touched.length, this.params.vectorTerms, scores, (t) => this.termText[t]);
    let sumSquares = 0;
    for (const t of best) sumSquares += scores[t] * scores[t];
    const norm = Math.sqrt(sumSquares);
    const vector: number[] = [];
    const weights: number[] = [];
    for (const t of best) {
      const q = Math.round((scores[t] / norm) * QUANT);
      if (q <= 0) continue;
      vector.push(t);
      weights.push(Math.min(QUANT, q));
    }
    for (const t of touched) scores[t] = 0;
    return { vector: Uint32Array.from(vector), weights: Uint16Array.from(weights) };
  }

  /** Adds `share` × the article's L2-normalised current-df vector into `termScores`. */
  private accumulateBase(slot: number, share: number, touched: number[]): void {
    const entry = this.docs[slot]!;
    const norm = this.baseNorm(slot);
    if (norm === 0) return;
    const average = this.averageLength();
    const scores = this.termScores;
    const { terms, counts } = entry;
    const k1 = this.params.k1;
    const lengthFactor = lengthNorm(entry.length, average, this.params);
    // The hot loop of indexing (each stored vector sums `neighbours` + 1 of these): terms
    // below minDf skip the saturation, and the idf cache is read inline.
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const idf = this.idfEpoch[t] === this.epoch ? this.idfCache[t] : this.idf(t);
      if (idf === 0) continue;
      const w = idf * saturate(counts[i], k1, lengthFactor);
      if (w === 0) continue;
      if (scores[t] === 0) touched.push(t);
      scores[t] += (share * w) / norm;
    }
  }

  private setVector(slot: number, stored: StoredVector): void {
    this.unindex(slot);
    const entry = this.docs[slot]!;
    entry.vector = stored.vector;
    entry.weights = stored.weights;
    entry.positions = new Int32Array(stored.vector.length);
    entry.staleNeighbours = 0;
    for (let i = 0; i < stored.vector.length; i++) {
      const t = stored.vector[i];
      let list = this.postings[t];
      if (!list) this.postings[t] = list = new PostingList();
      entry.positions[i] = list.push(slot, stored.weights[i]);
    }
  }

  private unindex(slot: number): void {
    const entry = this.docs[slot]!;
    for (let i = 0; i < entry.vector.length; i++) {
      const t = entry.vector[i];
      const list = this.postings[t]!;
      const position = entry.positions[i];
      const moved = list.removeAt(position);
      if (moved < 0) continue;
      const other = this.docs[moved]!;
      other.positions[other.vector.indexOf(t)] = position;
    }
    entry.vector = new Uint32Array(0);
    entry.weights = new Uint16Array(0);
    entry.positions = new Int32Array(0);
  }

  /** The article's L2-normalised current-df vector over its candidate terms. */
  private baseWeights(slot: number): Map<number, number> {
    const entry = this.docs[slot]!;
    const weights = new Map<number, number>();
    const norm = this.baseNorm(slot);
    if (norm === 0) return weights;
    const average = this.averageLength();
    for (let i = 0; i < entry.terms.length; i++) {
      const w = this.idf(entry.terms[i]) * tfSaturation(entry.counts[i], entry.length, average, this.params);
      if (w > 0) weights.set(entry.terms[i], w / norm);
    }
    return weights;
  }

  /**
   * An article's neighbour list as a sparse vector over articles, itself included at full
   * weight, L2-normalised. Two articles whose nearest neighbours overlap sit in the same
   * region of the collection even when their own wording differs (second-order similarity).
   */
  private neighbourVector(slot: number): Map<number, number> {
    const entry = this.docs[slot]!;
    const vector = new Map<number, number>([[slot, 1]]);
    let sumSquares = 1;
    entry.neighbours.forEach((n, i) => {
      if (!this.docs[n]) return;
      const w = entry.neighbourSims[i] / QUANT;
      vector.set(n, w);
      sumSquares += w * w;
    });
    const norm = Math.sqrt(sumSquares);
    for (const [n, w] of vector) vector.set(n, w / norm);
    return vector;
  }

  private sharedNeighbourCosine(mine: Map<number, number>, other: number): number {
    let dot = 0;
    for (const [n, w] of this.neighbourVector(other)) {
      const m = mine.get(n);
      if (m !== undefined) dot += m * w;
    }
    return dot;
  }

  /** Cosine of two articles' own (unexpanded) vectors: what they literally share. */
  private directCosine(mine: Map<number, number>, other: number): number {
    const entry = this.docs[other]!;
    const norm = this.baseNorm(other);
    if (norm === 0) return 0;
    const average = this.averageLength();
    let dot = 0;
    for (let i = 0; i < entry.terms.length; i++) {
      const wa = mine.get(entry.terms[i]);
      if (wa === undefined) continue;
      dot += wa * this.idf(entry.terms[i]) * tfSaturation(entry.counts[i], entry.length, average, this.params);
    }
    return dot / norm;
  }

  private sharedTerms(slot: number, other: number, mine: Map<number, number>): string[] {
    const a = this.docs[slot]!;
    const b = this.docs[other]!;
    const average = this.averageLength();
    const literal: Array<[string, number]> = [];
    for (let i = 0; i < b.terms.length; i++) {
      const t = b.terms[i];
      const wa = mine.get(t);
      if (wa === undefined) continue;
      const text = this.termText[t];
      const readability = text.includes(' ')
        ? Number(this.bigramCohesion(text) >= MIN_BIGRAM_COHESION)
        : UNIGRAM_READABILITY;
      if (readability === 0) continue;
      const wb = this.idf(t) * tfSaturation(b.counts[i], b.length, average, this.params);
      literal.push([text, wa * wb * readability]);
    }
    literal.sort(byScoreThenTerm);
    // An article can be listed through its neighbours alone; then the topic terms the two
    // stored vectors share are the honest explanation.
    const topical: Array<[string, number]> = [];
    const stored = new Map<number, number>();
    a.vector.forEach((t, i) => stored.set(t, a.weights[i]));
    b.vector.forEach((t, i) => {
      const wa = stored.get(t);
      if (wa !== undefined && !mine.has(t)) topical.push([this.termText[t], wa * b.weights[i]]);
    });
    topical.sort(byScoreThenTerm);
    return pickSharedTerms(
      [...literal, ...topical].map(([t]) => t),
      3,
      (bigram) => this.bigramCohesion(bigram),
    );
  }

  /**
   * How word-like a bigram is: df(bigram) / df(rarer half), 1 when no half is a term.
   * Without word segmentation "người hâm mộ bóng đá" also yields "mộ bóng"; such pairs
   * straddling two words are rare next to their halves (df 2 against 59 for "mộ" on the
   * test corpus) while compounds are not ("bóng đá" 55 against 121). Display only.
   */
  private bigramCohesion(bigram: string): number {
    const id = this.termIds.get(bigram);
    if (id === undefined || this.df[id] <= 0) return 0;
    let smallest = Infinity;
    for (const half of bigram.split(' ')) {
      const h = this.termIds.get(half);
      if (h !== undefined && this.df[h] > 0) smallest = Math.min(smallest, this.df[h]);
    }
    return smallest === Infinity ? 1 : Math.min(1, this.df[id] / smallest);
  }

  // ---- cached statistics ------------------------------------------------------------------

  private idf(term: number): number {
    if (this.idfEpoch[term] !== this.epoch) {
      this.idfCache[term] = idfWeight(this.df[term], this.live, this.params);
      this.idfEpoch[term] = this.epoch;
    }
    return this.idfCache[term];
  }

  private baseNorm(slot: number): number {
    if (this.normEpoch[slot] !== this.epoch) {
      const entry = this.docs[slot]!;
      const average = this.averageLength();
      let sumSquares = 0;
      for (let i = 0; i < entry.terms.length; i++) {
        const w = this.idf(entry.terms[i]) * tfSaturation(entry.counts[i], entry.length, average, this.params);
        sumSquares += w * w;
      }
      this.normCache[slot] = Math.sqrt(sumSquares);
      this.normEpoch[slot] = this.epoch;
    }
    return this.normCache[slot];
  }

  private averageLength(): number {
    return this.live > 0 ? this.totalLength / this.live : 0;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(term, id);
      this.termText.push(term);
      if (id >= this.df.length) {
        const size = this.df.length * 2;
        this.df = grow(this.df, size);
        this.idfCache = grow(this.idfCache, size);
        this.idfEpoch = grow(this.idfEpoch, size);
        this.termScores = grow(this.termScores, size);
      }
    }
    return id;
  }

  private ensureSlotCapacity(slots: number): void {
    if (slots <= this.slotScores.length) return;
    let size = this.slotScores.length;
    while (size < slots) size *= 2;
    this.slotScores = grow(this.slotScores, size);
    this.normCache = grow(this.normCache, size);
    this.normEpoch = grow(this.normEpoch, size);
  }
}

/** Weights are stored as round(weight × QUANT) in 16 bits. */
const QUANT = 65535;

/** Candidates re-ranked with the direct cosine: enough to reach past the top few. */
const RERANK_POOL_FACTOR = 10;
const RERANK_POOL_MIN = 50;

/** Unigrams are shown only when clearly stronger than shared bigrams ("vinamilk", not "tế"). */
const UNIGRAM_READABILITY = 0.3;
/** df(bigram) / df(rarer half) below this marks a pair straddling two words. */
const MIN_BIGRAM_COHESION = 0.1;

/** Share of an article's neighbours that may be new before its stored vector is recomputed. */
const STALE_NEIGHBOUR_SHARE = 0.25;

interface DocEntry {
  id: string;
  /** Candidate terms, most frequent first, and their weighted raw counts. */
  terms: Uint32Array;
  counts: Float32Array;
  length: number;
  /** Slots of the nearest articles, nearest first, with similarity × QUANT. */
  neighbours: Int32Array;
  neighbourSims: Uint16Array;
  /** The indexed vector: terms and weights × QUANT, L2 norm ≈ 1. */
  vector: Uint32Array;
  weights: Uint16Array;
  /** Where each vector term sits in its posting list, so replacing a vector is O(K). */
  positions: Int32Array;
  /** Neighbours gained since the vector was computed. */
  staleNeighbours: number;
}

interface StoredVector {
  vector: Uint32Array;
  weights: Uint16Array;
}

type Growable = Int32Array | Uint32Array | Float64Array;

function grow<T extends Growable>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

function removeAt<T extends Int32Array | Uint16Array>(array: T, at: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length - 1);
  out.set(array.subarray(0, at));
  out.set(array.subarray(at + 1), at);
  return out;
}

function byScoreThenTerm(x: [string, number], y: [string, number]): number {
  return y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
}

function validateParams(p: RelatedParams): RelatedParams {
  const positiveInt = ['candidateTerms', 'vectorTerms', 'minDf'] as const;
  for (const key of positiveInt) {
    if (!Number.isInteger(p[key]) || p[key] < 1) throw new Error(`related index: ${key} must be a positive integer`);
  }
  if (!Number.isInteger(p.neighbours) || p.neighbours < 0) throw new Error('related index: neighbours must be an integer ≥ 0');
  for (const key of ['titleWeight', 'leadWeight', 'expansionWeight', 'k1', 'b', 'idfExponent'] as const) {
    if (!Number.isFinite(p[key]) || p[key] < 0) throw new Error(`related index: ${key} must be a finite number ≥ 0`);
  }
  if (!(p.directWeight >= 0 && p.directWeight <= 1)) throw new Error('related index: directWeight must be within [0, 1]');
  if (!(p.sharedNeighbourWeight >= 0 && p.sharedNeighbourWeight <= 1)) throw new Error('related index: sharedNeighbourWeight must be within [0, 1]');
  if (!(p.refreshGrowth > 1)) throw new Error('related index: refreshGrowth must be > 1');
  return p;
}

function parseSnapshot(data: unknown): RelatedIndexJSON {
  const json = data as Partial<RelatedIndexJSON> | null;
  if (!json || json.format !== 'archive-reader/related-index') throw new Error('not a related index snapshot');
  if (json.version !== 1) throw new Error(`related index snapshot version ${String(json.version)} is not supported`);
  if (!json.params || !Array.isArray(json.terms) || !Array.isArray(json.docs) || typeof json.refreshedAt !== 'number' || typeof json.totalLength !== 'number') {
    throw new Error('related index snapshot is incomplete');
  }
  const termCount = json.terms.length;
  const docCount = json.docs.length;
  const inRange = (xs: unknown, max: number): boolean =>
    Array.isArray(xs) && xs.every((x) => Number.isInteger(x) && x >= 0 && x < max);
  for (const d of json.docs) {
    const ok =
      typeof d.id === 'string' &&
      typeof d.length === 'number' &&
      inRange(d.terms, termCount) &&
      Array.isArray(d.counts) && d.counts.length === d.terms.length &&
      inRange(d.neighbours, docCount) &&
      inRange(d.neighbourSims, QUANT + 1) && d.neighbourSims.length === d.neighbours.length &&
      inRange(d.vector, termCount) &&
      inRange(d.weights, QUANT + 1) && d.weights.length === d.vector.length &&
      Number.isInteger(d.staleNeighbours) && d.staleNeighbours >= 0;
    if (!ok) throw new Error(`related index snapshot: malformed entry ${String(d?.id)}`);
  }
  return json as RelatedIndexJSON;
}
