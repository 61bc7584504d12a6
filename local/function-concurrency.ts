/**
 * How many of the workflow's Lambda steps the local runner runs at once. On AWS every invocation
 * has a runtime of its own; locally they all share the stack's one thread with the gateway, the
 * pushes and the builds' bookkeeping. Twenty missions started together would otherwise run
 * twenty steps interleaved, and every WebSocket push, API answer and step would wait behind the
 * others' work (an event's push took 100 ms and more at twenty missions). With a limit, the
 * steps past it wait their turn, as invocations past a function's reserved concurrency wait for
 * Step Functions' retry on AWS, and what does run keeps its pace. The turn goes to the step of the
 * execution that started first (in arrival order among steps of one start): a mission already
 * under way finishes its steps before the missions submitted after it take theirs, so twenty
 * missions submitted together reach their builds in the order they came, the first ones at once,
 * instead of every mission's second step waiting behind all twenty first steps.
 *
 * A step holds its place while it works, but not while it only waits: one that has not ended
 * after `holdMs` (an LLM's answer, `git`, an app's first page) lets the next one start, so a slow
 * call never holds up the other missions. And a step gives way to the API: it starts once the
 * gateway is answering no request, or after a bounded wait (see `ApiActivity`), so that twenty
 * submissions arriving together are answered first, and their missions' first steps (and pushes)
 * then run on a thread and a store that are not busy with the rest of the burst.
 */
export class FunctionConcurrency {
  private running = 0;
  /** Waiting steps, the next to run first: by their execution's start, then by arrival. */
  private readonly waiting: Array<{ readonly go: () => void; readonly rank: number }> = [];

  /**
   * `giveWay`: before a step starts, it waits (at most `maxMs`) until the gateway answers no API
   * request: a person waiting for an answer goes before background work, and a stream of requests
   * never holds a step back longer than that.
   */
  constructor(
    readonly limit: number,
    readonly holdMs: number,
    private readonly giveWay?: { readonly activity: ApiActivity; readonly maxMs: number },
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The step limit must be a positive integer, not ${limit}`);
    if (!(holdMs > 0)) throw new RangeError(`The hold time must be positive, not ${holdMs}`);
  }

  /** Steps waiting for their turn. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `step` once it is its turn. `rank` orders the waiting steps, lowest first (the runner
   * passes its execution's start time); equal ranks go in arrival order. A step still waiting when
   * `stopped` aborts never runs: the returned promise rejects with `stoppedError()`.
   */
  async run<T>(step: () => Promise<T>, stopped: AbortSignal, stoppedError: () => Error, rank = 0): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await this.turn(stopped, stoppedError, rank);
    if (this.giveWay) {
      await this.giveWay.activity.quiet(this.giveWay.maxMs);
      if (stopped.aborted) {
        this.pass();
        throw stoppedError();
      }
    }
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      this.pass();
    };
    const timer = setTimeout(release, this.holdMs);
    try {
      return await step();
    } finally {
      release();
    }
  }

  /** Gives a place up: straight to the next step waiting, if any. */
  private pass(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.running -= 1;
  }

  private turn(stopped: AbortSignal, stoppedError: () => Error, rank: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (stopped.aborted) return reject(stoppedError());
      const go = (): void => {
        stopped.removeEventListener('abort', onStop);
        resolve();
      };
      const onStop = (): void => {
        const at = this.waiting.findIndex((entry) => entry.go === go);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(stoppedError());
      };
      stopped.addEventListener('abort', onStop, { once: true });
      // After every step of the same or an earlier rank: the line stays in order without a sort.
      const at = this.waiting.findIndex((entry) => entry.rank > rank);
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { go, rank });
    });
  }
}

/**
 * The API requests the gateway is answering now, which workflow steps give way to (see
 * `FunctionConcurrency`). A request counts for at most `busyMs`: one still open after that waits
 * on something else (a slow client, an LLM's answer), not on the stack's thread.
 */
export class ApiActivity {
  private busy = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly busyMs: number) {}

  /** Requests counted as being answered now. */
  get active(): number {
    return this.busy;
  }

  /** Counts a request from now; call the returned function once it is answered (further calls do nothing). */
  begin(): () => void {
    this.busy += 1;
    let open = true;
    const end = (): void => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      this.busy -= 1;
      if (this.busy === 0) for (const listener of [...this.listeners]) listener();
    };
    const timer = setTimeout(end, this.busyMs);
    timer.unref();
    return end;
  }

  /** Resolves once no request is counted, or after `maxMs`, whichever comes first. */
  quiet(maxMs: number): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      this.listeners.add(done);
    });
  }
}
