import { z } from 'zod';
import type { ApiArg, ApiMethod } from './archiveApi';

const httpUrl = z
  .string()
  .max(4096)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const isoDate = z.string().max(40);

const knownArticle = z.object({
  url: z.string().max(4096),
  etag: z.string().max(512).optional(),
  lastModified: z.string().max(128).optional(),
  contentHash: z.string().max(128),
  updatedAt: z.string().max(40).optional(),
});

const docState = z.object({
  etag: z.string().max(512).optional(),
  lastModified: z.string().max(128).optional(),
  children: z.array(z.string().max(4096)).max(100_000).optional(),
});

const syncSource = z.object({
  sourceId: z.string().min(1).max(200),
  url: httpUrl,
  feedUrls: z.array(httpUrl).max(500),
  backfillUrls: z.array(httpUrl).max(500),
  downloadImages: z.boolean(),
  known: z.array(knownArticle).max(2_000_000),
  knownImages: z.array(z.string().max(4096)).max(5_000_000),
  checkpoint: z.object({ docs: z.record(z.string().max(4096), docState) }).optional(),
  filter: z
    .object({
      categories: z.array(z.string().max(200)).max(500).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    })
    .optional(),
});

const sourceKind = z.enum(['portal', 'rss', 'atom', 'jsonfeed', 'sitemap', 'listing', 'guide']);

const opmlSubscription = z.object({
  url: httpUrl,
  title: z.string().max(2000),
  kind: sourceKind,
  htmlUrl: httpUrl.optional(),
  category: z.string().max(2000).optional(),
});

/**
 * Runtime validators for every method's argument. Messages arrive from a renderer that may be
 * compromised, so hosts validate before a handler sees anything. The mapped type forces one
 * schema per contract method.
 */
export const argSchemas: { [M in ApiMethod]: z.ZodType<ApiArg<M>> } = {
  getAppInfo: z.undefined(),
  openExternal: httpUrl,
  log: z.object({ level: z.enum(['debug', 'info', 'warn', 'error']), message: z.string().max(10_000) }),
  discoverSource: httpUrl,
  startSync: z.object({ sources: z.array(syncSource).min(1).max(200) }),
  cancelSync: z.string().min(1).max(100),
  resumeSync: z.undefined(),
  ackSyncBatch: z.object({
    runId: z.string().min(1).max(100),
    batchId: z.number().int().nonnegative(),
    ok: z.boolean(),
    error: z
      .object({ code: z.string().max(100), message: z.string().max(2000), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
      .optional(),
  }),
  importOpml: z.string().max(20 * 1024 * 1024),
  exportOpml: z.array(opmlSubscription).max(10_000),
  getNetworkSettings: z.undefined(),
  // The address is checked by main (parseProxyUrl) so the UI gets 'proxy-invalid-url', not a bare 'invalid-argument'.
  setNetworkSettings: z.object({
    mode: z.enum(['system', 'none', 'manual']),
    proxyUrl: z.string().max(2048),
    username: z.string().max(1024),
    password: z.string().max(1024).nullable().optional(),
    systemUsername: z.string().max(1024).optional(),
    systemPassword: z.string().max(1024).nullable().optional(),
  }),
};
