/**
 * Full-text search over articles, built for 100,000 Vietnamese articles in a Web Worker.
 *
 * Matching is on folded syllables (no tones or marks), so `dan van` finds `dân vận`; each
 * posting also records which written forms of the folded syllable the document uses, so a
 * query typed with marks ranks documents with exactly those forms first (`dần` above `dân`).
 * Adjacent-syllable pair postings answer quoted phrases and reward documents where unquoted
 * query words stand together (most Vietnamese words are two syllables).
 *
 * Storage is log-structured: new documents are buffered, sealed into an immutable compressed
 * segment (see postings.ts), and neighbouring segments are merged as they grow. Removal marks
 * a document dead; merges and `compact()` drop its postings.
 */
import { TOKEN_CHAR, exactForm, foldMarks, syllableKey } from '../text/index';
import {
  ArrayLayout, PackedArray, bytesToBase64, joinParts, packArrays, splitParts, toBytes, unpackArrays,
} from './chunk-codec';
import { FingerprintAccumulator, docHashes, fingerprintOf } from './fingerprint';
import { PairTable } from './pair-table';
import { TokenTable } from './token-table';
import {
  PAIR, PostingBuffer, PostingList, emptyPostingList, findKey, mergePostingLists, popcount,
} from './postings';
import {
  ParseOptions, ParsedQuery, QueryTerm, QueryVocabulary, parseQuery, resolveQuery,
} from './query';
import type {
  IndexChunk, IndexChunkInput, SearchDoc, SearchEngineOptions, SearchEngineStats, SearchHit,
  SearchOptions, SearchResult, TextIndexChunk,
} from './types';

/**
 * Field weights and BM25F length normalisation. Averages are fixed, typical news values so a
 * posting's weight never needs recomputing as the collection grows. Title 8: on the fixture
 * evaluation 3 → 8 lifted recall@10 from 0.88 to 0.92; higher helps that evaluation more
 * (its queries come from titles) but would bury articles that discuss a subject at length.
 */
const FIELDS = [
  { weight: 8, avgLen: 15, b: 0.5 }, // title
  { weight: 2, avgLen: 45, b: 0.75 }, // lead
  { weight: 1, avgLen: 700, b: 0.75 }, // text
  { weight: 1.5, avgLen: 4, b: 0 }, // author
  { weight: 1, avgLen: 15, b: 0.5 }, // captions
  { weight: 1, avgLen: 3, b: 0 }, // category
] as const;

const WEIGHT_STEPS = 16; // quantisation of the weighted term frequency into one byte
const K1 = 1.2;
/** A marked query term matched only through another written form (`dân` for `dần`). */
const OTHER_FORM = 0.5;
/** A completion of the word being typed, compared with the typed word itself. */
const COMPLETION = 0.8;
const PHRASE_PAIR = 1.5;
const ADJACENT_PAIR = 0.6;
/**
 * Unquoted neighbours get the pair bonus only when they usually stand together (share of the
 * rarer word's documents that have the pair): a compound like `dân vận`, not two words that
 * happen to be next to each other in a query. Measured on the fixture corpus: an unconditional
 * bonus cost 4 points of recall@10 on multi-word queries.
 */
const COHESION = 0.15;
/** A one-letter prefix completes to thousands of words; the most common ones are enough. */
const MAX_COMPLETIONS = 16;
/** Postings a word being typed may expand to, as a multiple of the document count. */
const COMPLETION_BUDGET = 3;
/** Buffered postings sealed into a segment at once: bounds the transient sort memory. */
const SEAL_POSTINGS = 3_000_000;
const MAX_VARIANTS = 31; // bit 31 stands for "some rarer form"
const FORMAT = 'archive-reader-search/1';

const SATURATION = (() => {
  const t = new Float32Array(256);
  for (let q = 1; q < 256; q++) {
    const tf = q / WEIGHT_STEPS;
    t[q] = (tf * (K1 + 1)) / (tf + K1);
  }
  return t;
})();

function quantise(weight: number): number {
  return Math.max(1, Math.min(255, Math.round(weight * WEIGHT_STEPS)));
}

/** Thrown by `importChunks` when the chunks are from another format or incomplete: rebuild. */
export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

interface Segment {
  terms: PostingList;
  pairs: PostingList;
  postings: number;
}

interface Completion {
  term: number;
  /** Written forms that count as what was typed (marked queries only). */
  bits: number;
  /** Weight of a document using one of those forms (any form, for unmarked queries). */
  exactIdf: number;
  /** Weight of a document using only other forms; already includes the OTHER_FORM discount. */
  otherIdf: number;
}

interface Meta {
  format: string;
  foldMarks: boolean;
  slots: number;
  terms: number;
  fingerprint: string;
  blobs: Record<string, { parts: number; bytes: number; layout: ArrayLayout[] }>;
  segments: number;
}

