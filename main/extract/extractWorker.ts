import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractInput } from './extractArticle';

// Runs extraction (parse, Readability, DOMPurify: ~5 ms of CPU a portal page) off the main thread, so
// the event loop that talks to the renderer and the network never stalls behind a parse.
parentPort!.on('message', ({ id, input }: { id: number; input: ExtractInput }) => {
  try {
    parentPort!.postMessage({ id, ok: true, value: extractArticle(input) });
  } catch (err) {
    const e = err as { code?: string; message?: string; details?: unknown };
    parentPort!.postMessage({ id, ok: false, error: { code: e.code ?? 'extract-failed', message: e.message ?? String(err) } });
  }
});

// Loaded and listening: the pool tells a worker that runs from one that cannot start.
parentPort!.postMessage({ ready: true });
