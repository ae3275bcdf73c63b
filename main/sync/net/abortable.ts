/**
 * Settles as `p` does, or rejects with the signal's reason as soon as it aborts, whichever comes first.
 * A value `p` delivers after the abort goes to `release` (a response whose connection must be let go).
 */
export function abortable<T>(p: Promise<T>, signal: AbortSignal, release?: (late: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const first = () => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = () => {
      if (!first()) return;
      reject(signal.reason);
      if (release) p.then(release, () => {});
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (value) => first() && resolve(value),
      (err: unknown) => first() && reject(err),
    );
  });
}
