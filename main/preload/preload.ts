import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_EVENTS, API_METHODS, channelFor, eventChannelFor, type ApiEvent, type RawBridge } from '../../shared/api/archiveApi';

// Only the contract crosses into the page: one function per method, never ipcRenderer itself.
const methods = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg: unknown) => ipcRenderer.invoke(channelFor(method), arg)]),
);
const knownEvents = new Set<string>(API_EVENTS);

const bridge = {
  ...methods,
  on(event: ApiEvent, listener: (payload: unknown) => void) {
    if (!knownEvents.has(event)) throw new Error(`Unknown event ${event}`);
    // The IPC event object carries the sender and must not reach the page.
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannelFor(event), wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannelFor(event), wrapped);
    };
  },
} as unknown as RawBridge;

contextBridge.exposeInMainWorld('archiveBridge', bridge);
