/**
 * The search worker: owns the index so that building, saving and querying it never run on the UI
 * thread. It opens the database itself (Dexie works in workers) and hears about stored articles over
 * the articles-changed BroadcastChannel.
 */
import { ArchiveDb } from '../../data/ArchiveDb';
import { SearchIndexService } from './SearchIndexService';
import type { FromWorker, ToWorker } from './searchProtocol';

const post = (message: FromWorker) => self.postMessage(message);

const service = new SearchIndexService(new ArchiveDb(), {
  onStatus: (status) => post({ type: 'status', status }),
  log: (message) => console.info(message),
});

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type !== 'search') return;
  service.search(msg).then(post, (err: unknown) =>
    post({ type: 'error', requestId: msg.requestId, message: err instanceof Error ? err.message : String(err) }),
  );
});

void service.start();
