import { API_METHODS, type ApiEvent, type ArchiveEvents, type RawBridge } from '../../shared/api/archiveApi';
import type { ApiResult } from '../../shared/api/apiError';
import { decodeWire, encodeWire, type ServerFrame } from '../../shared/api/wireCodec';

type Pending = (result: ApiResult<unknown>) => void;

/**
 * Browser mode's stand-in for the Electron preload: the same RawBridge over a WebSocket to the local
 * host. Calls made while (re)connecting wait for the socket; calls cut off by a drop fail with a
 * `host-unreachable` error rather than hanging.
 */
export function createSocketBridge(socketUrl: string): RawBridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket> | null = null;
  let retryDelay = 250;

  const connect = (): Promise<WebSocket> => {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(socketUrl);
      ws.onopen = () => {
        socket = ws;
        retryDelay = 250;
        resolve(ws);
      };
      ws.onmessage = (msg) => {
        const frame = decodeWire<ServerFrame>(String(msg.data));
        if ('event' in frame) {
          listeners.get(frame.event)?.forEach((fn) => fn(frame.payload));
        } else {
          const done = pending.get(frame.id);
          pending.delete(frame.id);
          done?.(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error });
        }
      };
      ws.onclose = () => {
        const wasOpen = socket === ws;
        socket = null;
        ready = null;
        for (const [id, done] of pending) {
          pending.delete(id);
          done({ ok: false, error: { code: 'host-unreachable', message: 'The Archive Reader host closed the connection' } });
        }
        if (!wasOpen) reject(new Error('host-unreachable'));
        // Keep event subscriptions alive across host restarts.
        if (wasOpen && listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), retryDelay);
        retryDelay = Math.min(retryDelay * 2, 5000);
      };
    });
    return ready;
  };

  const call = async (method: string, arg: unknown): Promise<ApiResult<unknown>> => {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch {
      return { ok: false, error: { code: 'host-unreachable', message: 'Cannot reach the Archive Reader host' } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(encodeWire({ id, method, arg }));
    });
  };

  const bridge = Object.fromEntries(API_METHODS.map((m) => [m, (arg: unknown) => call(m, arg)])) as Record<string, unknown>;
  bridge.on = <E extends ApiEvent>(event: E, listener: (payload: ArchiveEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    void connect().catch(() => undefined);
    return () => {
      set.delete(listener as (payload: unknown) => void);
    };
  };
  return bridge as unknown as RawBridge;
}
