/**
 * How many sandboxes (builds and debugger snippets) may run at once on one local stack
 * (`policy.builder.concurrency`): a FIFO semaphore. The queue position a mission shows comes from
 * the builders' line (`lambdas/app/builder-line.ts`), the same in both runtimes, not from here.
 */

export class BuilderSlotError extends Error {
  readonly code: 'SLOT_ID_IN_USE' | 'SLOT_WAIT_ABORTED';
  constructor(code: BuilderSlotError['code'], message: string) {
    super(message);
    this.name = 'BuilderSlotError';
    this.code = code;
  }
}

interface Waiter {
  readonly id: string;
  readonly grant: (release: () => void) => void;
}

export interface BuilderSlotsSnapshot {
  readonly capacity: number;
  readonly running: readonly string[];
  /** Waiting ids, first in line first. */
  readonly waiting: readonly string[];
}

export class BuilderSlots {
  private readonly holders = new Set<string>();
  private readonly queue: Waiter[] = [];

  private size: number;

  /** @param capacity sandboxes that may run at once (at least 1) */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.size = capacity;
  }

  /** Sandboxes that may run at once. */
  get capacity(): number {
    return this.size;
  }

  /**
   * Changes the number of slots (a reloaded policy). Growing starts waiters at once; shrinking
   * lets running builds finish and holds new ones back until the count is under the new size.
   */
  setCapacity(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    if (capacity === this.size) return;
    this.size = capacity;
    this.next();
  }

  /**
   * Waits for a slot; resolves with the function that gives it back (calling it twice is harmless).
   * Rejects with `SLOT_WAIT_ABORTED` if `signal` aborts while waiting, `SLOT_ID_IN_USE` if `id`
   * already holds or waits for a slot.
   */
  acquire(id: string, signal?: AbortSignal): Promise<() => void> {
    if (this.holders.has(id) || this.queue.some((w) => w.id === id)) {
      return Promise.reject(new BuilderSlotError('SLOT_ID_IN_USE', `${id} already holds or waits for a builder slot`));
    }
    if (signal?.aborted) return Promise.reject(new BuilderSlotError('SLOT_WAIT_ABORTED', `${id} was cancelled while queued`));
    if (this.holders.size < this.capacity && this.queue.length === 0) {
      const release = this.grant(id);
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index === -1) return;
        this.queue.splice(index, 1);
        reject(new BuilderSlotError('SLOT_WAIT_ABORTED', `${id} was cancelled while queued`));
      };
      const waiter: Waiter = {
        id,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Runs `task` while holding a slot for `id`. */
  async run<T>(id: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(id, signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  snapshot(): BuilderSlotsSnapshot {
    return { capacity: this.capacity, running: [...this.holders], waiting: this.queue.map((w) => w.id) };
  }

  private grant(id: string): () => void {
    this.holders.add(id);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders.delete(id);
      this.next();
    };
  }

  private next(): void {
    while (this.holders.size < this.capacity && this.queue.length > 0) {
      const waiter = this.queue.shift() as Waiter;
      waiter.grant(this.grant(waiter.id));
    }
  }
}
