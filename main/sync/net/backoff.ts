/**
 * "Full jitter" backoff: a uniformly random delay in [0, min(max, base·2^attempt)).
 * Spreads retries of many clients (and of our own parallel requests) instead of
 * having them hit a recovering server in lock-step.
 * `attempt` is 0 for the first retry.
 */
export function fullJitterDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
