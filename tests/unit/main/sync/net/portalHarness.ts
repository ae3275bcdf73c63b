import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of the fixture portal (../shared/portal/serve.mjs) these tests use. */
export interface TruthArticle {
  id: number;
  url: string;
  title: string;
  category: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  legacyCharset: boolean;
}

export interface PortalStats {
  requests: number;
  byStatus: Record<string, number>;
  conditional: number;
  notModified: number;
  inFlight: number;
  maxInFlight: number;
  paths: Record<string, number>;
  userAgents: Record<string, number>;
}

export interface Portal {
  url: string;
  port: number;
  truth(): { edition: number; articles: TruthArticle[]; gone: string[] };
  stats(): PortalStats;
  setEdition(edition: number): void;
  setFaults(f: Record<string, number>): void;
  resetAttempts(): void;
  close(): Promise<void>;
}

interface PortalModule {
  startPortal(opts?: Record<string, unknown>): Promise<Portal>;
  slugify(s: string): string;
}

let mod: Promise<PortalModule> | undefined;

/** Loads the shared fixture portal module (never copied into the repo). */
export function portalModule(): Promise<PortalModule> {
  mod ??= import(pathToFileURL(path.resolve(process.cwd(), '../shared/portal/serve.mjs')).href) as Promise<PortalModule>;
  return mod;
}

export async function startPortal(opts: Record<string, unknown> = {}): Promise<Portal> {
  return (await portalModule()).startPortal(opts);
}
