import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelFor, eventChannelFor } from '../../shared/api/archiveApi';
import { contentSecurityPolicy } from '../../shared/api/contentSecurityPolicy';
import { createHandlers, type Emit } from '../api/createHandlers';
import { dispatchCall } from '../api/dispatchCall';
import { createLogger } from '../log/createLogger';
import { ExtractorPool } from '../extract/ExtractorPool';
import { createSyncService } from '../sync/createSyncService';
import { NetworkSettingsStore } from '../settings/NetworkSettingsStore';
import { safeStorageCodec } from './safeStorageCodec';
import { APP_NAME } from './defaultUserDataDir';
import { APP_VERSION } from './appVersion';
import { isSafeExternalUrl } from './isSafeExternalUrl';
import { parseHostArgs } from './parseHostArgs';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://archive`;
const rendererDir = path.join(__dirname, '..', 'renderer');

app.setName(APP_NAME);
const args = parseHostArgs(process.argv.slice(1));
if (args.dataDir) app.setPath('userData', args.dataDir);
const logger = createLogger({ dir: path.join(app.getPath('userData'), 'logs'), verbose: args.verbose });

// A privileged standard scheme gives the renderer a stable origin, so IndexedDB survives restarts,
// without the looseness of file:// URLs.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

function serveRenderer(request: Request): Response {
  const { pathname } = new URL(request.url);
  let file = path.resolve(rendererDir, `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
  return new Response(fs.readFileSync(file), {
    headers: {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Only our own top-level page may call the API: not iframes, not pages we navigated away to. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && new URL(frame.url).origin === ORIGIN;
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: APP_NAME,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${ORIGIN}/index.html`);
  return win;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== ORIGIN) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  protocol.handle(SCHEME, serveRenderer);

  let window: BrowserWindow | null = null;
  const emit: Emit = (event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(eventChannelFor(event), payload);
  };
  const pool = new ExtractorPool({ workerUrl: pathToFileURL(path.join(__dirname, 'extractWorker.mjs')) });
  // safeStorage can only be asked once the app is ready (on Linux it needs the keyring).
  const network = new NetworkSettingsStore(path.join(app.getPath('userData'), 'network.json'), safeStorageCodec(logger), logger);
  const sync = createSyncService({
    logger,
    appVersion: APP_VERSION,
    extract: (input) => pool.extract(input),
    // Chromium's own answer: OS settings, PAC scripts and WPAD, exactly what the browser would use.
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    network: network.proxySetting(),
  });
  network.onChange((setting) => sync.setNetwork(setting));
  const api = createHandlers({
    host: 'electron',
    version: APP_VERSION,
    dataDir: app.getPath('userData'),
    logger,
    openExternal: (url) => shell.openExternal(url),
    sync,
    emit,
    network,
  });
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, arg) => {
      if (!isTrustedSender(event)) {
        logger.warn(`refused ${method} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'unauthorized', message: 'Caller is not the app window' } };
      }
      return dispatchCall(api, method, arg, logger);
    });
  }

  window = createWindow();
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('before-quit', () => void sync.shutdown().then(() => pool.close()));
  logger.info(`started ${APP_NAME} ${APP_VERSION} (electron ${process.versions.electron})`);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
