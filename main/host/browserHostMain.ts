import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api/createHandlers';
import { defaultUserDataDir } from '../app/defaultUserDataDir';
import { parseHostArgs } from '../app/parseHostArgs';
import { createLogger } from '../log/createLogger';
import { ExtractorPool } from '../extract/ExtractorPool';
import { createSyncService } from '../sync/createSyncService';
import { envProxyResolver } from '../sync/net/envProxyResolver';
import { NetworkSettingsStore } from '../settings/NetworkSettingsStore';
import { plainSecretCodec } from '../settings/secretCodec';
import { APP_VERSION } from '../app/appVersion';
import { openInBrowser } from './openInBrowser';
import { startBrowserHost } from './startBrowserHost';

// Built to dist/main/host.mjs; the renderer sits beside it in dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? defaultUserDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ dir: path.join(dataDir, 'logs'), verbose: args.verbose, name: 'browser-host' });

  // Reusing the last port keeps the page's origin, and so its IndexedDB, the same across restarts.
  const portFile = path.join(dataDir, 'browser-host.json');
  let preferred = args.port;
  if (preferred === undefined && fs.existsSync(portFile)) {
    try {
      preferred = Number(JSON.parse(fs.readFileSync(portFile, 'utf8')).port) || undefined;
    } catch {
      logger.warn('ignored an unreadable browser-host.json');
    }
  }

  const pool = new ExtractorPool({ workerUrl: new URL('./extractWorker.mjs', import.meta.url) });
  // Plain Node has no OS proxy settings to ask, so browser mode's "system proxy" is the environment
  // (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), and the password sits in an owner-only file (README › Sync).
  const network = new NetworkSettingsStore(path.join(dataDir, 'network.json'), plainSecretCodec, logger);
  const sync = createSyncService({
    logger,
    appVersion: APP_VERSION,
    extract: (input) => pool.extract(input),
    resolveProxy: envProxyResolver(),
    network: network.proxySetting(),
  });
  network.onChange((setting) => sync.setNetwork(setting));
  const host = await startBrowserHost({
    rendererDir: path.join(here, '..', 'renderer'),
    logger,
    port: preferred,
    createApi: (emit) =>
      createHandlers({ host: 'browser', version: APP_VERSION, dataDir, logger, openExternal: openInBrowser, sync, emit, network }),
  });
  if (args.port === undefined) fs.writeFileSync(portFile, JSON.stringify({ port: host.port }));

  console.log(`Archive Reader is running in browser mode: ${host.url}`);
  if (args.open) openInBrowser(host.url).catch((err) => logger.warn(`could not open a browser: ${err.message}`));

  const stop = async () => {
    logger.info('browser host stopping');
    await sync.shutdown();
    await pool.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Archive Reader could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
