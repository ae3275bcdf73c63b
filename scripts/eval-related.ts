/**
 * Offline evaluation of the related-articles index (shared/related).
 *
 *   npx tsx scripts/eval-related.ts [--corpus path] [--scale 20000 | --no-scale] [--sweep]
 *
 * Reads the portal test corpus (JSON lines {title, category, body}; never copied into the
 * repo), asks the index for the 5 most similar articles of every article and reports
 * precision@5 = share of those in the same portal category. The category is used only here,
 * to grade; the index never sees it. A plain unigram TF-IDF cosine baseline is graded in the
 * same run. Timings: build, per-query p50/p95, an incremental build in sync-sized batches,
 * and a synthetic corpus of ~20k articles for query latency at scale (its precision means
 * nothing: it is made by recombining real paragraphs).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { RelatedIndex } from '../shared/related/relatedIndex';
import { reasonFor } from '../shared/related/reasonFor';
import { DEFAULT_RELATED_PARAMS, type RelatedParams } from '../shared/related/relatedParams';
import { syllableRuns } from '../shared/related/syllables';
import { countTerms } from '../shared/related/termCounts';
import type { RelatedDoc } from '../shared/related/types';

interface CorpusLine {
  title: string;
  category: string;
  body: string;
}

interface Labelled extends RelatedDoc {
  category: string;
}

const K = 5;

// Heap figures need a full GC before each reading; this works without --expose-gc on the
// command line, so plain `npx tsx scripts/eval-related.ts` reports memory too.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function loadCorpus(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const raw = JSON.parse(line) as CorpusLine;
      // The corpus has no separate sapo; on the portal it is the first body paragraph.
      const paragraphs = raw.body.split('\n');
      return {
        id: `a${i}`,
        title: raw.title,
        lead: paragraphs[0] ?? '',
        text: paragraphs.slice(1).join('\n'),
        category: raw.category,
      };
    });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

function precisionAt5(docs: Labelled[], neighbours: (id: string) => string[]): number {
  const category = new Map(docs.map((d) => [d.id, d.category]));
  let same = 0;
  for (const doc of docs) {
    for (const id of neighbours(doc.id).slice(0, K)) if (category.get(id) === doc.category) same++;
  }
  return same / (docs.length * K);
}

function queryTimings(index: RelatedIndex, ids: string[]): { p50: number; p95: number; mean: number } {
  const times: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    index.similar(id, K);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 0.5), 3),
    p95: round(percentile(times, 0.95), 3),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length, 3),
  };
}

function evaluate(docs: Labelled[], params: Partial<RelatedParams> = {}) {
  const t0 = performance.now();
  const index = new RelatedIndex(params);
  index.add(docs);
  const buildMs = performance.now() - t0;
  const precision = precisionAt5(docs, (id) => index.similar(id, K).map((h) => h.id));
  return { index, buildMs, precision };
}

/**
 * The comparison point: raw tf × ln(N/df) over unigram syllables of title + lead + text, no
 * stop list, no bigrams, no title boost, no pruning, exact cosine via an inverted index.
 */
function baseline(docs: Labelled[]): { precision: number; buildMs: number; p50: number; p95: number } {
  const t0 = performance.now();
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const field of [d.title, d.lead, d.text]) {
      for (const run of syllableRuns(field)) for (const s of run) tf.set(s, (tf.get(s) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = tfs.map((tf) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [t, c] of tf) {
      const w = c * Math.log(docs.length / df.get(t)!);
      if (w > 0) {
        v.set(t, w);
        sum += w * w;
      }
    }
    const norm = Math.sqrt(sum);
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([i, w]);
    }
  });
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  const scores = new Float64Array(docs.length);
  const results = new Map<string, string[]>();
  vectors.forEach((v, i) => {
    const q0 = performance.now();
    const touched: number[] = [];
    for (const [t, w] of v) {
      for (const [j, wj] of postings.get(t)!) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j] += w * wj;
      }
    }
    touched.sort((a, b) => scores[b] - scores[a] || a - b);
    results.set(docs[i].id, touched.slice(0, K).map((j) => docs[j].id));
    for (const j of touched) scores[j] = 0;
    times.push(performance.now() - q0);
  });
  times.sort((a, b) => a - b);
  return {
    precision: precisionAt5(docs, (id) => results.get(id) ?? []),
    buildMs: round(buildMs, 1),
    p50: round(percentile(times, 0.5), 3),
    p95: round(percentile(times, 0.95), 3),
  };
}

