/**
 * Extraction benchmark: every live article page of the fixture portal through extractArticle (decode,
 * parse, metadata, Readability, DOMPurify) on this thread, several rounds. Reports CPU and wall ms per
 * page for the best and median round, so a change to the extractor can be measured without the sync's
 * network, worker hand-off and storage around it (`npm run bench:sync` measures those).
 *
 *   npx tsx scripts/bench-extract.ts [--articles 300] [--rounds 5] [--dump results.json]
 *
 * `--dump` writes every page's ExtractedArticle (or error) as JSON, to compare two versions of the
 * extractor result for result. Prints one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { extractArticle, type ExtractInput } from '../main/extract/extractArticle';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ARTICLES = Number(arg('articles') ?? 300);
const ROUNDS = Number(arg('rounds') ?? 5);
const DUMP = arg('dump');

interface Portal {
  url: string;
  truth(): { articles: { url: string }[] };
  close(): Promise<void>;
}

async function fetchInputs(portal: Portal): Promise<ExtractInput[]> {
  const urls = portal.truth().articles.map((a) => portal.url + a.url);
  const inputs: ExtractInput[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    inputs.push({ url, finalUrl: res.url, contentType: res.headers.get('content-type') ?? '', body: new Uint8Array(await res.arrayBuffer()) });
  }
  return inputs;
}

function runOnce(inputs: ExtractInput[], results?: unknown[]): Promise<{ cpuMs: number; wallMs: number }> {
  return new Promise((resolve) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let i = 0;
    const step = (): void => {
      if (i === inputs.length) {
        const cpu = process.cpuUsage(cpu0);
        resolve({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0 });
        return;
      }
      const input = inputs[i++];
      let out: unknown;
      try {
        out = extractArticle(input);
      } catch (err) {
        out = { error: String(err) };
      }
      results?.push(out);
      // A sync awaits the network between pages; a turn of the event loop lets V8 drop WeakRef targets.
      setImmediate(step);
    };
    step();
  });
}

const mod = (await import(pathToFileURL(path.resolve(root, '../shared/portal/serve.mjs')).href)) as {
  startPortal(o: { articles: number }): Promise<Portal>;
};
const portal = await mod.startPortal({ articles: ARTICLES });
let inputs: ExtractInput[];
try {
  inputs = await fetchInputs(portal);
} finally {
  await portal.close();
}

const results: unknown[] = [];
await runOnce(inputs, results); // warm-up: JIT, the shared window, DOMPurify
if (DUMP) fs.writeFileSync(DUMP, JSON.stringify(results.map((r) => JSON.parse(JSON.stringify(r).replaceAll(portal.url, 'PORTAL')))));

const rounds: { cpuMs: number; wallMs: number }[] = [];
for (let r = 0; r < ROUNDS; r++) rounds.push(await runOnce(inputs));
const perPage = (ms: number): number => Math.round((ms / inputs.length) * 100) / 100;
const byCpu = [...rounds].sort((a, b) => a.cpuMs - b.cpuMs);
console.log(JSON.stringify({
  pages: inputs.length,
  rounds: ROUNDS,
  cpuMsPerPage: { best: perPage(byCpu[0].cpuMs), median: perPage(byCpu[Math.floor(ROUNDS / 2)].cpuMs) },
  wallMsPerPage: { best: perPage(Math.min(...rounds.map((r) => r.wallMs))) },
  machine: { node: process.version, cpus: os.availableParallelism() },
}, null, 2));
