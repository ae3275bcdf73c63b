// postinstall: fetch Electron's binary where that is possible, and never fail the install where it is not.
// package.json's allowScripts denies electron's own postinstall (it fails the whole `npm install` on machines
// without access to its download host); this runs the same installer, tolerating failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electronBinary.mjs';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
const dir = path.dirname(installer);
if (electronBinary()) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('archive-reader: ELECTRON_SKIP_BINARY_DOWNLOAD is set; `npm start` will use browser mode.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
if (result.status === 0) {
  console.log('archive-reader: Electron binary installed.');
} else {
  const lines = result.stderr?.toString().split('\n') ?? [];
  const reason = result.error?.message ?? lines.find((l) => /error/i.test(l))?.trim() ?? `exit ${result.status}`;
  console.log(`archive-reader: Electron's binary could not be downloaded (${reason}); \`npm start\` will run Archive Reader in browser mode.`);
}
