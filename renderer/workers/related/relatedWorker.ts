import { ArchiveDb } from '../../data/ArchiveDb';
import { onArticlesChanged } from '../../data/articleChanges';
import { RelatedService } from './RelatedService';
import type { RelatedMessage, RelatedProgress, RelatedRequest } from './relatedProtocol';

/**
 * The related-articles worker: owns the similarity indexes so scoring and saving never run on the
 * window's thread. It opens the database itself and learns of stored batches from the articles
 * broadcast channel, so it keeps up with sync whether or not any sidebar is showing.
 */
// The project compiles against the DOM library only (adding WebWorker's would retype \`self\` everywhere).
const scope = self as unknown as {
  postMessage(message: RelatedMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RelatedRequest>) => void): void;
};
const post = (message: RelatedMessage) => scope.postMessage(message);

// Lists re-ask on every "changed"; during a sync batches land every few hundred ms, so tell them at
// most this often (and once more after the last batch).
const CHANGED_EVERY_MS = 1500;
let changedTimer: ReturnType<typeof setTimeout> | null = null;
let latest: RelatedProgress | null = null;
function announceChange(progress: RelatedProgress): void {
  latest = progress;
  if (changedTimer) return;
  changedTimer = setTimeout(() => {
    changedTimer = null;
    if (latest) post({ type: 'changed', progress: latest });
    latest = null;
  }, CHANGED_EVERY_MS);
}

const db = new ArchiveDb();
const service = new RelatedService(db, {
  onChange: announceChange,
  log: (message) => console.info(message),
});

// Subscribed before the first read of the store, so a batch stored during start-up is not missed.
onArticlesChanged((change) => service.enqueue(change));

service.start().then(
  (loaded) => {
    const progress = service.progress();
    // Something to show already: lists opened before this point ask again.
    if (!loaded || progress.pending === 0) post({ type: 'changed', progress });
  },
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type !== 'similar') return;
  service.similar(request.articleId, request.k).then(
    (answer) => post({ type: 'similar', requestId: request.requestId, answer }),
    (err: unknown) => post({ type: 'error', requestId: request.requestId, message: err instanceof Error ? err.message : String(err) }),
  );
});
