/**
 * Scale benchmark of the related-articles index and its persistence.
 *
 *   npm run bench:related [-- --sizes 20000,100000] [--json]
 *
 * For each size, a synthetic archive recombined from the portal corpus (scripts/relatedCorpus.ts) is
 * indexed in sync-sized batches, the way the worker does; then it reports the build rate, query latency
 * (p50/p95 over 1000 random articles), the cost of one more sync batch, and saving/loading through
 * renderer/data/relatedIndexStore.ts on fake-indexeddb (bytes stored, ms). `--json` also times the old
 * JSON form for comparison. Precision means nothing here: eval-related measures that.
 */
import 'fake-indexeddb/auto';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { RelatedIndex } from '../shared/related/relatedIndex';
import { ArchiveDb } from '../renderer/data/ArchiveDb';
import { loadRelatedIndexes, saveRelatedIndexes } from '../renderer/data/relatedIndexStore';
import { loadCorpus, percentile, round, synthesise } from './relatedCorpus';
import { mulberry32 } from './seededRandom';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const K = 5;
const BATCH = 500;

async function run(size: number, corpusPath: string) {
  const synthetic = synthesise(loadCorpus(corpusPath), size);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new RelatedIndex();
  const t0 = performance.now();
  for (let i = 0; i < synthetic.length; i += BATCH) index.add(synthetic.slice(i, i + BATCH));
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const random = mulberry32(7);
  const times: number[] = [];
  for (let n = 0; n < 1000; n++) {
    const id = synthetic[Math.floor(random() * synthetic.length)].id;
    const q0 = performance.now();
    index.similar(id, K);
    times.push(performance.now() - q0);
  }
  times.sort((a, b) => a - b);

  const t1 = performance.now();
  index.add(synthetic.slice(0, 20).map((d) => ({ ...d, id: `${d.id}-new` })));
  const addBatchOf20Ms = performance.now() - t1;

  const hashes = new Map<string, string>();
  for (const d of synthetic) hashes.set(d.id, 'h');
  for (const d of synthetic.slice(0, 20)) hashes.set(`${d.id}-new`, 'h');
  const db = new ArchiveDb(`bench-related-${size}-${Date.now()}`);
  const partitions = new Map([['portal', { index, hashes }]]);
  const s0 = performance.now();
  const manifest = await saveRelatedIndexes(db, partitions);
  const saveMs = performance.now() - s0;
  const l0 = performance.now();
  const loaded = await loadRelatedIndexes(db);
  const loadMs = performance.now() - l0;
  if (!loaded.ok) throw new Error(`load refused: ${loaded.reason} ${loaded.detail}`);
  const probe = synthetic[123].id;
  const sameAnswers = JSON.stringify(loaded.partitions.get('portal')!.index.similar(probe, K)) === JSON.stringify(index.similar(probe, K));
  db.close();
  await ArchiveDb.delete(db.name);

  let json: Record<string, number> | undefined;
  if (process.argv.includes('--json')) {
    const j0 = performance.now();
    const text = JSON.stringify(index.toJSON());
    const toJsonMs = performance.now() - j0;
    const j1 = performance.now();
    RelatedIndex.fromJSON(JSON.parse(text));
    json = { mb: round(text.length / 2 ** 20, 1), toJsonMs: round(toJsonMs, 0), fromJsonMs: round(performance.now() - j1, 0) };
  }

  return {
    articles: index.size,
    buildMs: round(buildMs, 0),
    buildArticlesPerSecond: round(size / (buildMs / 1000), 0),
    msPerQuery: { p50: round(percentile(times, 0.5), 3), p95: round(percentile(times, 0.95), 3), max: round(times[times.length - 1], 3) },
    addBatchOf20Ms: round(addBatchOf20Ms, 1),
    heapMbApprox: round(heapMb, 0),
    store: { mb: round(manifest.bytes / 2 ** 20, 1), rows: Object.keys(manifest.checksums).length + 2, saveMs: round(saveMs, 0), loadMs: round(loadMs, 0), sameAnswers },
    ...(json ? { json } : {}),
  };
}

async function main(): Promise<void> {
  const corpusPath = path.resolve(arg('--corpus') ?? '../shared/portal/corpus.jsonl');
  const sizes = (arg('--sizes') ?? '20000,100000').split(',').map(Number);
  const report: Record<string, unknown> = { machine: { cpus: os.cpus().length, loadAverage1m: round(os.loadavg()[0], 2) } };
  for (const size of sizes) {
    report[String(size)] = await run(size, corpusPath);
    // Printed as each size finishes: the largest takes minutes, and the smaller figures are useful alone.
    console.log(JSON.stringify({ [size]: report[String(size)] }, null, 2));
    gc();
  }
  console.log(JSON.stringify(report, null, 2));
}

await main();
