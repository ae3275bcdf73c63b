// Builds the renderer (Vite) and the main-process entries (esbuild) into dist/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');

const started = Date.now();
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
await Promise.all([
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'main/host/browserHostMain.ts')],
    outfile: path.join(root, 'dist/main/host.mjs'),
    format: 'esm',
    packages: 'external',
  }),
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'main/extract/extractWorker.ts')],
    outfile: path.join(root, 'dist/main/extractWorker.mjs'),
    format: 'esm',
    packages: 'external',
  }),
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'main/app/electronMain.ts')],
    outfile: path.join(root, 'dist/main/electron.cjs'),
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
  }),
  // A sandboxed preload can only require 'electron', so everything else is bundled in.
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'main/preload/preload.ts')],
    outfile: path.join(root, 'dist/main/preload.cjs'),
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
  }),
]);
fs.writeFileSync(path.join(root, 'dist/.build-stamp'), new Date().toISOString());
if (!quiet) console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