/** Seeded PRNG so synthetic corpora and batch orders are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Articles for latency measurement only: each mixes the paragraphs of two real articles and
 * respells ~5% of words, so the vocabulary keeps growing (new names) while common topical
 * terms get the long posting lists a real 20k archive would give them.
 */
function synthesise(docs: Labelled[], count: number): RelatedDoc[] {
  const random = mulberry32(20240601);
  const mutate = (text: string, tag: string): string =>
    text.replace(/[\p{L}\p{N}]+/gu, (w) => (random() < 0.05 ? `${w}${tag}` : w));
  const out: RelatedDoc[] = [];
  for (let i = 0; i < count; i++) {
    const a = docs[i % docs.length];
    const b = docs[Math.floor(random() * docs.length)];
    const tag = String.fromCharCode(97 + (Math.floor(i / docs.length) % 26));
    const paragraphs = [...a.text.split('\n'), ...b.text.split('\n').slice(0, 2)].sort(() => random() - 0.5);
    out.push({ id: `s${i}`, title: mutate(a.title, tag), lead: mutate(a.lead, tag), text: mutate(paragraphs.join('\n'), tag) });
  }
  return out;
}

function scaleRun(docs: Labelled[], count: number) {
  const synthetic = synthesise(docs, count);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new RelatedIndex();
  // Sync stores articles in pages, so build the way the app will: batch after batch.
  for (let i = 0; i < synthetic.length; i += 500) index.add(synthetic.slice(i, i + 500));
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const random = mulberry32(7);
  const sample = Array.from({ length: 1000 }, () => synthetic[Math.floor(random() * synthetic.length)].id);
  const t1 = performance.now();
  index.add(synthetic.slice(0, 20).map((d) => ({ ...d, id: `${d.id}-new` })));
  const addOneBatchMs = performance.now() - t1;
  const t2 = performance.now();
  const json = JSON.stringify(index.toJSON());
  const serialiseMs = performance.now() - t2;
  const t3 = performance.now();
  RelatedIndex.fromJSON(JSON.parse(json));
  const loadMs = performance.now() - t3;
  return {
    docs: index.size,
    buildMs: round(buildMs, 0),
    addBatchOf20Ms: round(addOneBatchMs, 1),
    msPerQuery: queryTimings(index, sample),
    heapMbApprox: round(heapMb, 1),
    jsonMb: round(json.length / 2 ** 20, 1),
    toJsonMs: round(serialiseMs, 0),
    fromJsonMs: round(loadMs, 0),
  };
}

function incrementalRun(docs: Labelled[], batchSize: number) {
  const random = mulberry32(42);
  const order = [...docs].sort(() => random() - 0.5);
  const index = new RelatedIndex();
  const t0 = performance.now();
  for (let i = 0; i < order.length; i += batchSize) index.add(order.slice(i, i + batchSize));
  const buildMs = performance.now() - t0;
  const precision = precisionAt5(docs, (id) => index.similar(id, K).map((h) => h.id));
  return { batchSize, precisionAt5: round(precision), buildMs: round(buildMs, 0) };
}

function roundTrip(index: RelatedIndex, docs: Labelled[]) {
  const json = JSON.stringify(index.toJSON());
  const restored = RelatedIndex.fromJSON(JSON.parse(json));
  const identical = docs.every(
    (d) => JSON.stringify(index.similar(d.id, K)) === JSON.stringify(restored.similar(d.id, K)),
  );
  return { identical, jsonKb: round(json.length / 1024, 0) };
}

