/**
 * Search in the real app (browser mode, Debian's Chromium, the host from dist/) with N stored articles:
 * how long the search worker takes to build and save the index from the store, how long after a reload
 * the first query is answered from the saved index, and query latency as the reader sees it (keystroke
 * to results painted, the 120 ms typing debounce included) over mixed queries. A measurement, not a test.
 *
 *   npx tsx scripts/bench-search-ui.ts [--sizes 20000,100000] [--queries 40] [--no-build] [--verbose]
 *
 * The store is filled with bench-ui's seed (plain IndexedDB, the fixture corpus read here, never bundled),
 * which bypasses the change notifications sync sends: the worker finds the articles on its startup check
 * after a reload, as it would after a page killed mid-indexing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startHost } from '../tests/e2e/fixtures/startHost';
import { foldMarks, tokenTexts } from '../shared/text/index';
import { loadCorpus, seed } from './bench-ui';
import { toTelex } from './eval-search';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('sizes') ?? '20000,100000').split(',').map(Number);
const queryCount = Number(arg('queries') ?? 40);
const verbose = process.argv.includes('--verbose');
const r1 = (x: number) => Math.round(x * 10) / 10;
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const log = (msg: string) => process.stderr.write(`[bench-search-ui] ${msg}\n`);

/** Documents the saved search index covers, read from the page's IndexedDB. */
function savedDocs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('archive-reader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('searchChunks').objectStore('searchChunks').get('manifest');
          req.onsuccess = () => {
            db.close();
            resolve(req.result ? (JSON.parse(req.result.data as string) as { docs: number }).docs : 0);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const field = (page: Page) => page.getByRole('combobox', { name: 'Tìm bài viết' });

/**
 * Types a query and returns the ms until its answer is painted, timed inside the page: from the input
 * event to the frame after the results panel stops being busy (the 120 ms typing debounce included).
 */
async function timedQuery(page: Page, query: string): Promise<number> {
  await page.keyboard.press('Control+K');
  await field(page).waitFor();
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('input[role=combobox]')!;
    const done = new Promise<void>((resolve) => {
      let sawBusy = false;
      const observer = new MutationObserver(() => {
        const busy = document.querySelector('section[aria-busy]')?.getAttribute('aria-busy');
        if (busy === 'true') sawBusy = true;
        else if (busy === 'false' && sawBusy) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    setValue.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, query);
}

function queriesFrom(titles: string[], count: number): string[] {
  let seed = 5;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: string[] = [];
  while (out.length < count) {
    const words = tokenTexts(titles[Math.floor(rnd() * titles.length)]).filter((w) => w.length > 1 && !/^\d+$/.test(w));
    if (words.length < 3) continue;
    const at = Math.floor(rnd() * (words.length - 2));
    const three = words.slice(at, at + 3);
    const kind = out.length % 5;
    if (kind === 0) out.push(three.join(' '));
    else if (kind === 1) out.push(three.map(foldMarks).join(' '));
    else if (kind === 2) out.push(`${three.slice(0, 2).join(' ')} ${three[2].slice(0, 2)}`);
    else if (kind === 3) out.push(`"${three.slice(0, 2).join(' ')}"`);
    else out.push(three.map(toTelex).join(' '));
  }
  return out;
}

async function main() {
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  const corpus = loadCorpus();
  const queries = queriesFrom(corpus.map((c) => c.title), queryCount);
  const host = await startHost();
  const out: Record<string, unknown> = { cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map(r1), queries: queryCount };
  try {
    for (const n of sizes) {
      const k = label(n);
      // A real profile on disk, as the app has: an incognito context's storage quota is a slice of RAM,
      // which 100,000 articles plus their indexes exceed.
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-bench-search-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      });
      out.chromium = context.browser()?.version() ?? 'chromium';
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('worker', (w) => w.on('close', () => log(`a worker stopped: ${w.url()}`)));
      await page.goto(host.url);
      await page.getByRole('listbox').first().waitFor();
      log(`seeding ${n} articles…`);
      await seed(page, corpus, n);
      const guide = await savedDocs(page);

      log('reload: the worker indexes what it finds…');
      const t0 = performance.now();
      await page.reload();
      await page.getByRole('listbox').first().waitFor();
      let firstAnswerWhileIndexing = -1;
      for (;;) {
        const docs = await savedDocs(page);
        if (docs >= n + guide) break;
        if (verbose) log(`saved index: ${docs} articles after ${Math.round((performance.now() - t0) / 1000)} s`);
        if (firstAnswerWhileIndexing < 0 && docs > guide) firstAnswerWhileIndexing = await timedQuery(page, queries[0]);
        await page.waitForTimeout(2000);
      }
      const buildSeconds = (performance.now() - t0) / 1000;
      log(`indexed and saved in ${Math.round(buildSeconds)} s`);

      for (const q of queries.slice(0, 5)) await timedQuery(page, q); // warm-up
      const latencies: number[] = [];
      for (const q of queries) latencies.push(await timedQuery(page, q));
      log(`typed→shown p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms`);

      const t1 = performance.now();
      await page.reload();
      await page.getByRole('listbox').first().waitFor();
      const reloadToList = performance.now() - t1;
      const firstQuery = await timedQuery(page, queries[1]);
      const reloadToAnswer = performance.now() - t1;
      log(`after reload: first answer ${Math.round(reloadToAnswer)} ms`);

      Object.assign(out, {
        [`buildAndSaveSeconds${k}`]: Math.round(buildSeconds),
        [`buildRate${k}`]: Math.round(n / buildSeconds),
        [`queryWhileIndexingMs${k}`]: r1(firstAnswerWhileIndexing),
        [`typedToShownP50Ms${k}`]: r1(percentile(latencies, 50)),
        [`typedToShownP95Ms${k}`]: r1(percentile(latencies, 95)),
        [`reloadToListMs${k}`]: r1(reloadToList),
        [`reloadToFirstAnswerMs${k}`]: r1(reloadToAnswer),
        [`firstQueryAfterReloadMs${k}`]: r1(firstQuery),
        [`pageErrors${k}`]: errors,
      });
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    await host.stop();
  }
  out.loadAverageAtEnd = os.loadavg().map(r1);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();
