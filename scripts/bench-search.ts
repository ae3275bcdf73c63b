/**
 * Search benchmark at 10,000 and 100,000 articles from the fixture portal (which recombines its
 * 1,619-article corpus past that size): build rate, persisted size, load (importChunks) versus
 * rebuild, query latency over mixed query kinds, memory; plain MiniSearch and FlexSearch over
 * the same documents as peers.
 *
 *   node --expose-gc --max-old-space-size=12000 --import tsx scripts/bench-search.ts \
 *        [--sizes 10000,100000] [--queries 300] [--peer-queries 100]
 *        [--minisearch-cap 20000] [--flexsearch-cap 100000] [--no-peers]
 *
 * MiniSearch is capped by default: at 10,000 articles it already takes ~16 s of CPU to build
 * and ~0.2 s a query at p95, so 100,000 (≈4.5 GB, ≈1.2 s a query) would take most of the run.
 * The cap is reported next to its numbers (`minisearchDocs100k`).
 *
 * Latency is reported as wall time and as process CPU time per query: on a shared 2-core
 * machine wall time includes waiting for the CPU, CPU time does not.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { foldMarks, tokenTexts } from '../shared/text/index';
import { SearchEngine, type SearchDoc } from '../shared/search/index';
import { toTelex } from './eval-search';
import { mulberry32 } from './seededRandom';

interface PortalArticle {
  id: number;
  title: string;
  lead: string;
  paragraphs: string[];
  author: string;
  images: Array<{ caption: string }>;
  category: string;
  publishedAt: string;
}
interface PortalModule {
  loadCorpus(file?: string): unknown[];
  buildArticles(opts: { corpus: unknown[]; n: number; seed?: number }): PortalArticle[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function memory(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function cpuMs(since?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  return { value, wallMs: performance.now() - t0, cpuMs: cpuMs(c0) };
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;


/** Mixed kinds, as in the quality evaluation, from titles of randomly chosen articles. */
function benchQueries(docs: SearchDoc[], count: number): string[] {
  const rnd = mulberry32(11);
  const kinds = ['toned', 'untoned', 'partial', 'phrase', 'telex', 'one-word'] as const;
  const out: string[] = [];
  while (out.length < count) {
    const d = docs[Math.floor(rnd() * docs.length)];
    const words = tokenTexts(d.title).filter((w) => w.length > 1 && !/^\d+$/.test(w));
    if (words.length < 3) continue;
    const at = Math.floor(rnd() * (words.length - 2));
    const three = words.slice(at, at + 3);
    const kind = kinds[out.length % kinds.length];
    if (kind === 'toned') out.push(three.join(' '));
    else if (kind === 'untoned') out.push(three.map(foldMarks).join(' '));
    else if (kind === 'partial') out.push(`${three.slice(0, 2).join(' ')} ${three[2].slice(0, 2)}`);
    else if (kind === 'phrase') out.push(`"${three.slice(0, 2).join(' ')}"`);
    else if (kind === 'telex') out.push(three.map(toTelex).join(' '));
    else out.push(three[0]);
  }
  return out;
}

interface Latency {
  p50Ms: number;
  p95Ms: number;
  p50CpuMs: number;
  p95CpuMs: number;
}

function measureQueries(queries: string[], run: (q: string) => unknown): Latency {
  for (const q of queries.slice(0, 20)) run(q); // warm-up: JIT, lazily built tables
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const t = timed(() => run(q));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  return { p50Ms: r3(percentile(wall, 50)), p95Ms: r3(percentile(wall, 95)), p50CpuMs: r3(percentile(cpu, 50)), p95CpuMs: r3(percentile(cpu, 95)) };
}

function toSearchDoc(a: PortalArticle): SearchDoc {
  return {
    id: String(a.id), title: a.title, lead: a.lead, text: a.paragraphs.join('\n'), author: a.author,
    captions: a.images.map((i) => i.caption), category: a.category, sourceId: 'fixture', publishedAt: a.publishedAt,
    contentHash: String(a.id),
  };
}

