/**
 * Picks up to `limit` terms for display from `ranked` (best first). A bigram says more than
 * its halves ("dân vận" vs "dân", "vận"), so a unigram already covered by a picked bigram is
 * skipped, and a bigram arriving after one of its halves takes that half's place.
 */
export function pickSharedTerms(ranked: Iterable<string>, limit = 3): string[] {
  const picked: string[] = [];
  for (const term of ranked) {
    if (picked.length >= limit) break;
    const parts = term.split(' ');
    if (parts.length === 1) {
      if (!picked.some((p) => p.split(' ').includes(term))) picked.push(term);
      continue;
    }
    const halves = picked.filter((p) => !p.includes(' ') && parts.includes(p));
    if (halves.length === 0) {
      picked.push(term);
      continue;
    }
    picked[picked.indexOf(halves[0])] = term;
    for (const other of halves.slice(1)) picked.splice(picked.indexOf(other), 1);
  }
  return picked;
}
