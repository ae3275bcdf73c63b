/**
 * The k best of the first `count` entries of `items` by `scores[item]` (higher first), ties
 * broken by `tieKey` ascending so the result never depends on insertion order, slot numbers
 * or term numbers — which differ after a serialisation round trip. A size-k min-heap keeps
 * this O(n log k) for the thousands of candidate terms an expanded vector starts from;
 * scores are read from an array rather than a callback because this is the hot loop of
 * indexing.
 */
export function topK(
  items: ArrayLike<number>,
  count: number,
  k: number,
  scores: ArrayLike<number>,
  tieKey: (item: number) => string,
): number[] {
  if (k <= 0) return [];
  // "a is worse than b": lower score, or equal score and later key.
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a];
    const sb = scores[b];
    return sa < sb || (sa === sb && tieKey(a) > tieKey(b));
  };
  const heap: number[] = [];
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l], heap[w])) w = l;
      if (r < heap.length && worse(heap[r], heap[w])) w = r;
      if (w === i) return;
      const tmp = heap[i];
      heap[i] = heap[w];
      heap[w] = tmp;
      i = w;
    }
  };
  for (let n = 0; n < count; n++) {
    const item = items[n];
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        const tmp = heap[i];
        heap[i] = heap[parent];
        heap[parent] = tmp;
        i = parent;
      }
    } else if (scores[item] > scores[heap[0]] || (scores[item] === scores[heap[0]] && worse(heap[0], item))) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
