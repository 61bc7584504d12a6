import { OneAtATime } from '../../lambdas/domain/one-at-a-time';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('tasks of one key run one at a time, in the order given; a failed one does not stop the next', async () => {
  const queue = new OneAtATime<string>();
  const log: string[] = [];
  let running = 0;
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
      running -= 1;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  const results = await Promise.allSettled([
    queue.run('k', task('a', 15)),
    queue.run('k', task('b', 1, true)),
    queue.run('k', task('c', 5)),
  ]);
  expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b failed', 'c']);
});

test('tasks of different keys run side by side', async () => {
  const queue = new OneAtATime<object>();
  const [x, y] = [{}, {}];
  let running = 0;
  let most = 0;
  const task = async () => {
    running += 1;
    most = Math.max(most, running);
    await later(10);
    running -= 1;
  };
  await Promise.all([queue.run(x, task), queue.run(y, task), queue.run(x, task), queue.run(y, task)]);
  expect(most).toBe(2);
});
