/**
 * UI benchmark in browser mode (Debian's Chromium, the real host from dist/) with 20,000 and 100,000
 * stored articles: time to the first painted list after a reload, article open → body painted (p50/p95
 * over 100 articles), the longest frame while scrolling 2,000 rows, list rows in the DOM, JS heap.
 * Prints one JSON object; it is a measurement, not a test.
 *
 *   npm run bench:ui [-- --sizes 20000,100000] [--opens 100] [--reloads 3] [--no-build]
 *
 * The store is filled inside the page with plain IndexedDB (the app's own schema, its database already
 * created by the app), from the fixture portal's corpus (../shared/portal/corpus.jsonl, read here and
 * passed in, never bundled). Past the corpus's 1,619 articles, paragraphs are recombined within a
 * category as the fixture portal does. About a third of the articles are read, 300 bookmarked, so
 * counts and filters have real work. Bodies carry no images (their portal URLs would only be refused
 * by the CSP); image display is the sync benchmark's concern.
 *
 * After filling, the run waits until the browser is idle (the search and related-article workers index
 * the new articles in the background for a while), so the numbers are those of steady use. Frame times
 * are wall-clock and include waiting for a CPU on a busy machine, so the output also carries the
 * longest frame of an idle page over the same time, the main thread's CPU time per scroll frame (from a
 * Chrome trace, which does not count waiting), and the load average.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startHost } from '../tests/e2e/fixtures/startHost';

interface CorpusRow {
  title: string;
  category: string;
  paras: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('sizes') ?? '20000,100000').split(',').map(Number);
const opens = Number(arg('opens') ?? 100);
const reloads = Number(arg('reloads') ?? 3);
const r1 = (x: number) => Math.round(x * 10) / 10;
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (values: number[]) => percentile(values, 50);
const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const log = (msg: string) => process.stderr.write(`[bench-ui] ${msg}\n`);

export function loadCorpus(): CorpusRow[] {
  const file = path.resolve('../shared/portal/corpus.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title: string; category: string; body: string })
    .map((r) => ({ title: r.title, category: r.category, paras: r.body.split(/\n+/).map((p) => p.trim()).filter(Boolean) }));
}

/** Runs in the page: writes `n` articles (metadata + bodies), read state and bookmarks through IndexedDB. */
export async function seed(page: Page, corpus: CorpusRow[], n: number): Promise<number> {
  return page.evaluate(
    async ({ corpus, n }) => {
      const t0 = performance.now();
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('archive-reader');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      let seed = 7;
      const rnd = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const byCat = new Map<string, typeof corpus>();
      for (const r of corpus) byCat.set(r.category, [...(byCat.get(r.category) ?? []), r]);
      const sources = ['bench-a', 'bench-b'];
      {
        const tx = db.transaction('sources', 'readwrite');
        for (const id of sources) {
          tx.objectStore('sources').put({
            id,
            title: id === 'bench-a' ? 'Cổng thông tin điện tử (A)' : 'Cổng thông tin điện tử (B)',
            url: `https://${id}.example/`,
            kind: 'portal',
            feedUrls: [],
            backfillUrls: [],
            paused: false,
            schedule: 'off',
            downloadImages: true,
            createdAt: '2026-01-01T00:00:00.000Z',
          });
        }
        await done(tx);
      }
      const base = Date.UTC(2016, 0, 4, 1, 30);
      const batch = 2000;
      for (let start = 0; start < n; start += batch) {
        const tx = db.transaction(['articles', 'bodies', 'readState', 'bookmarks'], 'readwrite');
        const articles = tx.objectStore('articles');
        const bodies = tx.objectStore('bodies');
        const reads = tx.objectStore('readState');
        const marks = tx.objectStore('bookmarks');
        for (let i = start; i < Math.min(n, start + batch); i++) {
          const src = corpus[i % corpus.length];
          let paras = src.paras;
          let title = src.title;
          if (i >= corpus.length) {
            const pool = byCat.get(src.category)!;
            const other = pool[Math.floor(rnd() * pool.length)].paras;
            paras = [...paras.slice(0, Math.ceil(paras.length / 2)), ...other.slice(Math.floor(other.length / 2))];
            title = `${src.title} (phần ${Math.floor(i / corpus.length) + 1})`;
          }
          const lead = paras[0];
          const body = paras.length > 2 ? paras.slice(1) : paras;
          const id = `https://bench.example/bai-viet/${1000 + i}.html`;
          const publishedAt = new Date(base + i * 52 * 60_000 + Math.floor(rnd() * 3000) * 1000).toISOString();
          const sourceId = i % 10 < 7 ? 'bench-a' : 'bench-b';
          articles.put({
            id,
            sourceId,
            url: id,
            canonicalUrl: id,
            title,
            lead,
            author: ['Phạm Anh Thiện', 'Nguyễn Thu Hà', 'Trần Minh Đức', 'Lê Thị Hồng Nhung'][i % 4],
            publishedAt,
            updatedAt: publishedAt,
            views: 200 + Math.floor(rnd() * 9000),
            category: src.category,
            images: [],
            related: [],
            contentHash: `h${i}`,
            fetchedAt: '2026-06-01T00:00:00.000Z',
            removedUpstream: i % 997 === 0,
            removed: i % 997 === 0 ? 1 : 0,
          });
          bodies.put({ id, html: body.map((p) => `<p>${esc(p)}</p>`).join('\n'), text: body.join('\n') });
          if (i % 3 === 0) reads.put({ articleId: id, sourceId, category: src.category, read: 1, progress: 0, updatedAt: publishedAt });
          if (i % Math.max(1, Math.floor(n / 300)) === 1) marks.put({ articleId: id, createdAt: publishedAt });
        }
        await done(tx);
      }
      db.close();
      return performance.now() - t0;
    },
    { corpus, n },
  );
}

