import type { Table } from 'dexie';
import type { IndexChunk, IndexChunkInput } from '../../shared/search/index';
import type { ArchiveDb } from './ArchiveDb';

/**
 * The persisted search index: the engine's chunks, the (id → content hash) table of what it holds,
 * and a manifest, all in `searchChunks`, always replaced together in one transaction. A page killed
 * mid-write therefore leaves the previous complete set, never a mix of two.
 *
 * Rows hold the engine's bytes as they are (a Uint8Array): at 100,000 articles the index is ~270 MB,
 * and base64 text would cost a third more space and seconds of encoding on every save. The table is
 * declared with `ChunkRow` (text) for everyone else; this module reads it through its own row type.
 */
export interface SearchChunkRow {
  key: string;
  data: Uint8Array | string;
}

/** Bumped when what this module writes changes shape; an older set is then rebuilt, not misread. */
export const SEARCH_STORE_FORMAT = 1;

const MANIFEST = 'manifest';
const HASHES = 'hashes';
const CHUNK_PREFIX = 'chunk:';

export interface SearchManifest {
  format: number;
  /** The engine's fingerprint over (id, contentHash) of what the chunks hold. */
  fingerprint: string;
  docs: number;
  /**
   * The newest `fetchedAt` among indexed articles. On startup, articles fetched from a little before
   * it on are checked against their stored hash: that is where writes the index had not caught up
   * with (a page killed mid-indexing) can hide.
   */
  maxFetchedAt: string;
  savedAt: string;
  /** Every engine chunk key, so a load can tell a complete set from a damaged one. */
  chunkKeys: string[];
}

export interface PersistedSearchIndex {
  manifest: SearchManifest;
  chunks: IndexChunkInput[];
  /** Article id → the short content hash it was indexed with. */
  hashes: Map<string, string>;
}

export interface SearchIndexSnapshot {
  chunks: IndexChunk[];
  fingerprint: string;
  hashes: ReadonlyMap<string, string>;
  maxFetchedAt: string;
}

function chunkTable(db: ArchiveDb): Table<SearchChunkRow, string> {
  return db.table<SearchChunkRow, string>('searchChunks');
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const asText = (data: Uint8Array | string) => (typeof data === 'string' ? data : decoder.decode(data));

/** Replaces the stored index with this snapshot, atomically. */
export async function saveSearchIndex(db: ArchiveDb, snapshot: SearchIndexSnapshot, now = new Date()): Promise<SearchManifest> {
  const manifest: SearchManifest = {
    format: SEARCH_STORE_FORMAT,
    fingerprint: snapshot.fingerprint,
    docs: snapshot.hashes.size,
    maxFetchedAt: snapshot.maxFetchedAt,
    savedAt: now.toISOString(),
    chunkKeys: snapshot.chunks.map((c) => c.key),
  };
  const rows: SearchChunkRow[] = snapshot.chunks.map((c) => ({ key: CHUNK_PREFIX + c.key, data: c.data }));
  rows.push({ key: HASHES, data: encoder.encode(JSON.stringify([...snapshot.hashes])) });
  rows.push({ key: MANIFEST, data: JSON.stringify(manifest) });
  const table = chunkTable(db);
  await db.transaction('rw', table, async () => {
    await table.clear();
    await table.bulkPut(rows);
  });
  return manifest;
}

/** The manifest alone (cheap), or null when nothing usable is stored. */
export async function readSearchManifest(db: ArchiveDb): Promise<SearchManifest | null> {
  const row = await chunkTable(db).get(MANIFEST);
  if (!row) return null;
  try {
    const manifest = JSON.parse(asText(row.data)) as SearchManifest;
    return manifest.format === SEARCH_STORE_FORMAT ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * The stored index, or null when there is none or it is incomplete or of another format (the caller
 * rebuilds). Whether the chunks decode is for the engine's `importChunks` to say.
 */
export async function loadSearchIndex(db: ArchiveDb): Promise<PersistedSearchIndex | null> {
  const table = chunkTable(db);
  return db.transaction('r', table, async () => {
    const manifest = await readSearchManifest(db);
    if (!manifest) return null;
    const rows = await table.bulkGet([HASHES, ...manifest.chunkKeys.map((k) => CHUNK_PREFIX + k)]);
    if (rows.some((r) => r === undefined)) return null;
    const [hashRow, ...chunkRows] = rows as SearchChunkRow[];
    let pairs: [string, string][];
    try {
      pairs = JSON.parse(asText(hashRow.data)) as [string, string][];
    } catch {
      return null;
    }
    if (!Array.isArray(pairs) || pairs.length !== manifest.docs) return null;
    return {
      manifest,
      hashes: new Map(pairs),
      chunks: chunkRows.map((r) => ({ key: r.key.slice(CHUNK_PREFIX.length), data: r.data })),
    };
  });
}

export async function clearSearchIndex(db: ArchiveDb): Promise<void> {
  await chunkTable(db).clear();
}
