interface Waiter {
  grant: () => void;
}

interface HostSlots {
  active: number;
  queue: Waiter[];
}

/**
 * Caps simultaneous requests per host with a FIFO queue per host, so one slow
 * portal cannot be hammered and a busy host does not block the others.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostSlots>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`per-host limit must be a positive integer, got ${limit}`);
  }

  /** Waits for a slot on `host`; the returned function releases it (idempotent). */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    const slots = this.slotsFor(host);
    if (slots.active < this.limit) {
      slots.active++;
      return this.releaser(host, slots);
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = slots.queue.indexOf(waiter);
        if (i >= 0) slots.queue.splice(i, 1);
        reject(signal?.reason);
      };
      slots.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // The releasing request handed its slot over without decrementing `active`.
    return this.releaser(host, slots);
  }

  /** Requests currently holding a slot on `host` (for diagnostics and tests). */
  activeCount(host: string): number {
    return this.hosts.get(host)?.active ?? 0;
  }

  private slotsFor(host: string): HostSlots {
    let slots = this.hosts.get(host);
    if (!slots) {
      slots = { active: 0, queue: [] };
      this.hosts.set(host, slots);
    }
    return slots;
  }

  private releaser(host: string, slots: HostSlots): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.queue.shift();
      if (next) {
        next.grant();
        return;
      }
      slots.active--;
      if (slots.active === 0) this.hosts.delete(host);
    };
  }
}