/**
 * CPU seconds used so far by the browser started with `marker` and all its child processes (renderer,
 * workers, GPU, utility), from /proc.
 */
export function browserCpuSeconds(marker: string): number {
  const procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  let root = -1;
  const tick = 100; // USER_HZ on Linux
  for (const d of procs) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      cpu.set(Number(d), (Number(fields[11]) + Number(fields[12])) / tick);
      if (root < 0 && fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker)) root = Number(d);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid] of cpu) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += cpu.get(pid)!;
        break;
      }
    }
  }
  return total;
}

/**
 * Waits until the browser is nearly idle: after the store is filled, other features (the search and
 * related-article indexes) work through 100,000 new articles in the background for a while. A user
 * meets that once, after a big sync; the measurements here are of the list and reader in steady use.
 */
export async function settle(marker: string, maxMs = 15 * 60_000): Promise<number> {
  const t0 = Date.now();
  let quietSamples = 0;
  let last = browserCpuSeconds(marker);
  while (Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = browserCpuSeconds(marker);
    quietSamples = now - last < 0.3 ? quietSamples + 1 : 0;
    last = now;
    if (quietSamples >= 2) break;
  }
  return Date.now() - t0;
}

/** Reload and time the first option with a title in it, painted (the callback after the frame). */
async function firstList(page: Page): Promise<number> {
  await page.reload();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const title = document.querySelector('[role=listbox] [role=option] .row-title:not(.muted)');
          if (!title) return false;
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          return true;
        };
        if (check()) return;
        const mo = new MutationObserver(() => check() && mo.disconnect());
        mo.observe(document, { subtree: true, childList: true, characterData: true });
      }),
  );
}

/**
 * Opens `count` articles one after another by clicking their rows, timing click → reader title and body
 * painted. Rows are taken in list order, scrolling the list as needed.
 */
