import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AnnotationRow,
  ArticleRow,
  BodyRow,
  BookmarkRow,
  ChunkRow,
  CollectionItemRow,
  CollectionRow,
  ImageRow,
  ReadStateRow,
  SettingRow,
  SourceRow,
  SyncRunRow,
} from './rows';
import { SCHEMA_VERSIONS } from './schema';

export const DB_NAME = 'archive-reader';

export class ArchiveDb extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<BodyRow, 'id'>;
  images!: EntityTable<ImageRow, 'url'>;
  bookmarks!: EntityTable<BookmarkRow, 'articleId'>;
  collections!: EntityTable<CollectionRow, 'id'>;
  collectionItems!: Table<CollectionItemRow, [string, string]>;
  annotations!: EntityTable<AnnotationRow, 'id'>;
  readState!: EntityTable<ReadStateRow, 'articleId'>;
  syncRuns!: EntityTable<SyncRunRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  searchChunks!: EntityTable<ChunkRow, 'key'>;
  relatedChunks!: EntityTable<ChunkRow, 'key'>;

  /** `upTo` opens an older schema; upgrade tests use it to write a database as a past release did. */
  constructor(name = DB_NAME, options?: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options?.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (options?.upTo !== undefined && version > options.upTo) break;
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}
