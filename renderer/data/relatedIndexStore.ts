import { RelatedIndex, type RelatedDocJSON, type RelatedIndexJSON } from '../../shared/related';
import type { ArchiveDb } from './ArchiveDb';

/**
 * Persistence of the related-articles indexes in `db.relatedChunks`, so a restart loads them instead of
 * re-reading and re-weighing every article. Indexes are kept per partition (guide:vi, guide:en, portal)
 * because similar articles never cross languages.
 *
 * Layout: one `manifest` row, then per partition a `head` row (terms, params, counters) and `docs` rows of
 * DOCS_PER_CHUNK articles, so no single IndexedDB value grows with the archive. Every save replaces all
 * rows in one transaction, and the manifest carries the article count and a fingerprint over
 * (id, content hash) pairs: a load that does not find exactly what the manifest describes is refused and
 * the caller rebuilds from the articles, which are the source of truth.
 */

export const MANIFEST_KEY = 'manifest';
export const STORE_FORMAT = 'archive-reader/related-store';
export const STORE_VERSION = 1;
const DOCS_PER_CHUNK = 1000;

/** One index plus the content hash each of its articles had when indexed (to spot edited articles). */
export interface RelatedPartition {
  index: RelatedIndex;
  hashes: Map<string, string>;
}

export interface RelatedManifest {
  format: typeof STORE_FORMAT;
  version: typeof STORE_VERSION;
  /** Articles over all partitions. */
  count: number;
  /** `fingerprintOf` over every (id, hash) pair of every partition. */
  fingerprint: string;
  savedAt: string;
  partitions: { name: string; count: number; chunks: number }[];
}

interface DocsChunk {
  docs: RelatedDocJSON[];
  hashes: string[];
}

type Head = Omit<RelatedIndexJSON, 'docs'>;

const headKey = (partition: string) => `p:${partition}:head`;
const docsKey = (partition: string, n: number) => `p:${partition}:docs:${String(n).padStart(6, '0')}`;

/**
 * Order-independent 53-bit hash (cyrb53 over the sorted pairs). Not cryptographic: it only has to notice
 * that the stored rows are not the ones the manifest was written with.
 */
export function fingerprintOf(pairs: Iterable<readonly [string, string]>): string {
  const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const [id, hash] of sorted) {
    feed(id);
    feed('\u0000');
    feed(hash);
    feed('\u0001');
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${sorted.length}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

function* allPairs(partitions: ReadonlyMap<string, RelatedPartition>): Iterable<readonly [string, string]> {
  for (const p of partitions.values()) yield* p.hashes;
}

/** Serialises every partition and replaces the stored index in one transaction. */
export async function saveRelatedIndexes(
  db: ArchiveDb,
  partitions: ReadonlyMap<string, RelatedPartition>,
  { now = new Date(), docsPerChunk = DOCS_PER_CHUNK }: { now?: Date; docsPerChunk?: number } = {},
): Promise<RelatedManifest> {
  // Everything is captured synchronously first: the caller may go on changing the indexes while the
  // rows are written, and the snapshot must be of one moment.
  const snapshots = [...partitions].map(([name, { index, hashes }]) => {
    const { docs, ...head } = index.toJSON();
    if (docs.length !== hashes.size) throw new Error(`related index ${name}: ${docs.length} articles but ${hashes.size} hashes`);
    return { name, head, docs, hashes: docs.map((d) => hashes.get(d.id) ?? '') };
  });
  const manifest: RelatedManifest = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    count: snapshots.reduce((n, p) => n + p.docs.length, 0),
    fingerprint: fingerprintOf(allPairs(partitions)),
    savedAt: now.toISOString(),
    partitions: snapshots.map((p) => ({ name: p.name, count: p.docs.length, chunks: Math.ceil(p.docs.length / docsPerChunk) })),
  };
  // Rows are serialised one at a time inside the transaction, so only one chunk's JSON text is alive at
  // once; the transaction still makes the whole replacement atomic.
  await db.transaction('rw', db.relatedChunks, async () => {
    await db.relatedChunks.clear();
    for (const { name, head, docs, hashes } of snapshots) {
      await db.relatedChunks.put({ key: headKey(name), data: JSON.stringify(head) });
      for (let n = 0, start = 0; start < docs.length; n++, start += docsPerChunk) {
        const chunk: DocsChunk = { docs: docs.slice(start, start + docsPerChunk), hashes: hashes.slice(start, start + docsPerChunk) };
        await db.relatedChunks.put({ key: docsKey(name, n), data: JSON.stringify(chunk) });
      }
    }
    await db.relatedChunks.put({ key: MANIFEST_KEY, data: JSON.stringify(manifest) });
  });
  return manifest;
}