async function openArticles(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const list = document.querySelector<HTMLElement>('[role=listbox]')!;
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      list.scrollTop = Math.max(0, k * 76 - 76);
      let row: HTMLElement | null = null;
      for (let tries = 0; tries < 200 && !row; tries++) {
        row = list.querySelector<HTMLElement>(`[role=option][aria-posinset="${k + 1}"]`);
        if (!row?.querySelector('.row-title:not(.muted)')) row = null;
        if (!row) await frame();
      }
      if (!row) throw new Error(`row ${k + 1} never rendered`);
      const expected = [...row.querySelector('.row-title')!.childNodes].find((c) => c.nodeType === Node.TEXT_NODE)!.textContent!;
      const t0 = performance.now();
      row.click();
      const t1 = await new Promise<number>((resolve) => {
        const check = () => {
          const title = document.getElementById('reader-title');
          const body = document.querySelector('.reader-body');
          if (title?.textContent === expected && body && body.childElementCount > 0) {
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
            return true;
          }
          return false;
        };
        if (check()) return;
        const mo = new MutationObserver(() => check() && mo.disconnect());
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      times.push(t1 - t0);
    }
    return times;
  }, count);
}

/** Scrolls the list through `rows` rows in steps per frame, recording frame gaps and long animation frames. */
async function scrollRows(
  page: Page,
  rows: number,
): Promise<{ longestFrameMs: number; p95FrameMs: number; framesOver50: number; longestLoafMs: number; frames: number; maxDomRows: number }> {
  return page.evaluate(async (rows) => {
    const list = document.querySelector<HTMLElement>('[role=listbox]')!;
    list.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 300));
    const loafs: number[] = [];
    const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => loafs.push(e.duration)));
    try {
      observer.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // Older Chromium has no long-animation-frame entries; the rAF gaps still count.
    }
    const target = rows * 76;
    const perFrame = target / 120; // two seconds at 60 frames a second: a fast flick, not a jump
    let last = performance.now();
    const gaps: number[] = [];
    let maxDomRows = 0;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        gaps.push(now - last);
        last = now;
        maxDomRows = Math.max(maxDomRows, list.querySelectorAll('[role=option]').length);
        if (list.scrollTop >= target - 1) return resolve();
        list.scrollTop = Math.min(target, list.scrollTop + perFrame);
        requestAnimationFrame(step);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(step);
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    gaps.sort((a, b) => a - b);
    return {
      longestFrameMs: gaps[gaps.length - 1],
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
      framesOver50: gaps.filter((g) => g > 50).length,
      longestLoafMs: loafs.length ? Math.max(...loafs) : 0,
      frames: gaps.length,
      maxDomRows,
    };
  }, rows);
}

/**
 * The same frame measurement with nothing happening: on a shared machine other processes also delay
 * frames, and this says by how much.
 */
async function idleFrames(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let last = 0;
    let longest = 0;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        if (last) longest = Math.max(longest, now - last);
        last = now;
        if (now - t0 > 2000) return resolve();
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return longest;
  });
}

/** A Chrome trace event, as far as the UI benchmarks read them. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string; frame?: string } };
}

/**
 * Scrolls again under a Chrome trace and reads the renderer main thread's CPU time (thread time, not
 * wall time): what the frames cost on a machine with a core to spare, whatever else it is running.
 */
async function scrollCpu(page: Page, cdp: CDPSession, rows: number): Promise<{ cpuMsPerFrame: number; longestTaskCpuMs: number }> {
  const events: TraceEvent[] = [];
  // The CDP event names are not in Playwright's typed overloads.
  const session = cdp as unknown as { on(e: string, f: (d: { value: TraceEvent[] }) => void): void; once(e: string, f: () => void): void };
  session.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const { frames } = await scrollRows(page, rows);
  await cdp.send('Tracing.end');
  await complete;
  const calls = new Map<string, number>();
  for (const e of events) if (e.name === 'FunctionCall') calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...calls.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  const cpu = tasks.map((e) => (e.tdur ?? 0) / 1000);
  return { cpuMsPerFrame: cpu.reduce((a, b) => a + b, 0) / Math.max(1, frames), longestTaskCpuMs: cpu.length ? Math.max(...cpu) : 0 };
}

