/**
 * Search in the real app (browser mode, Debian's Chromium, the host from dist/) with N stored articles:
 *
 * - how long the UI thread is blocked while the search worker builds and saves the index (longest task
 *   from the 'longtask' observer, tasks over 50 ms, and the longest gap of a setTimeout and of a
 *   requestAnimationFrame heartbeat), recorded from page load until the worker reports the index ready
 *   and it is saved; long animation frames with a long task are attributed to the script that ran longest
 *   in them; a Chrome trace of the same time gives the longest task's CPU time, which a busy machine does
 *   not inflate;
 * - the same over the same time with the search worker replaced by an inert stub (a baseline run in the
 *   same browser and store): what loading N articles into the list and the related-articles worker
 *   cost without indexing;
 * - the index build time in the browser, the time from a reload to search ready when the saved index is
 *   loaded (against the rebuild), and query latency as the reader sees it (keystroke to results painted,
 *   the 120 ms typing debounce included) over mixed queries.
 *
 * A measurement, not a test. Prints one JSON object.
 *
 *   npm run bench:search-ui [-- --sizes 20000,100000] [--queries 40] [--no-build] [--no-related]
 *                           [--baseline-seconds 240] [--verbose]
 *
 * --no-related stubs the related-articles worker in every run too, to tell its share apart.
 *
 * The store is filled with bench-ui's seed (plain IndexedDB, the fixture corpus read here, never bundled),
 * which bypasses the change notifications sync sends: the worker finds the articles on its startup check
 * after a reload, as it would after a page killed mid-indexing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startHost } from '../tests/e2e/fixtures/startHost';
import { foldMarks, tokenTexts } from '../shared/text/index';
import { loadCorpus, seed, type TraceEvent } from './bench-ui';
import { toTelex } from './eval-search';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('sizes') ?? '20000,100000').split(',').map(Number);
const queryCount = Number(arg('queries') ?? 40);
const verbose = process.argv.includes('--verbose');
const noRelated = process.argv.includes('--no-related');
/** The baseline watches the page as long as indexing took, up to this. */
const baselineCapSeconds = Number(arg('baseline-seconds') ?? 240);
const r1 = (x: number) => Math.round(x * 10) / 10;
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const log = (msg: string) => process.stderr.write(`[bench-search-ui] ${msg}\n`);

// ------------------------------------------------------------------ the probe inside the page

interface Span {
  start: number;
  duration: number;
}

interface Loaf extends Span {
  scripts: { invoker: string; source: string; duration: number }[];
}

interface StatusEntry {
  at: number;
  phase: string;
  indexed: number;
  pending: number;
  error: string | null;
}

interface Probe {
  longTasks: Span[];
  loafs: Loaf[];
  timerGaps: Span[];
  frameGaps: Span[];
  status: StatusEntry[];
  messages: Record<string, number>;
  stubbed: string[];
}

/**
 * Added as an init script, so it runs on every load before the app's own scripts. Workers named in
 * sessionStorage 'bench-stub-workers' are replaced by an inert object (never answers), which is how the
 * baseline runs without the search worker and the app's code stays as shipped.
 */
