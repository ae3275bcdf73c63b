/**
 * Search quality on the fixture corpus: queries are derived from each article's title and
 * the article itself is the one relevant answer. Reports recall@10 and MRR@10 per query kind,
 * for the engine and for the same engine with diacritic folding off (the baseline).
 *
 *   npx tsx scripts/eval-search.ts [--corpus ../shared/portal/corpus.jsonl] [--limit N]
 *
 * The corpus is test data only and is read in place, never copied into the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { foldMarks, tokenTexts } from '../shared/text/index';
import { SearchEngine, type SearchDoc } from '../shared/search/index';
import { mulberry32 } from './seededRandom';

type Kind = 'toned' | 'untoned' | 'partial' | 'phrase' | 'telex';
const KINDS: Kind[] = ['toned', 'untoned', 'partial', 'phrase', 'telex'];

interface EvalQuery {
  kind: Kind;
  text: string;
  answer: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}


const TELEX_VOWEL: Record<string, string> = { 'â': 'aa', 'ă': 'aw', 'ê': 'ee', 'ô': 'oo', 'ơ': 'ow', 'ư': 'uw', 'đ': 'dd' };
const TELEX_TONE: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };

/** How a reader without a Vietnamese keyboard types the word: `đường` → `dduwowngf`. */
export function toTelex(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word.toLowerCase().normalize('NFD').replace(/[\u0302\u0306\u031b]/g, (m) => m)) {
    if (TELEX_TONE[ch]) tone = TELEX_TONE[ch];
    else out += ch;
  }
  // Recompose vowel marks (â, ơ…) then spell them as Telex letters.
  out = [...out.normalize('NFC')].map((c) => TELEX_VOWEL[c] ?? c).join('');
  return out + tone;
}

export function loadDocs(file: string): SearchDoc[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line, i) => {
    const r = JSON.parse(line) as { title: string; category: string; body: string };
    const paras = r.body.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    return {
      id: String(i), title: r.title, lead: paras[0] ?? '', text: paras.slice(1).join('\n'), author: '', captions: [],
      category: r.category, sourceId: 'fixture', publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    };
  });
}

function pickWords(words: string[], n: number, rnd: () => number): string[] {
  if (words.length <= n) return words;
  const idx = new Set<number>();
  while (idx.size < n) idx.add(Math.floor(rnd() * words.length));
  return [...idx].sort((a, b) => a - b).map((i) => words[i]);
}

export function deriveQueries(docs: SearchDoc[], seed = 7): EvalQuery[] {
  const rnd = mulberry32(seed);
  const out: EvalQuery[] = [];
  for (const d of docs) {
    // Numbers and one-letter tokens make poor query words; real readers type words.
    const words = tokenTexts(d.title.normalize('NFC')).filter((w) => w.length > 1 && !/^\d+$/.test(w));
    if (words.length < 2) continue;
    const subset = pickWords(words, 3, rnd);
    out.push({ kind: 'toned', text: subset.join(' '), answer: d.id });
    out.push({ kind: 'untoned', text: subset.map(foldMarks).join(' '), answer: d.id });
    const last = subset[subset.length - 1];
    const cut = Math.max(1, Math.min(last.length - 1, 2 + Math.floor(rnd() * Math.max(1, last.length - 2))));
    out.push({ kind: 'partial', text: [...subset.slice(0, -1), last.slice(0, cut)].join(' '), answer: d.id });
    const n = words.length >= 3 && rnd() < 0.5 ? 3 : 2;
    const at = Math.floor(rnd() * (words.length - n + 1));
    out.push({ kind: 'phrase', text: `"${words.slice(at, at + n).join(' ')}"`, answer: d.id });
    out.push({ kind: 'telex', text: subset.map(toTelex).join(' '), answer: d.id });
  }
  return out;
}

interface Scores {
  queries: number;
  recallAt10: number;
  mrr: number;
}

function evaluate(engine: SearchEngine, queries: EvalQuery[]): { overall: Scores; perKind: Record<Kind, Scores> } {
  const acc = new Map<Kind | 'all', { n: number; hit: number; rr: number }>();
  for (const k of [...KINDS, 'all' as const]) acc.set(k, { n: 0, hit: 0, rr: 0 });
  for (const q of queries) {
    // Only the partial kind is "still typing"; the others are submitted queries.
    const { hits } = engine.search(q.text, { limit: 10, prefix: q.kind === 'partial' });
    const rank = hits.findIndex((h) => h.id === q.answer);
    for (const k of [q.kind, 'all' as const]) {
      const a = acc.get(k)!;
      a.n++;
      if (rank >= 0) {
        a.hit++;
        a.rr += 1 / (rank + 1);
      }
    }
  }
  const score = (k: Kind | 'all'): Scores => {
    const a = acc.get(k)!;
    return { queries: a.n, recallAt10: round(a.hit / a.n), mrr: round(a.rr / a.n) };
  };
  const perKind = Object.fromEntries(KINDS.map((k) => [k, score(k)])) as Record<Kind, Scores>;
  return { overall: score('all'), perKind };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function main(): void {
  const file = path.resolve(arg('corpus') ?? '../shared/portal/corpus.jsonl');
  let docs = loadDocs(file);
  const limit = Number(arg('limit') ?? 0);
  if (limit > 0) docs = docs.slice(0, limit);
  const queries = deriveQueries(docs);

  const t0 = performance.now();
  const engine = new SearchEngine();
  engine.add(docs);
  const buildMs = performance.now() - t0;
  const baselineEngine = new SearchEngine({ foldMarks: false });
  baselineEngine.add(docs);

  const t1 = performance.now();
  const main = evaluate(engine, queries);
  const queryMs = (performance.now() - t1) / queries.length;
  const baseline = evaluate(baselineEngine, queries);

  console.log(JSON.stringify({
    corpus: file,
    documents: docs.length,
    queries: queries.length,
    recallAt10: main.overall.recallAt10,
    mrr: main.overall.mrr,
    perKind: main.perKind,
    baseline: { recallAt10: baseline.overall.recallAt10, mrr: baseline.overall.mrr, perKind: baseline.perKind, foldMarks: false },
    examples: Object.fromEntries(KINDS.map((k) => [k, queries.find((q) => q.kind === k)?.text])),
    buildMs: Math.round(buildMs),
    meanQueryMs: Math.round(queryMs * 1000) / 1000,
  }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
