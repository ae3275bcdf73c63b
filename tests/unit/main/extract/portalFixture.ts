import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The subset of the fixture portal's truth file these tests read (see ../shared/portal/serve.mjs, truthOf()). */
export interface TruthArticle {
  id: number;
  url: string;
  title: string;
  category: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  views: number;
  lead: string;
  paragraphs: string[];
  images: { url: string; caption: string }[];
  related: number[];
  legacyCharset: boolean;
}

export interface Portal {
  url: string;
  truth(): { edition: number; articles: TruthArticle[]; gone: string[] };
  close(): Promise<void>;
}

interface PortalModule {
  startPortal(opts: { articles?: number; edition?: number }): Promise<Portal>;
}

/** Starts the shared fixture portal; it lives beside the repo and is never copied into it. */
export async function startPortal(opts: { articles?: number; edition?: number }): Promise<Portal> {
  const file = path.resolve(process.cwd(), '../shared/portal/serve.mjs');
  const mod = (await import(pathToFileURL(file).href)) as PortalModule;
  return mod.startPortal(opts);
}

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  body: Uint8Array;
}

export async function fetchPage(url: string): Promise<FetchedPage> {
  // A long synchronous extraction run lets the portal's keep-alive timer close idle sockets; a
  // request racing that close fails with ECONNRESET, which says nothing about the page. Retry once.
  const res = await fetch(url).catch(() => fetch(url));
  return {
    requestedUrl: url,
    finalUrl: res.url,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: new Uint8Array(await res.arrayBuffer()),
  };
}

/** Fetches with a small pool: the portal is local, but 320 sockets at once would only add noise. */
export async function fetchAll(urls: string[], concurrency = 16): Promise<FetchedPage[]> {
  const out: FetchedPage[] = new Array(urls.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < urls.length) {
      const i = next++;
      out[i] = await fetchPage(urls[i]);
    }
  }));
  return out;
}
