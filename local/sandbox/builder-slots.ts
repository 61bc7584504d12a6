/**
 * How many builders may run at once on one local stack (`policy.builder.concurrency`): a FIFO
 * semaphore whose waiting line can be shown (a mission sees "queued, position 2").
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
  readonly onQueued?: (position: number) => unknown;
  lastPosition: number;
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

  /**
   * @param capacity builders that may run at once (at least 1)
   * @param onChange called after every grant, release or withdrawal (to push queue positions)
   */
  private size: number;

  constructor(
    capacity: number,
    private readonly onChange?: (snapshot: BuilderSlotsSnapshot) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.size = capacity;
  }

  /** Builders that may run at once. */
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
    this.changed();
  }

  /**
   * Waits for a slot; resolves with the function that gives it back (calling it twice is harmless).
   * `onQueued` hears the queue position (1 = next) when the wait starts and whenever it moves; it
   * is not called when a slot is free at once. Rejects with `SLOT_WAIT_ABORTED` if `signal`
   * aborts while waiting, `SLOT_ID_IN_USE` if `id` already holds or waits for a slot.
   */
  acquire(id: string, onQueued?: (position: number) => unknown, signal?: AbortSignal): Promise<() => void> {
    if (this.holders.has(id) || this.queue.some((w) => w.id === id)) {
      return Promise.reject(new BuilderSlotError('SLOT_ID_IN_USE', `${id} already holds or waits for a builder slot`));
    }
    if (signal?.aborted) return Promise.reject(new BuilderSlotError('SLOT_WAIT_ABORTED', `${id} was cancelled while queued`));
    if (this.holders.size < this.capacity && this.queue.length === 0) {
      const release = this.grant(id);
      this.changed();
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index === -1) return;
        this.queue.splice(index, 1);
        reject(new BuilderSlotError('SLOT_WAIT_ABORTED', `${id} was cancelled while queued`));
        this.changed();
      };
      const waiter: Waiter = {
        id,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        ...(onQueued ? { onQueued } : {}),
        lastPosition: 0,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.changed();
    });
  }

  /** Runs `task` while holding a slot for `id`. */
  async run<T>(id: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(id, undefined, signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** 0 while `id` holds a slot, 1.. while it waits (1 = next), null when unknown. */
  queuePosition(id: string): number | null {
    if (this.holders.has(id)) return 0;
    const index = this.queue.findIndex((w) => w.id === id);
    return index === -1 ? null : index + 1;
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
      this.changed();
    };
  }

  private next(): void {
    while (this.holders.size < this.capacity && this.queue.length > 0) {
      const waiter = this.queue.shift() as Waiter;
      waiter.grant(this.grant(waiter.id));
    }
  }

  private changed(): void {
    this.queue.forEach((waiter, index) => {
      if (!waiter.onQueued || waiter.lastPosition === index + 1) return;
      waiter.lastPosition = index + 1;
      // A listener's failure (say, a closed WebSocket) must not disturb the queue.
      void Promise.resolve()
        .then(() => waiter.onQueued?.(index + 1))
        .catch(() => undefined);
    });
    this.onChange?.(this.snapshot());
  }
}
