/**
 * Articles whose stored vector contains one term, with that term's quantised weight.
 * Parallel typed arrays rather than an array of objects: at 100k articles × 64 terms the
 * index holds millions of entries and per-entry objects would dominate memory.
 */
export class PostingList {
  slots: Int32Array;
  weights: Uint16Array;
  size = 0;

  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.weights = new Uint16Array(capacity);
  }

  /** Appends an entry and returns its position. */
  push(slot: number, weight: number): number {
    if (this.size === this.slots.length) {
      const slots = new Int32Array(this.size * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Uint16Array(this.size * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.size] = slot;
    this.weights[this.size] = weight;
    return this.size++;
  }

  /**
   * Removes the entry at `position` by moving the last entry into it — order carries no
   * meaning because scores are exact integer sums. Returns the slot that moved (its stored
   * position must be updated by the caller), or -1 if nothing moved.
   */
  removeAt(position: number): number {
    this.size--;
    if (position === this.size) return -1;
    this.slots[position] = this.slots[this.size];
    this.weights[position] = this.weights[this.size];
    return this.slots[position];
  }
}
