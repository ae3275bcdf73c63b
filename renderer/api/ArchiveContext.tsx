import { createContext, useContext } from 'react';
import type { ArchiveBridge } from '../../shared/api/archiveApi';

export const ArchiveContext = createContext<ArchiveBridge | null>(null);

export function useArchive(): ArchiveBridge {
  const archive = useContext(ArchiveContext);
  if (!archive) throw new Error('useArchive outside ArchiveContext');
  return archive;
}
