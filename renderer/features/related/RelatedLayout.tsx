import type { ReactNode } from 'react';
import { RelatedSidebar } from './RelatedSidebar';
import './related.css';

interface Props {
  /** The article the reader shows, or null. */
  articleId: string | null;
  onOpen(id: string): void;
  /** The reader. */
  children: ReactNode;
}

/** Puts the related-articles sidebar beside the reader on wide windows and below it on narrower ones. */
export function RelatedLayout({ articleId, onOpen, children }: Props) {
  return (
    <div className="reader-area">
      {children}
      <RelatedSidebar articleId={articleId} onOpen={onOpen} />
    </div>
  );
}
