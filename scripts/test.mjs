// `npm test`: build, run the Node unit tests (Vitest) and the end-to-end tests (Playwright, browser mode in
// Debian's Chromium), then print one summary line over both: `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
const only = process.argv[2]; // 'unit' | 'e2e' | undefined

const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

if (run(process.execPath, ['scripts/build.mjs', '--quiet']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (only !== 'e2e') {
  const out = path.join(results, 'unit.json');
  fs.rmSync(out, { force: true });
  run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + filesThatFailedToRun(r);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else crashed = true;
}

if (only !== 'unit') {
  const out = path.join(results, 'e2e.json');
  fs.rmSync(out, { force: true });
  run(bin('playwright'), ['test']);
  if (fs.existsSync(out)) {
    const s = JSON.parse(fs.readFileSync(out, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else crashed = true;
}

// A test file that failed without any failed test (it did not load, or a hook threw) counts as one failure.
function filesThatFailedToRun(r) {
  return r.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
}

if (crashed) totals.failed += 1;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
