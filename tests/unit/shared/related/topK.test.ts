import { describe, expect, it } from 'vitest';
import { topK } from '../../../../shared/related/topK';

describe('topK', () => {
  const scores = [0.5, 0.9, 0.1, 0.9, 0.7];
  const key = (i: number): string => ['e', 'd', 'c', 'b', 'a'][i];

  it('returns the best k, highest first, ties by key', () => {
    expect(topK([0, 1, 2, 3, 4], 5, 3, scores, key)).toEqual([3, 1, 4]);
  });

  it('handles k larger than the input and k = 0', () => {
    expect(topK([2, 0], 2, 10, scores, key)).toEqual([0, 2]);
    expect(topK([0, 1], 2, 0, scores, key)).toEqual([]);
  });

  it('does not depend on input order', () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const s = items.map((i) => (i * 37) % 23);
    const k = (i: number): string => String(i).padStart(3, '0');
    const forward = topK(items, items.length, 15, s, k);
    expect(topK([...items].reverse(), items.length, 15, s, k)).toEqual(forward);
    expect(forward).toEqual([...items].sort((a, b) => s[b] - s[a] || a - b).slice(0, 15));
  });
});