const FIELDS = ['title', 'lead', 'text', 'author', 'captions', 'category'];
type PlainDoc = Record<'id' | 'title' | 'lead' | 'text' | 'author' | 'captions' | 'category', string>;
const plain = (d: SearchDoc): PlainDoc => ({
  id: d.id, title: d.title, lead: d.lead, text: d.text, author: d.author,
  captions: typeof d.captions === 'string' ? d.captions : d.captions.join('\n'), category: d.category,
});

function buildAndExport(docs: SearchDoc[], queries: string[]) {
  const before = memory();
  const build = timed(() => {
    const e = new SearchEngine();
    e.add(docs);
    e.stats(); // seals the last buffered documents
    return e;
  });
  const engine = build.value;
  const heapBytes = memory() - before;
  const latency = measureQueries(queries, (q) => engine.search(q, { limit: 20 }));
  const exported = timed(() => engine.exportChunks());
  return { build, heapBytes, latency, exported, stats: engine.stats(), fingerprint: engine.fingerprint() };
}

function benchEngine(docs: SearchDoc[], queries: string[]) {
  // Built in a separate scope so that the engine is garbage once its chunks are exported:
  // loading then measures "after restart", with only the persisted chunks left.
  const { build, heapBytes, latency, exported, stats, fingerprint } = buildAndExport(docs, queries);
  const chunks = exported.value;
  const persistedBytes = chunks.reduce((s, c) => s + c.data.byteLength, 0);
  const beforeLoad = memory();
  const load = timed(() => SearchEngine.importChunks(chunks));
  const loaded = load.value;
  const loadedHeapBytes = memory() - beforeLoad;
  const loadedLatency = measureQueries(queries, (q) => loaded.search(q, { limit: 20 }));
  if (loaded.fingerprint() !== fingerprint) throw new Error('fingerprint changed across export/import');
  // The same through text chunks, for a store whose rows hold strings.
  const textExport = timed(() => loaded.exportChunks({ encoding: 'base64' }));
  const textLoad = timed(() => SearchEngine.importChunks(textExport.value));
  if (textLoad.value.fingerprint() !== fingerprint) throw new Error('fingerprint changed across base64 export/import');
  return {
    buildMs: Math.round(build.wallMs),
    buildCpuMs: Math.round(build.cpuMs),
    buildRate: Math.round(docs.length / (build.wallMs / 1000)),
    buildRateCpu: Math.round(docs.length / (build.cpuMs / 1000)),
    heapMb: r1(heapBytes / 1e6),
    loadedHeapMb: r1(Math.max(0, loadedHeapBytes) / 1e6),
    persistedBytes,
    exportMs: Math.round(exported.wallMs),
    loadMs: Math.round(load.wallMs),
    loadCpuMs: Math.round(load.cpuMs),
    loadVsRebuild: r3(load.wallMs / build.wallMs),
    loadVsRebuildCpu: r3(load.cpuMs / build.cpuMs),
    base64ExportMs: Math.round(textExport.wallMs),
    base64LoadMs: Math.round(textLoad.wallMs),
    base64LoadVsRebuild: r3(textLoad.wallMs / build.wallMs),
    ...latency,
    afterLoad: loadedLatency,
    segments: stats.segments,
    postings: stats.postings,
    terms: stats.terms,
  };
}

function benchMiniSearch(docs: PlainDoc[], queries: string[]) {
  const before = memory();
  const build = timed(() => {
    const ms = new MiniSearch<PlainDoc>({ fields: FIELDS, idField: 'id' });
    ms.addAll(docs);
    return ms;
  });
  const heapBytes = memory() - before;
  const ms = build.value;
  // Same semantics as the engine: all words required, the last one a prefix, title boosted.
  const latency = measureQueries(queries, (q) => ms.search(q, {
    combineWith: 'AND', boost: { title: 2 }, prefix: (_t: string, i: number, all: string[]) => i === all.length - 1,
  }).slice(0, 20));
  return { documents: docs.length, buildMs: Math.round(build.wallMs), buildCpuMs: Math.round(build.cpuMs), heapMb: r1(heapBytes / 1e6), ...latency };
}