function sweep(docs: Labelled[]) {
  const grid: Array<Partial<RelatedParams>> = [
    { expansionWeight: 1 },
    { expansionWeight: 3 },
    { neighbours: 10 },
    { neighbours: 30 },
    { vectorTerms: 48 },
    { vectorTerms: 96 },
    { candidateTerms: 128 },
    { candidateTerms: 200 },
    { titleWeight: 1, leadWeight: 1 },
    { titleWeight: 3, leadWeight: 1.5 },
    { directWeight: 0 },
    { directWeight: 0.3 },
    { directWeight: 0.7 },
    { directWeight: 1 },
    { neighbours: 30, expansionWeight: 3 },
    { idfExponent: 0.5 },
    { idfExponent: 1 },
    { k1: 1.2, b: 0.3 },
    { minDf: 3 },
  ];
  return grid.map((params) => ({ params, precisionAt5: round(evaluate(docs, params).precision) }));
}

/** A few articles with their hits and reasons, to judge the explanations by eye. */
function examples(index: RelatedIndex, docs: Labelled[], count = 4) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const picked = [...new Map(docs.map((d) => [d.category, d])).values()].slice(0, count);
  return picked.map((source) => ({
    title: source.title,
    category: source.category,
    related: index.similar(source.id, 3).map((hit) => {
      const candidate = byId.get(hit.id)!;
      return { title: candidate.title, category: candidate.category, score: round(hit.score, 3), ...reasonFor(hit, source, candidate) };
    }),
  }));
}

/**
 * Terms in the most candidate sets that the stop lists let through: where to look when
 * extending shared/related/stopLists.ts (idf already discounts them).
 */
function highestDfTerms(docs: Labelled[], count = 20): string[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of countTerms(d, DEFAULT_RELATED_PARAMS).terms) df.set(t, (df.get(t) ?? 0) + 1);
  return [...df].sort((a, b) => b[1] - a[1]).slice(0, count).map(([t, n]) => `${t} (${n})`);
}

function memoryRun(docs: Labelled[]) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new RelatedIndex();
  index.add(docs);
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  return { heapMb: round(bytes / 2 ** 20, 1), kbPerArticle: round(bytes / 1024 / index.size, 1) };
}

function main(): void {
  const corpusPath = path.resolve(arg('--corpus') ?? '../shared/portal/corpus.jsonl');
  const docs = loadCorpus(corpusPath);

  const main = evaluate(docs);
  const timings = queryTimings(main.index, docs.map((d) => d.id));
  const base = baseline(docs);
  const ablation = evaluate(docs, { expansionWeight: 0 });
  // The same scoring without pruning or expansion: what pruning alone would cost.
  const unpruned = evaluate(docs, { expansionWeight: 0, neighbours: 0, vectorTerms: 100_000, candidateTerms: 100_000 });

  const report: Record<string, unknown> = {
    precisionAt5: round(main.precision),
    baselinePrecisionAt5: round(base.precision),
    corpus: { path: corpusPath, articles: docs.length, categories: new Set(docs.map((d) => d.category)).size },
    timings: {
      buildMs: round(main.buildMs, 0),
      msPerQuery: timings,
      baseline: { buildMs: base.buildMs, msPerQuery: { p50: base.p50, p95: base.p95 } },
    },
    parameters: { ...DEFAULT_RELATED_PARAMS, k: K },
    ablation: {
      withoutNeighbourExpansion: round(ablation.precision),
      unprunedNoExpansion: round(unpruned.precision),
    },
    incremental: incrementalRun(docs, 25),
    roundTrip: roundTrip(main.index, docs),
    memory: memoryRun(docs),
    machine: { cpus: os.cpus().length, loadAverage1m: round(os.loadavg()[0], 2) },
    examples: examples(main.index, docs),
    highestDfTerms: highestDfTerms(docs),
  };
  if (process.argv.includes('--sweep')) report.sweep = sweep(docs);
  if (!process.argv.includes('--no-scale')) report.scale = scaleRun(docs, Number(arg('--scale') ?? 20_000));
  console.log(JSON.stringify(report, null, 2));
}

main();
