import { Fragment } from 'react';
import type { SnippetSegment } from '../../../shared/search/index';

/** Text with the words that matched the query in <mark>. */
export function Highlighted({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
