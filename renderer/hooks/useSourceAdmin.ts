import { useMemo } from 'react';
import type { Discovery } from '../../shared/model/sync';
import { useArchive } from '../api/ArchiveContext';
import { db } from '../data/db';
import {
  addSource,
  addSources,
  findSourceByUrl,
  markSourceSeen,
  opmlEntriesFor,
  planSourceRemoval,
  removeSource,
  sourceFromOpml,
  updateSource,
  type NewSource,
  type SourcePatch,
} from '../data/sourcesRepo';
import type { SourceRow } from '../data/rows';
import { useSyncController } from './useSyncController';

export interface OpmlImportResult {
  added: number;
  duplicates: number;
  skipped: number;
}

export interface SourceAdmin {
  discover(url: string): Promise<Discovery>;
  findByUrl(url: string): Promise<SourceRow | undefined>;
  add(input: NewSource): Promise<SourceRow>;
  update(id: string, patch: SourcePatch): Promise<void>;
  setPaused(id: string, paused: boolean): Promise<void>;
  planRemoval(id: string): Promise<{ remove: number; keep: number }>;
  remove(id: string): Promise<{ removed: number; kept: number }>;
  markSeen(id: string): Promise<void>;
  /** Reads the file through main; a corrupt file throws (malformed-opml) before anything is written. */
  importOpml(text: string): Promise<OpmlImportResult>;
  exportOpml(): Promise<{ text: string; count: number }>;
}

/** Adding, editing, pausing and removing sources, and OPML import/export. */
export function useSourceAdmin(): SourceAdmin {
  const { api } = useArchive();
  const controller = useSyncController();
  return useMemo<SourceAdmin>(
    () => ({
      discover: (url) => api.discoverSource(url),
      findByUrl: (url) => findSourceByUrl(db, url),
      add: (input) => addSource(db, input),
      update: (id, patch) => updateSource(db, id, patch),
      setPaused: (id, paused) => updateSource(db, id, { paused }),
      async planRemoval(id) {
        const plan = await planSourceRemoval(db, id);
        return { remove: plan.remove.length, keep: plan.keep.length };
      },
      async remove(id) {
        await controller.cancelSource(id);
        return removeSource(db, id);
      },
      markSeen: (id) => markSourceSeen(db, id),
      async importOpml(text) {
        const { entries, skipped } = await api.importOpml(text);
        const sources: NewSource[] = [];
        let duplicates = 0;
        for (const entry of entries) {
          if (await findSourceByUrl(db, entry.url)) {
            duplicates++;
            continue;
          }
          // A site page says little by itself: discover its feeds and sitemaps when the site answers.
          const discovery = entry.kind === 'portal' ? await api.discoverSource(entry.url).catch(() => undefined) : undefined;
          sources.push(sourceFromOpml(entry, discovery));
        }
        const result = await addSources(db, sources);
        return { added: result.added, duplicates: duplicates + result.duplicates, skipped };
      },
      async exportOpml() {
        const entries = opmlEntriesFor(await db.sources.toArray());
        return { text: await api.exportOpml(entries), count: entries.length };
      },
    }),
    [api, controller],
  );
}