function installProbe(): void {
  const stub = new Set<string>(JSON.parse(sessionStorage.getItem('bench-stub-workers') ?? '[]') as string[]);
  const probe: Probe = { longTasks: [], loafs: [], timerGaps: [], frameGaps: [], status: [], messages: {}, stubbed: [...stub] };
  (globalThis as unknown as { __benchProbe: Probe }).__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      type Entry = { startTime: number; duration: number; blockingDuration: number; scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[] };
      for (const e of list.getEntries() as unknown as Entry[]) {
        // Frames that were only late (the thread waited for a core, or a frame was skipped) block nothing.
        if (e.duration <= 50 || e.blockingDuration <= 0) continue;
        probe.loafs.push({
          start: e.startTime,
          duration: e.duration,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            source: `${s.sourceFunctionName || '?'}@${s.sourceURL.replace(/^.*\//, '')}`,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No long-animation-frame entries in this browser: the rest still measures.
  }
  const TIMER_MS = 10;
  let lastTimer = performance.now();
  const timer = () => {
    const now = performance.now();
    if (now - lastTimer > 50 + TIMER_MS) probe.timerGaps.push({ start: lastTimer, duration: now - lastTimer });
    lastTimer = now;
    setTimeout(timer, TIMER_MS);
  };
  setTimeout(timer, TIMER_MS);
  let lastFrame = 0;
  const frame = (now: number) => {
    if (lastFrame && now - lastFrame > 50) probe.frameGaps.push({ start: lastFrame, duration: now - lastFrame });
    lastFrame = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const Native = globalThis.Worker;
  function BenchWorker(url: string | URL, options?: WorkerOptions): Worker {
    const name = options?.name ?? '';
    if (stub.has(name)) {
      const inert = new EventTarget() as Worker;
      Object.assign(inert, { postMessage() {}, terminate() {} });
      return inert;
    }
    const worker = new Native(url, options);
    worker.addEventListener('message', (e: MessageEvent) => {
      probe.messages[name] = (probe.messages[name] ?? 0) + 1;
      const data = e.data as { type?: string; status?: { phase: string; indexed: number; pending: number; error: { code: string } | null } };
      if (name === 'search' && data?.type === 'status' && data.status) {
        const s = data.status;
        probe.status.push({ at: performance.now(), phase: s.phase, indexed: s.indexed, pending: s.pending, error: s.error?.code ?? null });
      }
    });
    return worker;
  }
  globalThis.Worker = BenchWorker as unknown as typeof Worker;
}

const readProbe = (page: Page) => page.evaluate(() => (globalThis as unknown as { __benchProbe: Probe }).__benchProbe);

async function reloadWith(page: Page, stubbed: string[]): Promise<void> {
  await page.evaluate((s) => sessionStorage.setItem('bench-stub-workers', JSON.stringify(s)), stubbed);
  await page.reload();
  await page.getByRole('listbox').first().waitFor();
}

interface Blocking {
  longestTaskMs: number;
  tasksOver50: number;
  longestTimerGapMs: number;
  longestFrameGapMs: number;
  /** Time in long animation frames over 50 ms, by what ran in them (invoker → [frames, longest ms, total ms]). */
  loafsBy: Record<string, [number, number, number]>;
}

/** What blocked the UI thread in [0, until) of the page's clock, leaving out the `skip` windows (our own queries). */
function blockingOf(probe: Probe, until: number, skip: [number, number][] = []): Blocking {
  const inside = (s: Span) => s.start < until && !skip.some(([a, b]) => s.start + s.duration > a && s.start < b);
  const tasks = probe.longTasks.filter(inside);
  const loafsBy: Record<string, [number, number, number]> = {};
  for (const l of probe.loafs.filter(inside)) {
    const main = [...l.scripts].sort((a, b) => b.duration - a.duration)[0];
    const key = main ? `${main.invoker} (${main.source})` : 'rendering/other';
    const e = (loafsBy[key] ??= [0, 0, 0]);
    e[0]++;
    e[1] = Math.max(e[1], r1(l.duration));
    e[2] = r1(e[2] + l.duration);
  }
  const longest = (spans: Span[]) => r1(Math.max(0, ...spans.filter(inside).map((s) => s.duration)));
  return {
    longestTaskMs: longest(tasks),
    tasksOver50: tasks.length,
    longestTimerGapMs: longest(probe.timerGaps),
    longestFrameGapMs: longest(probe.frameGaps),
    loafsBy,
  };
}


interface TracedTasks {
  /** The renderer main thread's longest task, in CPU time (not counting waits for a core on a busy machine). */
  longestCpuMs: number;
  longestWallMs: number;
  over50Cpu: number;
  over50Wall: number;
  /** The tasks over 50 ms of CPU (and the longest by wall time): when, and what ran in them for over 5 ms. */
  detail: { atSeconds: number; cpuMs: number; wallMs: number; inside: string[] }[];
}

/**
 * Traces the renderer main thread's top-level tasks from now until stop(): wall time as the longtask
 * observer sees it, and thread CPU time, which tells a task that computes for long from one that waited
 * for a CPU on this shared machine. Only events over 5 ms are kept, so a run of minutes stays small.
 */
async function traceMainThread(cdp: CDPSession): Promise<{ stop(): Promise<TracedTasks> }> {
  const events: TraceEvent[] = [];
  // The CDP event names are not in Playwright's typed overloads.
  const session = cdp as unknown as { on(e: string, f: (d: { value: TraceEvent[] }) => void): void; off(e: string, f: (d: { value: TraceEvent[] }) => void): void; once(e: string, f: () => void): void };
  let first = Infinity;
  const collect = (d: { value: TraceEvent[] }) => {
    for (const e of d.value) {
      if (e.ph === 'X' && e.ts < first) first = e.ts;
      if (e.ph === 'M' || (e.ph === 'X' && (e.dur ?? 0) > 5000)) events.push(e);
    }
  };
  session.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      session.off('Tracing.dataCollected', collect);
      const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
      const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
      const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
      const cpuOf = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
      const wallOf = (e: TraceEvent) => (e.dur ?? 0) / 1000;
      const describe = (e: TraceEvent) => {
        const d = e.args?.data;
        const what = d?.functionName || d?.type || (d?.url ? d.url.replace(/^.*\//, '') : '');
        return `${e.name}${what ? ` ${what}` : ''} ${r1(wallOf(e))}/${r1(cpuOf(e))} ms`;
      };
      const longestWall = [...tasks].sort((a, b) => wallOf(b) - wallOf(a))[0];
      const notable = tasks.filter((t) => cpuOf(t) > 50 || t === longestWall).sort((a, b) => cpuOf(b) - cpuOf(a)).slice(0, 8);
      return {
        longestCpuMs: r1(Math.max(0, ...tasks.map(cpuOf))),
        longestWallMs: r1(Math.max(0, ...tasks.map(wallOf))),
        over50Cpu: tasks.filter((t) => cpuOf(t) > 50).length,
        over50Wall: tasks.filter((t) => wallOf(t) > 50).length,
        detail: notable.map((t) => ({
          atSeconds: r1((t.ts - first) / 1e6),
          cpuMs: r1(cpuOf(t)),
          wallMs: r1(wallOf(t)),
          inside: onMain
            .filter((e) => e !== t && e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0))
            .slice(0, 12)
            .map(describe),
        })),
      };
    },
  };
}

// ------------------------------------------------------------------ search from the UI

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
            const data = req.result?.data as string | Uint8Array | undefined;
            const text = typeof data === 'string' ? data : data ? new TextDecoder().decode(data) : '';
            resolve(text ? (JSON.parse(text) as { docs: number }).docs : 0);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const field = (page: Page) => page.getByRole('combobox', { name: 'Tìm bài viết' });

/**
 * Types a query and returns the ms until its answer is painted, timed inside the page: from the input
 * event to the frame after the results panel stops being busy (the 120 ms typing debounce included),
 * with the page-clock window it took.
 */
async function timedQuery(page: Page, query: string): Promise<{ ms: number; window: [number, number] }> {
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
    const t1 = performance.now();
    return { ms: t1 - t0, window: [t0, t1] as [number, number] };
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

/** The page-clock time of the first status report after which the index holds `docs` with nothing pending. */
function readyAt(probe: Probe, docs: number): number {
  return probe.status.find((s) => s.phase === 'ready' && s.pending === 0 && s.indexed >= docs)?.at ?? -1;
}

async function main() {
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  const corpus = loadCorpus();
  const queries = queriesFrom(corpus.map((c) => c.title), queryCount);
  const host = await startHost();
  const out: Record<string, unknown> = { cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map(r1), queries: queryCount, relatedWorker: !noRelated };
  const always = noRelated ? ['related-articles'] : [];
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
      await context.addInitScript(installProbe);
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      // The workers' own progress lines (load, reconcile, save times) show where start-up time goes.
      const watchStart = Date.now();
      page.on('worker', (w) => {
        w.on('close', () => verbose && log(`a worker stopped: ${w.url()}`));
        w.on('console', (m) => verbose && log(`  [worker +${((Date.now() - watchStart) / 1000).toFixed(1)} s] ${m.text()}`));
      });
      await page.goto(host.url);
      await page.getByRole('listbox').first().waitFor();
      log(`${k}: seeding…`);
      await seed(page, corpus, n);
      // The built-in guide, indexed on the first start.
      const guide = await savedDocs(page);
      const docs = n + guide;

      // ---- the index built from scratch after a reload, the UI thread watched throughout
      log(`${k}: reload, the worker indexes what it finds…`);
      const cdp = await context.newCDPSession(page);
      let trace = await traceMainThread(cdp);
      const t0 = performance.now();
      await reloadWith(page, always);
      let savedAt = -1;
      for (;;) {
        const probe = await readProbe(page);
        if (readyAt(probe, docs) >= 0 && (await savedDocs(page)) >= docs) {
          savedAt = await page.evaluate(() => performance.now());
          break;
        }
        const last = probe.status.at(-1);
        if (verbose && last) log(`${k}: ${last.phase}, ${last.indexed} indexed, ${last.pending} pending after ${Math.round((performance.now() - t0) / 1000)} s`);
        if (performance.now() - t0 > 20 * 60_000) throw new Error(`${k}: the index was not ready and saved after 20 minutes`);
        await page.waitForTimeout(1000);
      }
      const indexingCpu = await trace.stop();
      const built = await readProbe(page);
      const indexing = blockingOf(built, savedAt);
      const firstIndexing = built.status.find((s) => s.phase === 'indexing')?.at ?? 0;
      const buildSeconds = (readyAt(built, docs) - firstIndexing) / 1000;
      log(`${k}: indexed in ${r1(buildSeconds)} s, saved ${r1(savedAt / 1000)} s after the reload; longest task ${indexing.longestTaskMs} ms, ${indexing.tasksOver50} over 50 ms`);

      // ---- query latency once ready
      for (const q of queries.slice(0, 5)) await timedQuery(page, q); // warm-up
      const latencies: number[] = [];
      for (const q of queries) latencies.push((await timedQuery(page, q)).ms);
      log(`${k}: typed→painted p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms`);

      // ---- a reload with the saved index
      await reloadWith(page, always);
      const firstAnswer = await timedQuery(page, queries[1]);
      for (let tries = 0; readyAt(await readProbe(page), docs) < 0; tries++) {
        if (tries > 600) throw new Error(`${k}: the saved index did not load`);
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(2000);
      const loaded = await readProbe(page);
      const loadedReady = readyAt(loaded, docs);
      // Queries are answered once the saved index is in memory; the startup check goes on meanwhile.
      const answering = loaded.status.find((st) => st.phase !== 'loading')?.at ?? -1;
      const loading = blockingOf(loaded, loadedReady + 2000, [firstAnswer.window]);
      log(`${k}: after a reload, search ready at ${Math.round(answering)} ms, startup check done at ${Math.round(loadedReady)} ms, first answer painted at ${Math.round(firstAnswer.window[1])} ms`);

      // ---- the baseline: the same page over the same time without the search worker
      const baselineMs = Math.min(savedAt, baselineCapSeconds * 1000);
      log(`${k}: baseline, search worker stubbed, for ${Math.round(baselineMs / 1000)} s…`);
      trace = await traceMainThread(cdp);
      await reloadWith(page, [...always, 'search']);
      const since = await page.evaluate(() => performance.now());
      await page.waitForTimeout(Math.max(0, baselineMs - since));
      const base = await readProbe(page);
      const baselineCpu = await trace.stop();
      const baseline = blockingOf(base, baselineMs);
      log(`${k}: baseline longest task ${baseline.longestTaskMs} ms, ${baseline.tasksOver50} over 50 ms`);
      if (verbose) log(JSON.stringify({ indexing: indexingCpu, baseline: baselineCpu, indexingFrames: indexing.loafsBy, baselineFrames: baseline.loafsBy }, null, 1));

      Object.assign(out, {
        [`uiLongestTaskMsDuringIndexing${k}`]: indexing.longestTaskMs,
        [`uiTasksOver50MsDuringIndexing${k}`]: indexing.tasksOver50,
        [`uiLongestTimerGapMsDuringIndexing${k}`]: indexing.longestTimerGapMs,
        [`uiLongestFrameGapMsDuringIndexing${k}`]: indexing.longestFrameGapMs,
        [`uiLongFramesDuringIndexing${k}`]: indexing.loafsBy,
        [`uiLongestTaskCpuMsDuringIndexing${k}`]: indexingCpu.longestCpuMs,
        [`uiTasksOver50MsCpuDuringIndexing${k}`]: indexingCpu.over50Cpu,
        [`uiLongestTaskWallMsTracedDuringIndexing${k}`]: indexingCpu.longestWallMs,
        [`uiLongTasksTracedDuringIndexing${k}`]: indexingCpu.detail,
        [`baselineLongestTaskMs${k}`]: baseline.longestTaskMs,
        [`baselineTasksOver50Ms${k}`]: baseline.tasksOver50,
        [`baselineLongestTimerGapMs${k}`]: baseline.longestTimerGapMs,
        [`baselineLongestFrameGapMs${k}`]: baseline.longestFrameGapMs,
        [`baselineLongFrames${k}`]: baseline.loafsBy,
        [`baselineLongestTaskCpuMs${k}`]: baselineCpu.longestCpuMs,
        [`baselineTasksOver50MsCpu${k}`]: baselineCpu.over50Cpu,
        [`baselineLongestTaskWallMsTraced${k}`]: baselineCpu.longestWallMs,
        [`baselineLongTasksTraced${k}`]: baselineCpu.detail,
        [`baselineWindowSeconds${k}`]: r1(baselineMs / 1000),
        [`windowSeconds${k}`]: r1(savedAt / 1000),
        [`indexBuildSeconds${k}`]: r1(buildSeconds),
        [`buildRatePerSecond${k}`]: Math.round(n / buildSeconds),
        [`reloadToSearchReadyMsRebuild${k}`]: Math.round(readyAt(built, docs)),
        [`reloadToIndexSavedMs${k}`]: Math.round(savedAt),
        [`reloadToSearchReadyMsSaved${k}`]: Math.round(answering),
        [`reloadToStartupCheckDoneMsSaved${k}`]: Math.round(loadedReady),
        [`reloadToFirstAnswerPaintedMsSaved${k}`]: Math.round(firstAnswer.window[1]),
        [`uiLongestTaskMsLoadingSaved${k}`]: loading.longestTaskMs,
        [`typedToPaintedP50Ms${k}`]: r1(percentile(latencies, 50)),
        [`typedToPaintedP95Ms${k}`]: r1(percentile(latencies, 95)),
        [`statusMessagesDuringIndexing${k}`]: built.status.length,
        [`workerMessagesDuringIndexing${k}`]: built.messages,
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
