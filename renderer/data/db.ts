import { ArchiveDb } from './ArchiveDb';

/** The app's database. Only renderer/data and renderer/hooks touch it; components go through hooks. */
export const db = new ArchiveDb();
