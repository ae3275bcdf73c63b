import type { Table } from 'dexie';
import { RelatedIndex, type RelatedDocJSON, type RelatedIndexJSON } from '../../shared/related';
import {
  checksumOf,
  decodeDocsChunk,
  decodeTermsChunk,
  encodeDocsChunk,
  encodeTermsChunk,
} from '../../shared/related/binarySnapshot';
import type { ArchiveDb } from './ArchiveDb';

/**
 * Persistence of the related-articles indexes in `db.relatedChunks`, so a restart loads them instead of
 * re-reading and re-weighing every article. Indexes are kept per partition (guide:vi, guide:en, portal)
 * because similar articles never cross languages.
 *
 * Layout: one `manifest` row (JSON text), then per partition a `head` row (JSON: params, counters), binary
 * `terms` rows of TERMS_PER_CHUNK terms and binary `docs` rows of DOCS_PER_CHUNK articles
 * (shared/related/binarySnapshot.ts), so no single IndexedDB value grows with the archive. Version 1 kept
 * everything as JSON: 213 MB and 35–62 s to save or load at 100k articles. Every save replaces all rows
 * in one transaction; the manifest carries the article count, a fingerprint over (id, content hash)
 * pairs and a checksum of every binary row. A load that does not find exactly what the manifest
 * describes is refused and the caller rebuilds from the articles, which are the source of truth.
 *
 * The table is declared with `ChunkRow` (text) for everyone else; this module reads it through its own
 * row type.
 */

export const MANIFEST_KEY = 'manifest';
export const STORE_FORMAT = 'archive-reader/related-store';
/**
 * Bumped when what this module writes changes shape, or when the index defaults change (a stored
 * index keeps the params it was built with); an older set is then rebuilt, not misread.
 * 3: 60 neighbours expanded 6× instead of 20 at 2×.
 */
export const STORE_VERSION = 3;
const DOCS_PER_CHUNK = 2000;
const TERMS_PER_CHUNK = 100_000;

interface RelatedChunkRow {
  key: string;
  data: string | ArrayBuffer;
}

function chunkTable(db: ArchiveDb): Table<RelatedChunkRow, string> {
  return db.table<RelatedChunkRow, string>('relatedChunks');
}

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
  partitions: { name: string; count: number; chunks: number; termChunks: number }[];
  /** `checksumOf` each binary row, by key. */
  checksums: Record<string, number>;
  /** Size of all binary rows. */
  bytes: number;
  /**
   * The newest `fetchedAt` among the indexed articles ('' when unknown). On start-up only articles
   * fetched from a little before it on can have changed without the index knowing (a page closed before
   * it caught up), so only those are checked against their stored hash: no read of every article row.
   */
  maxFetchedAt?: string;
}

type Head = Omit<RelatedIndexJSON, 'docs' | 'terms'> & { termCount: number };

const headKey = (partition: string) => `p:${partition}:head`;
const docsKey = (partition: string, n: number) => `p:${partition}:docs:${String(n).padStart(6, '0')}`;
const termsKey = (partition: string, n: number) => `p:${partition}:terms:${String(n).padStart(6, '0')}`;

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
  {
    now = new Date(), docsPerChunk = DOCS_PER_CHUNK, termsPerChunk = TERMS_PER_CHUNK, maxFetchedAt = '',
  }: { now?: Date; docsPerChunk?: number; termsPerChunk?: number; maxFetchedAt?: string } = {},
): Promise<RelatedManifest> {
  // Everything is captured and encoded synchronously first: the caller may go on changing the indexes
  // while the rows are written, and the snapshot must be of one moment. Binary rows are a fraction of
  // the index's memory, so holding them all until the transaction ends is affordable.
  const rows: RelatedChunkRow[] = [];
  const checksums: Record<string, number> = {};
  let bytes = 0;
  const binary = (key: string, data: ArrayBuffer) => {
    rows.push({ key, data });
    checksums[key] = checksumOf(data);
    bytes += data.byteLength;
  };
  const described: RelatedManifest['partitions'] = [];
  let count = 0;
  for (const [name, { index, hashes }] of partitions) {
    const { docs, terms, ...rest } = index.toJSON();
    if (docs.length !== hashes.size) throw new Error(`related index ${name}: ${docs.length} articles but ${hashes.size} hashes`);
    const head: Head = { ...rest, termCount: terms.length };
    rows.push({ key: headKey(name), data: JSON.stringify(head) });
    let termChunks = 0;
    for (let start = 0; start < terms.length; start += termsPerChunk) {
      binary(termsKey(name, termChunks++), encodeTermsChunk(terms.slice(start, start + termsPerChunk)));
    }
    let chunks = 0;
    for (let start = 0; start < docs.length; start += docsPerChunk) {
      const slice = docs.slice(start, start + docsPerChunk);
      binary(docsKey(name, chunks++), encodeDocsChunk({ docs: slice, hashes: slice.map((d) => hashes.get(d.id) ?? '') }));
    }
    described.push({ name, count: docs.length, chunks, termChunks });
    count += docs.length;
  }
  const manifest: RelatedManifest = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    count,
    fingerprint: fingerprintOf(allPairs(partitions)),
    savedAt: now.toISOString(),
    partitions: described,
    checksums,
    bytes,
    maxFetchedAt,
  };
  const table = chunkTable(db);
  await db.transaction('rw', table, async () => {
    await table.clear();
    await table.bulkPut(rows);
    await table.put({ key: MANIFEST_KEY, data: JSON.stringify(manifest) });
  });
  return manifest;
}

