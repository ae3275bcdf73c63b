/**
 * Picks up to `limit` terms for display from `ranked` (best first).
 *
 * A bigram says more than its halves ("dân vận" vs "dân", "vận"): a unigram already covered
 * by a picked bigram is skipped, and a bigram arriving after one of its halves takes that
 * half's place. Without word segmentation a longer word yields chained bigrams ("kỳ thi",
 * "thi tốt", "tốt nghiệp"); a bigram that chains onto a picked one is kept only if it is
 * more word-like by `cohesion` (higher = more often seen as a unit), so "bệnh nhân" can
 * follow "dịch bệnh" while "thi tốt" cannot follow "kỳ thi".
 */
export function pickSharedTerms(
  ranked: Iterable<string>,
  limit = 3,
  cohesion: (bigram: string) => number = () => 1,
): string[] {
  const picked: string[] = [];
  for (const term of ranked) {
    if (picked.length >= limit) break;
    const parts = term.split(' ');
    if (parts.length === 1) {
      if (!picked.some((p) => p.split(' ').includes(term))) picked.push(term);
      continue;
    }
    const [first, last] = [parts[0], parts[parts.length - 1]];
    const chained = picked.some((p) => {
      const ps = p.split(' ');
      if (ps.length === 1) return false;
      const joins = ps[ps.length - 1] === first || ps[0] === last;
      return joins && cohesion(term) <= cohesion(p);
    });
    if (chained) continue;
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
