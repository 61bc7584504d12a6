/**
 * Runs async tasks one at a time per key, in the order they were given; tasks of different keys
 * run side by side. A task starts when the one before it has settled (resolved or failed), and
 * a key is forgotten once its last task has settled.
 */
export class OneAtATime<K> {
  private readonly tails = new Map<K, Promise<void>>();

  run<R>(key: K, task: () => Promise<R>): Promise<R> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