function growU32(a: Uint32Array<ArrayBuffer>, min: number): Uint32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}
function growF32(a: Float32Array<ArrayBuffer>, min: number): Float32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Float32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}
function growF64(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}
function growU8(a: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint8Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Weight of the forms in `bits`, from the per-form bytes at `at` of a multi-form posting. */
function formWeight(data: Uint8Array, at: number, forms: number, bits: number): number {
  let w = 0;
  let i = at;
  for (let m = forms; m !== 0; m &= m - 1) {
    if (bits & m & -m) w += data[i];
    i++;
  }
  return w > 255 ? 255 : w;
}

export class SearchEngine {
  private readonly fold: boolean;

  // Vocabulary: folded term → id; per term, its written forms (syllable keys) by bit.
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private variants: string[][] = [];
  /** Per term and written form, the documents using that form: idf of what was typed. */
  private formDf: number[][] = [];
  private df = new Uint32Array(1024);
  /** Exact token → term id * 32 + form bit; the hot path of indexing. */
  private tokenTable = new TokenTable();
  private fieldTokens: number[] = [];
  private sortedTerms: string[] | null = null;
  private unsortedTerms: string[] = [];

  // Documents by slot. Slots only grow between compactions.
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private published = new Float64Array(1024);
  private hashA = new Uint32Array(1024);
  private hashB = new Uint32Array(1024);
  private live = 0;
  private fp = new FingerprintAccumulator();

  private segments: Segment[] = [];
  private termBuffer = new PostingBuffer(true, false);
  private pairBuffer = new PostingBuffer(false, true);

  // Indexing scratch, by term id.
  private seenAt = new Uint32Array(1024);
  private seenEpoch = 0;
  private termWeight = new Float32Array(1024);
  private termForms = new Uint32Array(1024);
  private docTerms: number[] = [];
  private docPairs = new PairTable();
  /** Weight per (term, form) of the document being indexed. */
  private docForms = new PairTable();

  // Query scratch, by slot. Stamps avoid clearing per query.
  private qStamp = new Uint32Array(0);
  private qEpoch = 0;
  private qScore = new Float32Array(0);
  private qGroups = new Uint32Array(0);
  private qExact = new Uint8Array(0);
  private qTouched = new Int32Array(0);
  private qCount = 0;
  private gStamp = new Uint32Array(0);
  private gEpoch = 0;
  private gScore = new Float32Array(0);
  private gExact = new Uint8Array(0);
  private gPairs = new Uint8Array(0);
  private gList = new Int32Array(0);
  private gCount = 0;
  /** Group bits a document must already have to be accumulated (AND pruning); 0 = none. */
  private required = 0;

  constructor(options: SearchEngineOptions = {}) {
    this.fold = options.foldMarks !== false;
  }

  /** Number of (live) documents. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds documents; a document whose id is already indexed replaces the old version. */
  add(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) {
      if (this.slotOf.has(doc.id)) this.removeOne(doc.id);
      const slot = this.ids.length;
      this.ids.push(doc.id);
      this.slotOf.set(doc.id, slot);
      this.ensureSlots(slot + 1);
      this.alive[slot] = 1;
      const t = Date.parse(doc.publishedAt);
      this.published[slot] = Number.isFinite(t) ? t : -Infinity;
      const [a, b] = docHashes(doc.id, doc.contentHash);
      this.hashA[slot] = a;
      this.hashB[slot] = b;
      this.fp.add(a, b);
      this.live++;
      this.indexDoc(doc, slot);
      if (this.termBuffer.length + this.pairBuffer.length >= SEAL_POSTINGS) this.seal();
    }
  }

  /** Removes documents by id; unknown ids are ignored. Returns how many were removed. */
  remove(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) if (this.removeOne(id)) n++;
    return n;
  }

  /** `count:hash` over (id, contentHash) of the indexed documents; see {@link fingerprintOf}. */
  fingerprint(): string {
    return this.fp.toString();
  }

  /** What `fingerprint()` reports for an engine holding exactly these documents. */
  static fingerprintOf(entries: Iterable<{ id: string; contentHash?: string }>): string {
    return fingerprintOf(entries);
  }

  /** Parses and resolves (Telex/VNI) a query against this index's vocabulary. */
  parse(query: string, options: ParseOptions = {}): ParsedQuery {
    return resolveQuery(parseQuery(query, options), this.vocabulary);
  }

  /** Whether the index knows a word / a word starting with the given text (any written form). */
  readonly vocabulary: QueryVocabulary = {
    hasTerm: (text: string) => this.termIds.has(this.termOf(exactForm(text))),
    hasPrefix: (text: string) => this.completionRange(this.termOf(exactForm(text)))[1] > 0,
  };

  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
    this.seal();
    const parsed = typeof query === 'string' ? this.parse(query, { prefix: options.prefix }) : query;
    const limit = Math.max(0, options.limit ?? 20);
    const offset = Math.max(0, options.offset ?? 0);
    const groups = parsed.groups;
    if (groups.length === 0 || this.live === 0) return { hits: [], total: 0, query: parsed, matchedAll: true };

    // Rarest groups first; later groups then only touch documents that matched every earlier
    // one. If that leaves nothing, a second pass without pruning ranks any-term matches.
    const plans = groups.map((g, gi) => {
      if (g.kind === 'phrase') return { gi, completions: [] as Completion[], cost: this.phraseCost(g.terms) };
      const completions = this.completions(g.term);
      return { gi, completions, cost: completions.reduce((n, c) => n + this.df[c.term], 0) };
    });
    plans.sort((a, b) => a.cost - b.cost);
    const all = (2 ** groups.length - 1) >>> 0;
    for (const prune of [true, false]) {
      this.beginQuery();
      this.required = 0;
      for (const plan of plans) {
        const g = groups[plan.gi];
        const bit = 1 << plan.gi;
        if (g.kind === 'term') this.matchTerm(g.term, plan.completions, bit);
        else this.matchPhrase(g.terms, bit);
        if (prune) this.required |= bit;
      }
      this.required = 0;
      if (!prune || groups.length === 1 || this.anyHas(all)) break;
    }
    // The word being typed still counts for pairs when it is already a whole word.
    const groupTerms = groups.map((g) => (g.kind === 'term' ? this.termIds.get(this.termOf(g.term.text)) : undefined));
    // Unquoted neighbours that stand together in a document are likely one word: reward it.
    for (let gi = 1; gi < groups.length; gi++) {
      const a = groupTerms[gi - 1];
      const b = groupTerms[gi];
      if (a !== undefined && b !== undefined) this.addPairBonus(a * PAIR + b, ADJACENT_PAIR);
    }
    return this.collect(parsed, limit, offset, options.filter);
  }

  /** Seals buffered documents and rewrites all segments into one without removed documents. */
  compact(): void {
    this.seal();
    const slots = this.ids.length;
    const remap = new Int32Array(slots).fill(-1);
    const ids: string[] = [];
    for (let s = 0; s < slots; s++) {
      if (this.alive[s]) {
        remap[s] = ids.length;
        ids.push(this.ids[s]);
      }
    }
    const merged: Segment = {
      terms: mergePostingLists(this.segments.map((s) => s.terms), true, this.alive, remap),
      pairs: mergePostingLists(this.segments.map((s) => s.pairs), false, this.alive, remap),
      postings: 0,
    };
    merged.postings = sum(merged.terms.counts) + sum(merged.pairs.counts);
    const published = new Float64Array(Math.max(1024, ids.length));
    const hashA = new Uint32Array(published.length);
    const hashB = new Uint32Array(published.length);
    for (let s = 0; s < slots; s++) {
      const t = remap[s];
      if (t < 0) continue;
      published[t] = this.published[s];
      hashA[t] = this.hashA[s];
      hashB[t] = this.hashB[s];
    }
    this.ids = ids;
    this.slotOf = new Map(ids.map((id, i) => [id, i]));
    this.alive = new Uint8Array(published.length);
    this.alive.fill(1, 0, ids.length);
    this.published = published;
    this.hashA = hashA;
    this.hashB = hashB;
    this.segments = merged.postings > 0 ? [merged] : [];
    this.recountDocumentFrequencies(true);
    this.qStamp = new Uint32Array(0); // slots were renumbered
    this.gStamp = new Uint32Array(0);
  }

  /**
   * The whole index as chunks for IndexedDB (keys are unique; store them all, replace the
   * previous set). Compacts first when many documents were removed, so what is saved holds no
   * dead postings worth mentioning. `{ encoding: 'base64' }` gives text chunks (a third larger,
   * about a second more per 250 MB) for a store whose rows hold strings.
   */
  exportChunks(): IndexChunk[];
  exportChunks(options: { encoding: 'bytes' }): IndexChunk[];
  exportChunks(options: { encoding: 'base64' }): TextIndexChunk[];
  exportChunks(options: { encoding?: 'bytes' | 'base64' } = {}): IndexChunk[] | TextIndexChunk[] {
    const chunks = this.exportBinary();
    return options.encoding === 'base64' ? chunks.map((c) => ({ key: c.key, data: bytesToBase64(c.data) })) : chunks;
  }

  private exportBinary(): IndexChunk[] {
    this.seal();
    if (this.ids.length - this.live > this.ids.length * 0.1) this.compact();
    const slots = this.ids.length;
    const chunks: IndexChunk[] = [];
    const blobs: Meta['blobs'] = {};
    const enc = new TextEncoder();
    const addBlob = (name: string, arrays: PackedArray[]) => {
      const { bytes, layout } = packArrays(arrays);
      const parts = splitParts(bytes);
      parts.forEach((data, i) => chunks.push({ key: `${name}/${i}`, data }));
      blobs[name] = { parts: parts.length, bytes: bytes.length, layout };
    };
    addBlob('docs', [
      this.alive.slice(0, slots), this.published.slice(0, slots), this.hashA.slice(0, slots), this.hashB.slice(0, slots),
    ]);
    this.segments.forEach((s, i) => addBlob(`segment${i}`, [
      s.terms.keys, s.terms.offsets, s.terms.counts, s.terms.data,
      s.pairs.keys, s.pairs.offsets, s.pairs.counts, s.pairs.data,
    ]));
    // Terms are letters/digits only and forms are terms plus a digit: tab/space/newline are free.
    const vocab = this.terms
      .map((t, i) => `${t}\t${this.variants[i].map((v, j) => `${v}:${this.formDf[i][j] ?? 0}`).join(' ')}`)
      .join('\n');
    chunks.push({ key: 'vocab', data: enc.encode(vocab) });
    chunks.push({ key: 'ids', data: enc.encode(JSON.stringify(this.ids.map((id, s) => (this.alive[s] ? id : null)))) });
    const meta: Meta = {
      format: FORMAT, foldMarks: this.fold, slots, terms: this.terms.length, fingerprint: this.fingerprint(),
      blobs, segments: this.segments.length,
    };
    chunks.unshift({ key: 'meta', data: enc.encode(JSON.stringify(meta)) });
    return chunks;
  }

  /**
   * The fingerprint stored in exported chunks, read from the `meta` chunk alone, so a caller
   * can decide to rebuild without loading the rest. `null` if absent or of another format.
   */
  static fingerprintOfChunks(chunks: Iterable<IndexChunkInput>): string | null {
    for (const c of chunks) {
      if (c.key !== 'meta') continue;
      try {
        const meta = JSON.parse(new TextDecoder().decode(toBytes(c.data))) as Meta;
        return meta.format === FORMAT ? meta.fingerprint : null;
      } catch {
        return null;
      }
    }
    return null;
  }

  /** Restores an engine from `exportChunks()` output. Throws {@link IndexFormatError} if unusable. */
  static importChunks(chunks: Iterable<IndexChunkInput>): SearchEngine {
    const byKey = new Map<string, Uint8Array>();
    for (const c of chunks) byKey.set(c.key, toBytes(c.data));
    const dec = new TextDecoder();
    const text = (key: string) => {
      const b = byKey.get(key);
      if (!b) throw new IndexFormatError(`index chunk "${key}" is missing`);
      return dec.decode(b);
    };
    let meta: Meta;
    try {
      meta = JSON.parse(text('meta')) as Meta;
    } catch (e) {
      if (e instanceof IndexFormatError) throw e;
      throw new IndexFormatError('index meta chunk is not valid JSON');
    }
    if (meta.format !== FORMAT) throw new IndexFormatError(`index format ${String(meta.format)} is not ${FORMAT}`);
    const blob = (name: string): PackedArray[] => {
      const info = meta.blobs[name];
      if (!info) throw new IndexFormatError(`index blob "${name}" is not described`);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < info.parts; i++) {
        const p = byKey.get(`${name}/${i}`);
        if (!p) throw new IndexFormatError(`index chunk "${name}/${i}" is missing`);
        parts.push(p);
      }
      try {
        return unpackArrays(joinParts(parts, info.bytes), info.layout);
      } catch (e) {
        throw new IndexFormatError(`index blob "${name}" is damaged: ${String(e)}`);
      }
    };

    const engine = new SearchEngine({ foldMarks: meta.foldMarks });
    const slots = meta.slots;
    const [alive, published, hashA, hashB] = blob('docs') as [Uint8Array, Float64Array, Uint32Array, Uint32Array];
    const ids = JSON.parse(text('ids')) as Array<string | null>;
    if (ids.length !== slots || alive.length !== slots) throw new IndexFormatError('index document tables disagree');
    engine.ensureSlots(slots);
    engine.alive.set(alive);
    engine.published.set(published);
    engine.hashA.set(hashA);
    engine.hashB.set(hashB);
    engine.ids = ids.map((id) => id ?? '');
    for (let s = 0; s < slots; s++) {
      if (!alive[s]) continue;
      engine.slotOf.set(engine.ids[s], s);
      engine.fp.add(hashA[s], hashB[s]);
      engine.live++;
    }
    if (engine.fp.toString() !== meta.fingerprint) throw new IndexFormatError('index documents do not match their fingerprint');

    const lines = text('vocab').split('\n');
    if (lines.length !== meta.terms && !(meta.terms === 0 && lines.length === 1)) {
      throw new IndexFormatError('index vocabulary is incomplete');
    }
    for (let i = 0; i < meta.terms; i++) {
      const line = lines[i];
      const tab = line.indexOf('\t');
      const term = line.slice(0, tab);
      engine.termIds.set(term, i);
      engine.terms.push(term);
      const forms = tab + 1 < line.length ? line.slice(tab + 1).split(' ') : [];
      engine.variants.push(forms.map((f) => f.slice(0, f.lastIndexOf(':'))));
      engine.formDf.push(forms.map((f) => Number(f.slice(f.lastIndexOf(':') + 1)) || 0));
    }
    for (let i = 0; i < meta.segments; i++) {
      const a = blob(`segment${i}`);
      const seg: Segment = {
        terms: { keys: a[0] as Float64Array, offsets: a[1] as Uint32Array, counts: a[2] as Uint32Array, data: a[3] as Uint8Array },
        pairs: { keys: a[4] as Float64Array, offsets: a[5] as Uint32Array, counts: a[6] as Uint32Array, data: a[7] as Uint8Array },
        postings: 0,
      };
      seg.postings = sum(seg.terms.counts) + sum(seg.pairs.counts);
      engine.segments.push(seg);
    }
    engine.recountDocumentFrequencies();
    return engine;
  }

  stats(): SearchEngineStats {
    this.seal();
    let postings = 0;
    let bytes = 0;
    for (const s of this.segments) {
      postings += s.postings;
      bytes += s.terms.data.byteLength + s.pairs.data.byteLength + s.terms.keys.byteLength + s.pairs.keys.byteLength +
        s.terms.offsets.byteLength + s.pairs.offsets.byteLength + s.terms.counts.byteLength + s.pairs.counts.byteLength;
    }
    return {
      documents: this.live, deadDocuments: this.ids.length - this.live, terms: this.terms.length,
      segments: this.segments.length, postings, postingBytes: bytes,
    };
  }

  // ---------------------------------------------------------------- indexing

  private termOf(exact: string): string {
    return this.fold ? foldMarks(exact) : exact;
  }

  private removeOne(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.fp.remove(this.hashA[slot], this.hashB[slot]);
    this.live--;
    return true;
  }

  private ensureSlots(n: number): void {
    this.alive = growU8(this.alive, n);
    this.published = growF64(this.published, n);
    this.hashA = growU32(this.hashA, n);
    this.hashB = growU32(this.hashB, n);
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    if (id >= PAIR) throw new Error('search vocabulary is full');
    this.terms.push(term);
    this.termIds.set(term, id);
    this.variants.push([]);
    this.formDf.push([]);
    this.df = growU32(this.df, id + 1);
    this.seenAt = growU32(this.seenAt, id + 1);
    this.termWeight = growF32(this.termWeight, id + 1);
    this.termForms = growU32(this.termForms, id + 1);
    if (this.sortedTerms) this.unsortedTerms.push(term);
    return id;
  }

  /** Exact token (lower-case NFC) → term id * 32 + written-form bit; the uncached path. */
  private resolveToken(token: string): number {
    const term = this.termOf(token);
    const id = this.termIds.get(term) ?? this.newTerm(term);
    let form = 0;
    if (this.fold) {
      const key = syllableKey(token);
      const forms = this.variants[id];
      form = forms.indexOf(key);
      if (form < 0) {
        if (forms.length < MAX_VARIANTS) {
          form = forms.length;
          forms.push(key);
          this.formDf[id].push(0);
        } else {
          form = MAX_VARIANTS;
        }
      }
    }
    return id * 32 + form;
  }

  /** Packed ids of the tokens of one field (lower-case NFC), into `this.fieldTokens`. */
  private scanField(text: string): number[] {
    const out = this.fieldTokens;
    out.length = 0;
    const table = this.tokenTable;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (TOKEN_CHAR[text.charCodeAt(i)] !== 1) {
        i++;
        continue;
      }
      const start = i;
      let h = 0x811c9dc5 | 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (TOKEN_CHAR[c] === 0) break;
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
      let packed = table.find(text, start, i, h);
      if (packed < 0) {
        // Junk-heavy input (ids, URLs) must not grow the table without bound.
        if (table.size > 2_000_000) table.clear();
        const token = text.slice(start, i);
        packed = this.resolveToken(token);
        table.insert(token, h, packed);
      }
      out.push(packed);
    }
    return out;
  }

  private indexDoc(doc: SearchDoc, slot: number): void {
    const captions = typeof doc.captions === 'string' ? doc.captions : (doc.captions ?? []).join('\n');
    const fields = [doc.title, doc.lead, doc.text, doc.author, captions, doc.category];
    const epoch = ++this.seenEpoch;
    if (epoch === 0xffffffff) {
      this.seenAt.fill(0);
      this.seenEpoch = 1;
    }
    const docTerms = this.docTerms;
    const pairs = this.docPairs;
    const formWeights = this.docForms;
    docTerms.length = 0;
    pairs.clear();
    formWeights.clear();
    for (let f = 0; f < fields.length; f++) {
      const value = fields[f];
      if (!value) continue;
      const tokens = this.scanField(exactForm(value));
      if (tokens.length === 0) continue;
      const { weight, avgLen, b } = FIELDS[f];
      const norm = weight / (1 - b + (b * tokens.length) / avgLen);
      let prev = -1;
      for (let j = 0; j < tokens.length; j++) {
        const packed = tokens[j];
        const t = packed >>> 5;
        if (this.seenAt[t] !== this.seenEpoch) {
          this.seenAt[t] = this.seenEpoch;
          this.termWeight[t] = 0;
          this.termForms[t] = 0;
          docTerms.push(t);
        }
        this.termWeight[t] += norm;
        this.termForms[t] |= 1 << (packed & 31);
        formWeights.add(t, packed & 31, norm);
        if (prev >= 0) pairs.add(prev, t, norm);
        prev = t;
      }
    }
    const perForm: number[] = [];
    for (const t of docTerms) {
      const forms = this.termForms[t];
      perForm.length = 0;
      if (forms & (forms - 1)) {
        for (let v = 0; v < 32; v++) if (forms & (1 << v)) perForm.push(quantise(formWeights.get(t, v)));
      }
      this.termBuffer.push(t, 0, slot, quantise(this.termWeight[t]), forms, perForm);
      this.df[t]++;
      const counts = this.formDf[t];
      for (let v = 0; v < counts.length; v++) if (forms & (1 << v)) counts[v]++;
    }
    pairs.forEach((a, b, w) => this.pairBuffer.push(a, b, slot, quantise(w), 0));
  }

  /** Turns buffered postings into a segment and merges neighbours of similar size. */
  private seal(): void {
    if (this.termBuffer.length === 0 && this.pairBuffer.length === 0) return;
    const n = this.terms.length;
    const seg: Segment = {
      terms: this.termBuffer.length ? this.termBuffer.seal(n) : emptyPostingList(),
      pairs: this.pairBuffer.length ? this.pairBuffer.seal(n) : emptyPostingList(),
      postings: this.termBuffer.length + this.pairBuffer.length,
    };
    this.termBuffer.clear();
    this.pairBuffer.clear();
    this.segments.push(seg);
    // Merging when the newest segment reaches a third of its neighbour keeps the count
    // logarithmic while each posting is rewritten only a few times.
    for (;;) {
      const k = this.segments.length;
      if (k < 2) break;
      const last = this.segments[k - 1];
      const prev = this.segments[k - 2];
      if (last.postings * 3 < prev.postings && k <= 12) break;
      const merged: Segment = {
        terms: mergePostingLists([prev.terms, last.terms], true, this.alive, null),
        pairs: mergePostingLists([prev.pairs, last.pairs], false, this.alive, null),
        postings: 0,
      };
      merged.postings = sum(merged.terms.counts) + sum(merged.pairs.counts);
      this.segments.splice(k - 2, 2, merged);
    }
  }

  /**
   * Exact document frequencies from the segments (removed documents make the running counts
   * drift). Per-form counts need every posting decoded, so only compaction asks for them.
   */
  private recountDocumentFrequencies(withForms = false): void {
    this.df = new Uint32Array(Math.max(1024, this.terms.length));
    for (const s of this.segments) {
      const { keys, counts } = s.terms;
      for (let i = 0; i < keys.length; i++) this.df[keys[i]] += counts[i];
    }
    if (withForms) {
      this.formDf = this.variants.map((v) => new Array<number>(v.length).fill(0));
      for (const s of this.segments) {
        const { keys, offsets, data } = s.terms;
        for (let k = 0; k < keys.length; k++) {
          const counts = this.formDf[keys[k]];
          let p = offsets[k];
          const end = offsets[k + 1];
          while (p < end) {
            while (data[p++] & 0x80); // doc gap
            p++; // weight
            let b = data[p++];
            let forms = b & 0x7f;
            for (let shift = 7; b & 0x80; shift += 7) {
              b = data[p++];
              forms |= (b & 0x7f) << shift;
            }
            for (let v = 0; v < counts.length; v++) if (forms & (1 << v)) counts[v]++;
            if (forms & (forms - 1)) p += popcount(forms); // per-form weights
          }
        }
      }
    }
    const n = Math.max(1024, this.terms.length);
    this.seenAt = growU32(new Uint32Array(0), n);
    this.seenEpoch = 0;
    this.termWeight = new Float32Array(n);
    this.termForms = new Uint32Array(n);
  }

  // ---------------------------------------------------------------- querying

  private idf(df: number): number {
    const n = this.live;
    const d = Math.min(df, n);
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  }

  private beginQuery(): void {
    const slots = this.ids.length;
    if (this.qStamp.length < slots) {
      const cap = Math.max(1024, Math.ceil(slots * 1.25));
      this.qStamp = new Uint32Array(cap);
      this.qScore = new Float32Array(cap);
      this.qGroups = new Uint32Array(cap);
      this.qExact = new Uint8Array(cap);
      this.qTouched = new Int32Array(cap);
      this.gStamp = new Uint32Array(cap);
      this.gScore = new Float32Array(cap);
      this.gExact = new Uint8Array(cap);
      this.gPairs = new Uint8Array(cap);
      this.gList = new Int32Array(cap);
      this.qEpoch = 0;
      this.gEpoch = 0;
    }
    if (this.qEpoch >= 0xfffffff0) {
      this.qStamp.fill(0);
      this.qEpoch = 0;
    }
    this.qEpoch++;
    this.qCount = 0;
  }

  private beginGroup(): void {
    if (this.gEpoch >= 0xfffffff0) {
      this.gStamp.fill(0);
      this.gEpoch = 0;
    }
    this.gEpoch++;
    this.gCount = 0;
  }

  private anyHas(bits: number): boolean {
    for (let i = 0; i < this.qCount; i++) if (this.qGroups[this.qTouched[i]] === bits) return true;
    return false;
  }

  /** Whether AND pruning rules the document out for the group being matched. */
  private pruned(doc: number): boolean {
    const r = this.required;
    return r !== 0 && (this.qStamp[doc] !== this.qEpoch || (this.qGroups[doc] & r) !== r);
  }

  private phraseCost(typed: QueryTerm[]): number {
    const ids = typed.map((t) => this.termIds.get(this.termOf(t.text)));
    if (ids.some((t) => t === undefined) || ids.length < 2) return 0;
    return this.pairFrequency((ids[0] as number) * PAIR + (ids[1] as number));
  }

  /** Moves the current group's per-document results into the query accumulators. */
  private endGroup(bit: number, requiredPairs: number): void {
    const { qStamp, qScore, qGroups, qExact, qTouched, gList, gScore, gExact, gPairs } = this;
    const epoch = this.qEpoch;
    for (let i = 0; i < this.gCount; i++) {
      const d = gList[i];
      if (gPairs[d] !== requiredPairs) continue;
      if (qStamp[d] !== epoch) {
        qStamp[d] = epoch;
        qScore[d] = 0;
        qGroups[d] = 0;
        qExact[d] = 0;
        qTouched[this.qCount++] = d;
      }
      qScore[d] += gScore[d];
      qGroups[d] |= bit;
      qExact[d] += gExact[d];
    }
  }

  /** Bits of the written forms of `term` that count as exactly what was typed. */
  private formBits(term: number, typed: QueryTerm): number {
    const forms = this.variants[term];
    if (!typed.prefix) {
      const i = forms.indexOf(typed.key);
      if (i >= 0) return (1 << i) >>> 0;
      return forms.length >= MAX_VARIANTS ? 0x80000000 : 0;
    }
    // A prefix being typed: its marks so far must agree; a missing tone matches any tone.
    const base = typed.key.slice(0, -1);
    const tone = typed.key.slice(-1);
    let bits = 0;
    forms.forEach((f, i) => {
      if (f.startsWith(base) && (tone === '0' || f.endsWith(tone))) bits |= 1 << i;
    });
    if (forms.length >= MAX_VARIANTS) bits |= 0x80000000;
    return bits >>> 0;
  }

  private completionRange(prefix: string): [number, number] {
    const sorted = this.sortedVocabulary();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < sorted.length && sorted[end].startsWith(prefix)) end++;
    return [lo, end - lo];
  }

  private sortedVocabulary(): string[] {
    if (!this.sortedTerms || this.unsortedTerms.length > 4096) {
      this.sortedTerms = [...this.terms].sort();
      this.unsortedTerms = [];
    } else if (this.unsortedTerms.length) {
      const sorted = this.sortedTerms;
      for (const t of this.unsortedTerms) {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid] < t) lo = mid + 1;
          else hi = mid;
        }
        sorted.splice(lo, 0, t);
      }
      this.unsortedTerms = [];
    }
    return this.sortedTerms;
  }

  /** Documents using any of the forms in `bits`, an upper bound when several forms are. */
  private formFrequency(term: number, bits: number): number {
    const counts = this.formDf[term];
    let n = 0;
    for (let v = 0; v < counts.length; v++) if (bits & (1 << v)) n += counts[v];
    return bits & 0x80000000 ? this.df[term] : Math.min(n, this.df[term]);
  }

  private completion(term: number, typed: QueryTerm, marked: boolean, weight: number, ceiling: number): Completion {
    const otherIdf = Math.min(this.idf(this.df[term]), ceiling) * weight;
    if (!marked) return { term, bits: 0, exactIdf: otherIdf, otherIdf };
    const bits = this.formBits(term, typed);
    // The typed form's own rarity: `dần` is rarer than `dân`, so finding it says more.
    const exactIdf = Math.min(this.idf(this.formFrequency(term, bits)), ceiling) * weight;
    return { term, bits, exactIdf, otherIdf: otherIdf * OTHER_FORM };
  }

  private completions(typed: QueryTerm): Completion[] {
    const marked = this.fold && typed.preferExact;
    if (!typed.prefix) {
      const term = this.termIds.get(this.termOf(typed.text));
      return term === undefined ? [] : [this.completion(term, typed, marked, 1, Infinity)];
    }
    const prefix = this.termOf(typed.text);
    const [start, count] = this.completionRange(prefix);
    if (count === 0) return [];
    const sorted = this.sortedVocabulary();
    let picked = sorted.slice(start, start + count).map((t) => this.termIds.get(t) as number);
    // The typed text is a whole word when it is in the vocabulary in the form typed.
    let whole = this.termIds.get(prefix);
    if (whole !== undefined && marked && !this.variants[whole].includes(typed.key)) whole = undefined;
    // The typed word itself first, then completions agreeing with the marks typed so far,
    // then common ones; within a budget of postings so one letter cannot cost 100 ms.
    const rank = (t: number) => (t === whole ? 2 : marked && this.formBits(t, typed) !== 0 ? 1 : 0);
    picked.sort((a, b) => rank(b) - rank(a) || this.df[b] - this.df[a]);
    const budget = COMPLETION_BUDGET * Math.max(this.live, 1000);
    let spent = 0;
    let keep = 0;
    while (keep < picked.length && keep < MAX_COMPLETIONS && (keep === 0 || spent + this.df[picked[keep]] <= budget)) {
      spent += this.df[picked[keep]];
      keep++;
    }
    picked = picked.slice(0, keep);
    // A rare completion (`van` → `vanuatu`) must not outscore the word itself or steer the
    // ranking while the word is unfinished: completions get at most the idf of the typed word,
    // or of the commonest completion when the typed text is not a word yet.
    const ceiling = whole !== undefined
      ? this.idf(this.df[whole])
      : Math.min(...picked.map((t) => this.idf(this.df[t])));
    return picked.map((t) => (t === whole
      ? this.completion(t, typed, marked, 1, Infinity)
      : this.completion(t, typed, marked, COMPLETION, ceiling)));
  }

  /** One query word (or the word being typed): best-scoring form per document. */
  private matchTerm(typed: QueryTerm, completions: readonly Completion[], bit: number): void {
    const marked = this.fold && typed.preferExact;
    // One completion: at most one posting per document, so accumulate straight into the query.
    const direct = completions.length === 1;
    if (!direct) this.beginGroup();
    const { alive, gStamp, gScore, gExact, gPairs, gList, qStamp, qScore, qGroups, qExact, qTouched } = this;
    const gEpoch = this.gEpoch;
    const qEpoch = this.qEpoch;
    const required = this.required;
    let gCount = this.gCount;
    let qCount = this.qCount;
    for (const c of completions) {
      const { bits, exactIdf, otherIdf } = c;
      for (const seg of this.segments) {
        const list = seg.terms;
        const k = findKey(list.keys, c.term);
        if (k < 0) continue;
        const data = list.data;
        const end = list.offsets[k + 1];
        let p = list.offsets[k];
        let doc = 0;
        while (p < end) {
          let b = data[p++];
          let gap = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            gap |= (b & 0x7f) << shift;
          }
          doc += gap;
          const w = data[p++];
          b = data[p++];
          let forms = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            forms |= (b & 0x7f) << shift;
          }
          let own = w;
          if ((forms & (forms - 1)) !== 0) {
            if (marked) own = formWeight(data, p, forms, bits);
            p += popcount(forms);
          }
          if (!alive[doc]) continue;
          if (required !== 0 && (qStamp[doc] !== qEpoch || (qGroups[doc] & required) !== required)) continue;
          let s: number;
          let e = 0;
          if (!marked) {
            s = SATURATION[w] * exactIdf;
          } else if ((forms & bits) !== 0) {
            s = SATURATION[own] * exactIdf;
            e = 1;
          } else {
            s = SATURATION[w] * otherIdf;
          }
          if (direct) {
            if (qStamp[doc] !== qEpoch) {
              qStamp[doc] = qEpoch;
              qScore[doc] = s;
              qGroups[doc] = bit;
              qExact[doc] = e;
              qTouched[qCount++] = doc;
            } else {
              qScore[doc] += s;
              qGroups[doc] |= bit;
              qExact[doc] += e;
            }
          } else if (gStamp[doc] !== gEpoch) {
            gStamp[doc] = gEpoch;
            gScore[doc] = s;
            gExact[doc] = e;
            gPairs[doc] = 0;
            gList[gCount++] = doc;
          } else {
            if (s > gScore[doc]) gScore[doc] = s;
            if (e) gExact[doc] = 1;
          }
        }
      }
    }
    this.gCount = gCount;
    this.qCount = qCount;
    if (!direct) this.endGroup(bit, 0);
  }

  /** A quoted phrase: every adjacent pair must occur; its words add their own scores. */
  private matchPhrase(typed: QueryTerm[], bit: number): void {
    this.beginGroup();
    const ids = typed.map((t) => this.termIds.get(this.termOf(t.text)));
    if (ids.some((t) => t === undefined)) return;
    const terms = ids as number[];
    const { alive, gStamp, gScore, gExact, gPairs, gList } = this;
    const epoch = this.gEpoch;
    const pairCount = terms.length - 1;
    for (let i = 0; i < pairCount; i++) {
      const key = terms[i] * PAIR + terms[i + 1];
      const idf = this.idf(this.pairFrequency(key)) * PHRASE_PAIR;
      for (const seg of this.segments) {
        const list = seg.pairs;
        const k = findKey(list.keys, key);
        if (k < 0) continue;
        const data = list.data;
        const end = list.offsets[k + 1];
        let p = list.offsets[k];
        let doc = 0;
        while (p < end) {
          let b = data[p++];
          let gap = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            gap |= (b & 0x7f) << shift;
          }
          doc += gap;
          const w = data[p++];
          if (!alive[doc]) continue;
          if (gStamp[doc] !== epoch) {
            if (i > 0 || this.pruned(doc)) continue; // lacks an earlier pair or group
            gStamp[doc] = epoch;
            gScore[doc] = 0;
            gExact[doc] = 0;
            gPairs[doc] = 0;
            gList[this.gCount++] = doc;
          } else if (gPairs[doc] !== i) {
            continue;
          }
          gPairs[doc] = i + 1;
          gScore[doc] += idf * SATURATION[w];
        }
      }
    }
    // Word scores and exact forms, for documents that have the whole phrase.
    typed.forEach((t, ti) => {
      const term = terms[ti];
      const marked = this.fold && t.preferExact;
      const { bits, exactIdf, otherIdf } = this.completion(term, t, marked, 1, Infinity);
      for (const seg of this.segments) {
        const list = seg.terms;
        const k = findKey(list.keys, term);
        if (k < 0) continue;
        const data = list.data;
        const end = list.offsets[k + 1];
        let p = list.offsets[k];
        let doc = 0;
        while (p < end) {
          let b = data[p++];
          let gap = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            gap |= (b & 0x7f) << shift;
          }
          doc += gap;
          const w = data[p++];
          b = data[p++];
          let forms = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[p++];
            forms |= (b & 0x7f) << shift;
          }
          const multi = (forms & (forms - 1)) !== 0;
          const at = p;
          if (multi) p += popcount(forms);
          if (gStamp[doc] !== epoch || gPairs[doc] !== pairCount) continue;
          const exact = !marked || (forms & bits) !== 0;
          gScore[doc] += exact
            ? SATURATION[marked && multi ? formWeight(data, at, forms, bits) : w] * exactIdf
            : SATURATION[w] * otherIdf;
          if (marked && exact) gExact[doc]++;
        }
      }
    });
    this.endGroup(bit, pairCount);
  }

  private pairFrequency(key: number): number {
    let n = 0;
    for (const seg of this.segments) {
      const k = findKey(seg.pairs.keys, key);
      if (k >= 0) n += seg.pairs.counts[k];
    }
    return n;
  }

  /** Adds to documents already matched; never makes a document match. */
  private addPairBonus(key: number, weight: number): void {
    const a = Math.floor(key / PAIR);
    const b = key - a * PAIR;
    const together = this.pairFrequency(key);
    const cohesion = together / Math.max(1, Math.min(this.df[a], this.df[b]));
    if (cohesion < COHESION) return;
    const idf = this.idf(together) * weight;
    const { qStamp, qScore } = this;
    const epoch = this.qEpoch;
    for (const seg of this.segments) {
      const list = seg.pairs;
      const k = findKey(list.keys, key);
      if (k < 0) continue;
      const data = list.data;
      const end = list.offsets[k + 1];
      let p = list.offsets[k];
      let doc = 0;
      while (p < end) {
        let b = data[p++];
        let gap = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = data[p++];
          gap |= (b & 0x7f) << shift;
        }
        doc += gap;
        const w = data[p++];
        if (qStamp[doc] === epoch) qScore[doc] += idf * SATURATION[w];
      }
    }
  }

  /**
   * Ranks matches: documents with every group first (falling back to most groups when none has
   * all), then more exactly-typed forms, then score, then newer. Top-k by a bounded heap on a
   * precomputed numeric key, so a query matching 100,000 documents neither sorts them all nor
   * calls a comparator for each.
   */
  private collect(
    query: ParsedQuery,
    limit: number,
    offset: number,
    filter: SearchOptions['filter'],
  ): SearchResult {
    const all = (2 ** query.groups.length - 1) >>> 0;
    const { qTouched, qGroups, qExact, qScore, alive, ids, published } = this;
    const matchedAll = this.anyHas(all);
    const accept = typeof filter === 'function' ? filter : filter ? (id: string) => filter.has(id) : null;
    const k = limit + offset;
    // Key: (groups matched, exact forms) above a score rounded so float noise cannot beat recency.
    const keyOf = (d: number) =>
      ((matchedAll ? 0 : popcount(qGroups[d]) * 64) + qExact[d]) * 1e9 + Math.round(qScore[d] * 1e4);
    const heapDoc = new Int32Array(k);
    const heapKey = new Float64Array(k);
    let size = 0;
    // a ranks below b: lower key, then older, then lower slot.
    const below = (ka: number, da: number, kb: number, db: number) =>
      ka !== kb ? ka < kb : published[da] !== published[db] ? published[da] < published[db] : da < db;
    const siftDown = (at: number) => {
      let c = at;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let low = c;
        if (l < size && below(heapKey[l], heapDoc[l], heapKey[low], heapDoc[low])) low = l;
        if (r < size && below(heapKey[r], heapDoc[r], heapKey[low], heapDoc[low])) low = r;
        if (low === c) return;
        [heapKey[low], heapKey[c]] = [heapKey[c], heapKey[low]];
        [heapDoc[low], heapDoc[c]] = [heapDoc[c], heapDoc[low]];
        c = low;
      }
    };
    let total = 0;
    for (let i = 0; i < this.qCount; i++) {
      const d = qTouched[i];
      if (!alive[d]) continue;
      if (matchedAll ? qGroups[d] !== all : qGroups[d] === 0) continue;
      if (accept && !accept(ids[d])) continue;
      total++;
      if (k === 0) continue;
      const key = keyOf(d);
      if (size < k) {
        let c = size++;
        heapKey[c] = key;
        heapDoc[c] = d;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (!below(heapKey[c], heapDoc[c], heapKey[parent], heapDoc[parent])) break;
          [heapKey[parent], heapKey[c]] = [heapKey[c], heapKey[parent]];
          [heapDoc[parent], heapDoc[c]] = [heapDoc[c], heapDoc[parent]];
          c = parent;
        }
      } else if (key >= heapKey[0] && below(heapKey[0], heapDoc[0], key, d)) {
        heapKey[0] = key;
        heapDoc[0] = d;
        siftDown(0);
      }
    }
    const ranked = Array.from(heapDoc.subarray(0, size)).map((d, i) => ({ d, key: heapKey[i] }));
    ranked.sort((a, b) => (below(a.key, a.d, b.key, b.d) ? 1 : -1));
    const hits: SearchHit[] = ranked.slice(offset).map(({ d }) => ({ id: ids[d], score: qScore[d] }));
    return { hits, total, query, matchedAll: matchedAll || this.qCount === 0 };
  }
}

function sum(a: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i];
  return n;
}
