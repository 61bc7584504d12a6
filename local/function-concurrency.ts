/**
 * How many of the workflow's Lambda steps the local runner runs at once. On AWS every invocation
 * has a runtime of its own; locally they all share the stack's one thread with the gateway, the
 * pushes and the builds' bookkeeping. Twenty missions started together would otherwise run
 * twenty steps interleaved, and every WebSocket push, API answer and step would wait behind the
 * others' work (an event's push took 100 ms and more at twenty missions). With a limit, the
 * steps past it wait their turn in arrival order, as invocations past a function's reserved
 * concurrency wait for Step Functions' retry on AWS, and what does run keeps its pace.
 *
 * A step holds its place while it works, but not while it only waits: one that has not ended
 * after `holdMs` (an LLM's answer, `git`, an app's first page) lets the next one start, so a slow
 * call never holds up the other missions.
 */
export class FunctionConcurrency {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly holdMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The step limit must be a positive integer, not ${limit}`);
    if (!(holdMs > 0)) throw new RangeError(`The hold time must be positive, not ${holdMs}`);
  }

  /** Steps waiting for their turn. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `step` once it is its turn. A step still waiting when `stopped` aborts never runs: the
   * returned promise rejects with `stoppedError()`.
   */
  async run<T>(step: () => Promise<T>, stopped: AbortSignal, stoppedError: () => Error): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await this.turn(stopped, stoppedError);
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      // The place passes straight to the next step waiting, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
    const timer = setTimeout(release, this.holdMs);
    try {
      return await step();
    } finally {
      release();
    }
  }

  private turn(stopped: AbortSignal, stoppedError: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (stopped.aborted) return reject(stoppedError());
      const go = (): void => {
        stopped.removeEventListener('abort', onStop);
        resolve();
      };
      const onStop = (): void => {
        const at = this.waiting.indexOf(go);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(stoppedError());
      };
      stopped.addEventListener('abort', onStop, { once: true });
      this.waiting.push(go);
    });
  }
}
