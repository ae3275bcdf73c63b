// `npm start`: builds what is missing, then runs the Electron app, or browser mode where Electron's binary
// is absent (or with --browser). Flags: --no-open, --verbose, --port N, --data-dir DIR, --browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stamp = path.join(root, 'dist/.build-stamp');
const sources = ['main', 'renderer', 'shared'].map((d) => path.join(root, d));
const stale = !fs.existsSync(stamp) || Math.max(...sources.map(newestMtime)) > fs.statSync(stamp).mtimeMs;
if (stale) {
  console.log('Building Archive Reader…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}


const electron = args.includes('--browser') ? null : electronBinary();
const [cmd, cmdArgs] = electron
  ? [electron, [root, ...args]]
  : [process.execPath, [path.join(root, 'dist/main/host.mjs'), ...args]];
if (!electron && !args.includes('--browser')) {
  console.log("Electron's binary is not installed on this machine, so Archive Reader starts in browser mode.");
}
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