function benchFlexSearch(docs: PlainDoc[], queries: string[]) {
  const before = memory();
  const build = timed(() => {
    const index = new FlexSearch.Document({ document: { id: 'id', index: FIELDS } });
    for (const d of docs) index.add(d);
    return index;
  });
  const heapBytes = memory() - before;
  const index = build.value;
  const latency = measureQueries(queries, (q) => index.search(q, { limit: 20 }));
  return { documents: docs.length, buildMs: Math.round(build.wallMs), buildCpuMs: Math.round(build.cpuMs), heapMb: r1(heapBytes / 1e6), ...latency };
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '10000,100000').split(',').map(Number);
  const queryCount = Number(arg('queries') ?? 300);
  const peerQueryCount = Number(arg('peer-queries') ?? 100);
  const miniCap = Number(arg('minisearch-cap') ?? 20_000);
  const flexCap = Number(arg('flexsearch-cap') ?? 100_000);
  const peers = !process.argv.includes('--no-peers');
  const portalFile = path.resolve('../shared/portal/serve.mjs');
  const portal = (await import(pathToFileURL(portalFile).href)) as PortalModule;
  const corpus = portal.loadCorpus();
  const started = performance.now();
  const bySize: Record<string, unknown> = {};
  const summary: Record<string, number | string | null> = {};

  for (const n of sizes) {
    const docs = portal.buildArticles({ corpus, n }).map(toSearchDoc);
    const queries = benchQueries(docs, queryCount);
    const engine = benchEngine(docs, queries);
    const entry: Record<string, unknown> = { engine };
    if (peers) {
      // Peers get the same queries (a prefix of the list) over the same documents, up to a cap.
      const peerQueries = queries.slice(0, peerQueryCount);
      const capped = (cap: number, name: string) => {
        const m = Math.min(n, cap);
        return { docs: docs.slice(0, m).map(plain), note: m < n ? `indexed the first ${m} of ${n} articles (--${name}-cap)` : undefined };
      };
      const mini = capped(miniCap, 'minisearch');
      entry.minisearch = { ...benchMiniSearch(mini.docs, peerQueries), queries: peerQueries.length, note: mini.note };
      mini.docs = [];
      gc();
      const flex = capped(flexCap, 'flexsearch');
      entry.flexsearch = { ...benchFlexSearch(flex.docs, peerQueries), queries: peerQueries.length, note: flex.note };
      flex.docs = [];
      gc();
    }
    bySize[String(n)] = entry;
    const k = n >= 1000 ? `${n / 1000}k` : String(n);
    summary[`p95Ms${k}`] = engine.p95Ms;
    summary[`p95CpuMs${k}`] = engine.p95CpuMs;
    summary[`p50Ms${k}`] = engine.p50Ms;
    summary[`loadVsRebuild${k}`] = engine.loadVsRebuild;
    summary[`buildRate${k}`] = engine.buildRate;
    summary[`heapMb${k}`] = engine.heapMb;
    summary[`persistedBytes${k}`] = engine.persistedBytes;
    summary[`minisearchP95Ms${k}`] = peers ? (entry.minisearch as Latency).p95Ms : null;
    summary[`minisearchDocs${k}`] = peers ? Math.min(n, miniCap) : null;
    summary[`flexsearchP95Ms${k}`] = peers ? (entry.flexsearch as Latency).p95Ms : null;
    summary[`flexsearchDocs${k}`] = peers ? Math.min(n, flexCap) : null;
    process.stderr.write(`${n}: ${JSON.stringify(entry)}\n`);
  }
  console.log(JSON.stringify({
    ...summary, node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map(r1), queries: queryCount,
    totalSeconds: Math.round((performance.now() - started) / 1000), bySize,
  }, null, 2));
}

await main();
