import { API_METHODS, type ArchiveApi, type ArchiveBridge, type RawBridge } from '../../shared/api/archiveApi';
import { ApiCallError } from '../../shared/api/apiError';
import { createSocketBridge } from './createSocketBridge';

declare global {
  interface Window {
    archiveBridge?: RawBridge;
  }
}

const TOKEN_KEY = 'archive-reader.token';

/** Reads the browser-mode secret from the URL fragment once, then keeps it for reloads of this tab. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export class MissingTokenError extends Error {}

/**
 * The renderer's only door to main. Under Electron it wraps the preload's bridge; in browser mode a
 * WebSocket bridge with the same shape. Either way callers get an `ArchiveApi` that throws ApiCallError.
 */
export function connectArchive(): ArchiveBridge {
  let raw = window.archiveBridge;
  if (!raw) {
    const token = takeToken();
    if (!token) throw new MissingTokenError('no token');
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    raw = createSocketBridge(`${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`);
  }
  const bridge = raw;
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (arg: unknown) => {
        const result = await (bridge[m] as (a: unknown) => Promise<{ ok: boolean; value?: unknown; error?: never }>)(arg);
        if (!result.ok) throw new ApiCallError(result.error!);
        return result.value;
      },
    ]),
  ) as unknown as ArchiveApi;
  return { api, on: bridge.on.bind(bridge) };
}