async function main() {
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  const corpus = loadCorpus();
  const host = await startHost();
  // An inert switch that names this browser in the process list, for settle().
  const marker = `--bench-ui-run=${process.pid}-${Date.now()}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, marker] });
  const out: Record<string, unknown> = { chromium: browser.version(), cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map(r1), opens, reloads };
  try {
    for (const n of sizes) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // tsx (esbuild keepNames) wraps named functions in __name(); the page functions run there too.
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(host.url);
      await page.getByRole('listbox').waitFor();
      log(`seeding ${n} articles…`);
      const seedMs = await seed(page, corpus, n);
      log(`seeded in ${Math.round(seedMs)} ms`);
      // One reload to let the app see the data and index it, then the measured ones.
      await firstList(page);
      const settleMs = await settle(marker);
      log(`background work settled after ${Math.round(settleMs / 1000)} s`);
      const firsts: number[] = [];
      for (let i = 0; i < reloads; i++) {
        firsts.push(await firstList(page));
        await settle(marker, 60_000);
      }
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const domRows = await page.locator('[role=listbox] [role=option]').count();
      const shown = await page.getByRole('heading', { level: 2, name: /Danh sách bài viết|Articles/ }).textContent();
      log(`first list ${firsts.map(Math.round).join(', ')} ms; ${shown}`);
      const openTimes = await openArticles(page, opens);
      log(`opened ${opens}: p50 ${r1(median(openTimes))} ms, p95 ${r1(percentile(openTimes, 95))} ms`);
      const idle = await idleFrames(page);
      const scroll = await scrollRows(page, 2000);
      log(`scrolled 2000 rows: longest frame ${r1(scroll.longestFrameMs)} ms (idle page: ${r1(idle)} ms), longest LoAF ${r1(scroll.longestLoafMs)} ms`);
      const cpu = await scrollCpu(page, cdp, 2000);
      log(`scroll CPU: ${r1(cpu.cpuMsPerFrame)} ms a frame, longest task ${r1(cpu.longestTaskCpuMs)} ms (traced)`);
      await cdp.send('HeapProfiler.collectGarbage');
      const heapAfter = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const k = label(n);
      Object.assign(out, {
        [`seedMs${k}`]: Math.round(seedMs),
        [`backgroundSettleMs${k}`]: settleMs,
        [`listHeading${k}`]: shown?.trim(),
        [`firstListMs${k}`]: r1(median(firsts)),
        [`firstListRunsMs${k}`]: firsts.map(r1),
        [`openP50Ms${k}`]: r1(median(openTimes)),
        [`openP95Ms${k}`]: r1(percentile(openTimes, 95)),
        [`openMaxMs${k}`]: r1(Math.max(...openTimes)),
        [`longestFrameMs${k}`]: r1(scroll.longestFrameMs),
        [`p95FrameMs${k}`]: r1(scroll.p95FrameMs),
        [`framesOver50Ms${k}`]: scroll.framesOver50,
        [`idleLongestFrameMs${k}`]: r1(idle),
        [`scrollCpuMsPerFrame${k}`]: r1(cpu.cpuMsPerFrame),
        [`scrollLongestTaskCpuMs${k}`]: r1(cpu.longestTaskCpuMs),
        [`longestLoafMs${k}`]: r1(scroll.longestLoafMs),
        [`scrollFrames${k}`]: scroll.frames,
        [`domRows${k}`]: domRows,
        [`maxDomRowsWhileScrolling${k}`]: scroll.maxDomRows,
        [`heapMb${k}`]: r1(heap.usedSize / 1024 / 1024),
        [`heapMbAfterOpens${k}`]: r1(heapAfter.usedSize / 1024 / 1024),
        [`pageErrors${k}`]: errors,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  out.loadAverageAtEnd = os.loadavg().map(r1);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

// Run only as a script, so a profiling session can import seed() and loadCorpus().
if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