export type LoadResult =
  | { ok: true; partitions: Map<string, RelatedPartition>; manifest: RelatedManifest }
  | { ok: false; reason: 'empty' | 'format' | 'inconsistent' | 'corrupt'; detail: string };

/** Loads the stored indexes; anything short of exactly what the manifest describes is refused. */
export async function loadRelatedIndexes(db: ArchiveDb): Promise<LoadResult> {
  // One read transaction, so a save from another window cannot interleave its rows with ours. Each row
  // is parsed as it is read: holding every JSON string until the end would double the peak memory.
  const byKey = new Map<string, unknown>();
  let unreadable: string | null = null;
  await db.transaction('r', db.relatedChunks, () =>
    db.relatedChunks.each((row) => {
      try {
        byKey.set(row.key, JSON.parse(row.data));
      } catch {
        unreadable ??= row.key;
        byKey.set(row.key, null);
      }
    }),
  );
  if (!byKey.has(MANIFEST_KEY)) {
    return byKey.size === 0 ? { ok: false, reason: 'empty', detail: 'no stored index' } : { ok: false, reason: 'inconsistent', detail: 'chunks without a manifest' };
  }
  if (unreadable !== null) return { ok: false, reason: 'corrupt', detail: `row ${unreadable} is not JSON` };
  try {
    const manifest = byKey.get(MANIFEST_KEY) as RelatedManifest;
    if (manifest.format !== STORE_FORMAT || manifest.version !== STORE_VERSION) {
      return { ok: false, reason: 'format', detail: `stored format ${String(manifest.format)} v${String(manifest.version)}` };
    }
    const expectedKeys = new Set([MANIFEST_KEY]);
    const partitions = new Map<string, RelatedPartition>();
    let count = 0;
    for (const { name, count: partitionCount, chunks } of manifest.partitions) {
      const head = byKey.get(headKey(name)) as Head | undefined;
      if (head === undefined) return { ok: false, reason: 'inconsistent', detail: `partition ${name} has no head` };
      expectedKeys.add(headKey(name));
      const docs: RelatedDocJSON[] = [];
      const hashes = new Map<string, string>();
      for (let n = 0; n < chunks; n++) {
        const chunk = byKey.get(docsKey(name, n)) as DocsChunk | undefined;
        if (chunk === undefined) return { ok: false, reason: 'inconsistent', detail: `partition ${name} misses chunk ${n}` };
        expectedKeys.add(docsKey(name, n));
        chunk.docs.forEach((d, i) => {
          docs.push(d);
          hashes.set(d.id, chunk.hashes[i]);
        });
      }
      if (docs.length !== partitionCount || hashes.size !== partitionCount) {
        return { ok: false, reason: 'inconsistent', detail: `partition ${name}: manifest says ${partitionCount}, found ${docs.length}` };
      }
      partitions.set(name, { index: RelatedIndex.fromJSON({ ...head, docs }), hashes });
      count += partitionCount;
    }
    if (byKey.size !== expectedKeys.size) return { ok: false, reason: 'inconsistent', detail: 'chunks the manifest does not list' };
    if (count !== manifest.count) return { ok: false, reason: 'inconsistent', detail: `manifest count ${manifest.count}, found ${count}` };
    const fingerprint = fingerprintOf(allPairs(partitions));
    if (fingerprint !== manifest.fingerprint) return { ok: false, reason: 'inconsistent', detail: 'fingerprint differs from the manifest' };
    return { ok: true, partitions, manifest };
  } catch (err) {
    return { ok: false, reason: 'corrupt', detail: err instanceof Error ? err.message : String(err) };
  }
}

/** Forgets the stored index (a refused one, before rebuilding). */
export async function clearRelatedIndexes(db: ArchiveDb): Promise<void> {
  await db.relatedChunks.clear();
}