export type LoadResult =
  | { ok: true; partitions: Map<string, RelatedPartition>; manifest: RelatedManifest }
  | { ok: false; reason: 'empty' | 'format' | 'inconsistent' | 'corrupt'; detail: string };

/** Loads the stored indexes; anything short of exactly what the manifest describes is refused. */
export async function loadRelatedIndexes(db: ArchiveDb): Promise<LoadResult> {
  // One read transaction, so a save from another window cannot interleave its rows with ours.
  const table = chunkTable(db);
  const byKey = new Map<string, string | ArrayBuffer>();
  await db.transaction('r', table, () => table.each((row) => void byKey.set(row.key, row.data)));
  if (!byKey.has(MANIFEST_KEY)) {
    return byKey.size === 0 ? { ok: false, reason: 'empty', detail: 'no stored index' } : { ok: false, reason: 'inconsistent', detail: 'chunks without a manifest' };
  }
  const text = (key: string): unknown => {
    const data = byKey.get(key);
    if (typeof data !== 'string') throw new Error(`row ${key} is not text`);
    try {
      return JSON.parse(data);
    } catch {
      throw new Error(`row ${key} is not JSON`);
    }
  };
  try {
    const manifest = text(MANIFEST_KEY) as RelatedManifest | null;
    if (!manifest || manifest.format !== STORE_FORMAT || manifest.version !== STORE_VERSION) {
      return { ok: false, reason: 'format', detail: `stored format ${String(manifest?.format)} v${String(manifest?.version)}` };
    }
    if (!Array.isArray(manifest.partitions) || !manifest.checksums || typeof manifest.checksums !== 'object') {
      return { ok: false, reason: 'corrupt', detail: 'manifest is incomplete' };
    }
    const expectedKeys = new Set([MANIFEST_KEY]);
    // A binary row the manifest lists, checked against its checksum before it is decoded.
    const binary = (key: string): ArrayBuffer | 'missing' | 'damaged' => {
      const data = byKey.get(key);
      if (data === undefined) return 'missing';
      expectedKeys.add(key);
      if (!(data instanceof ArrayBuffer) || checksumOf(data) !== manifest.checksums[key]) return 'damaged';
      return data;
    };
    const partitions = new Map<string, RelatedPartition>();
    let count = 0;
    for (const { name, count: partitionCount, chunks, termChunks } of manifest.partitions) {
      if (!byKey.has(headKey(name))) return { ok: false, reason: 'inconsistent', detail: `partition ${name} has no head` };
      expectedKeys.add(headKey(name));
      const { termCount, ...head } = text(headKey(name)) as Head;
      const terms: string[] = [];
      for (let n = 0; n < termChunks; n++) {
        const data = binary(termsKey(name, n));
        if (data === 'missing') return { ok: false, reason: 'inconsistent', detail: `partition ${name} misses term chunk ${n}` };
        if (data === 'damaged') return { ok: false, reason: 'corrupt', detail: `partition ${name}: term chunk ${n} is damaged` };
        for (const t of decodeTermsChunk(data)) terms.push(t);
      }
      if (terms.length !== termCount) return { ok: false, reason: 'inconsistent', detail: `partition ${name}: ${terms.length} terms, head says ${termCount}` };
      const docs: RelatedDocJSON[] = [];
      const hashes = new Map<string, string>();
      for (let n = 0; n < chunks; n++) {
        const data = binary(docsKey(name, n));
        if (data === 'missing') return { ok: false, reason: 'inconsistent', detail: `partition ${name} misses chunk ${n}` };
        if (data === 'damaged') return { ok: false, reason: 'corrupt', detail: `partition ${name}: chunk ${n} is damaged` };
        const chunk = decodeDocsChunk(data);
        chunk.docs.forEach((d, i) => {
          docs.push(d);
          hashes.set(d.id, chunk.hashes[i]);
        });
      }
      if (docs.length !== partitionCount || hashes.size !== partitionCount) {
        return { ok: false, reason: 'inconsistent', detail: `partition ${name}: manifest says ${partitionCount}, found ${docs.length}` };
      }
      partitions.set(name, { index: RelatedIndex.fromJSON({ ...head, terms, docs }), hashes });
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
