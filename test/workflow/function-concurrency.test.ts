import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiActivity, FunctionConcurrency } from '../../local/function-concurrency';
import { LocalWorkflowRunner, type LocalTask } from '../../local/workflow-runner';

/**
 * The local runner's limit on Lambda steps running at once: steps past it wait their turn, the
 * step of the execution that started first going first (arrival order among equals); a step that only waits lets the next one start after the hold time; a step of a
 * stopped execution that is still waiting never runs; the ECS build is not a function's step.
 */

const stopped = () => new Error('stopped');
const never = new AbortController().signal;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}

test('steps past the limit wait for a place, in the order they came', async () => {
  const limit = new FunctionConcurrency(2, 60_000);
  const log: string[] = [];
  const gates = [gate(), gate(), gate(), gate()];
  const runs = gates.map((g, i) =>
    limit.run(
      async () => {
        log.push(`start ${i}`);
        await g.promise;
        log.push(`end ${i}`);
        return i;
      },
      never,
      stopped,
    ),
  );
  await sleep(5);
  expect(log).toEqual(['start 0', 'start 1']);
  expect(limit.queued).toBe(2);
  gates[1]!.open();
  await sleep(5);
  expect(log).toEqual(['start 0', 'start 1', 'end 1', 'start 2']);
  gates[0]!.open();
  gates[2]!.open();
  gates[3]!.open();
  await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
  expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 0', 'start 1', 'start 2', 'start 3']);
  expect(limit.queued).toBe(0);
});

test('the waiting step of the execution that started first goes next; equal starts go in the order they came', async () => {
  const limit = new FunctionConcurrency(1, 60_000);
  const log: string[] = [];
  const first = gate();
  const step = (name: string, rank: number, wait?: Promise<void>) =>
    limit.run(
      async () => {
        log.push(name);
        await wait;
      },
      never,
      stopped,
      rank,
    );
  const runs = [step('a', 5, first.promise), step('late', 30), step('early-1', 10), step('later', 20), step('early-2', 10)];
  await sleep(5);
  expect(limit.queued).toBe(4);
  first.open();
  await Promise.all(runs);
  expect(log).toEqual(['a', 'early-1', 'early-2', 'later', 'late']);
});

test('a step that fails gives its place to the next one', async () => {
  const limit = new FunctionConcurrency(1, 60_000);
  const failing = limit.run(() => Promise.reject(new Error('boom')), never, stopped);
  const next = limit.run(async () => 'ran', never, stopped);
  await expect(failing).rejects.toThrow('boom');
  await expect(next).resolves.toBe('ran');
});

test('a step still running after the hold time lets the next one start; places are not counted twice', async () => {
  const limit = new FunctionConcurrency(1, 30);
  const slow = gate();
  const started: number[] = [];
  const t0 = Date.now();
  const first = limit.run(() => slow.promise, never, stopped);
  const second = limit.run(async () => void started.push(Date.now() - t0), never, stopped);
  await second;
  expect(started[0]).toBeGreaterThanOrEqual(25);
  // The first still runs; its end must not free a place it no longer holds.
  const third = gate();
  const thirdRun = limit.run(() => third.promise, never, stopped);
  slow.open();
  await first;
  let fourthRan = false;
  const fourth = limit.run(async () => void (fourthRan = true), never, stopped);
  await sleep(10);
  expect(fourthRan).toBe(false);
  third.open();
  await Promise.all([thirdRun, fourth]);
  expect(fourthRan).toBe(true);
});

test('a waiting step of a stopped execution never runs', async () => {
  const limit = new FunctionConcurrency(1, 60_000);
  const busy = gate();
  const running = limit.run(() => busy.promise, never, stopped);
  const stop = new AbortController();
  let ran = false;
  const waiting = limit.run(async () => void (ran = true), stop.signal, stopped);
  stop.abort();
  await expect(waiting).rejects.toThrow('stopped');
  busy.open();
  await running;
  await expect(limit.run(async () => 'next', never, stopped)).resolves.toBe('next');
  expect(ran).toBe(false);
  expect(() => new FunctionConcurrency(0, 10)).toThrow(RangeError);
});

test('a step gives way to the API: it starts once no request is being answered, or after the bounded wait', async () => {
  const activity = new ApiActivity(60_000);
  const limit = new FunctionConcurrency(1, 60_000, { activity, maxMs: 200 });
  const end = activity.begin();
  expect(activity.active).toBe(1);
  let started = false;
  const run = limit.run(async () => void (started = true), never, stopped);
  await sleep(30);
  expect(started).toBe(false);
  end();
  end(); // answered once, counted once
  await run;
  expect(started).toBe(true);
  expect(activity.active).toBe(0);

  // A request that stays open does not hold a step for longer than the wait.
  const open = activity.begin();
  const t0 = Date.now();
  await limit.run(async () => undefined, never, stopped);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  open();
  // With nothing being answered, a step starts at once.
  const t1 = Date.now();
  await limit.run(async () => undefined, never, stopped);
  expect(Date.now() - t1).toBeLessThan(100);
});

test('a request counts for at most its busy time; a step of an execution stopped while it gave way never runs', async () => {
  const activity = new ApiActivity(40);
  activity.begin();
  expect(activity.active).toBe(1);
  await sleep(60);
  expect(activity.active).toBe(0);

  const limit = new FunctionConcurrency(1, 60_000, { activity: new ApiActivity(60_000), maxMs: 60_000 });
  const busy = new ApiActivity(60_000);
  const giving = new FunctionConcurrency(1, 60_000, { activity: busy, maxMs: 60_000 });
  const end = busy.begin();
  const stop = new AbortController();
  let ran = false;
  const waiting = giving.run(async () => void (ran = true), stop.signal, stopped);
  stop.abort();
  end();
  await expect(waiting).rejects.toThrow('stopped');
  expect(ran).toBe(false);
  // Its place was given back.
  await expect(giving.run(async () => 'next', never, stopped)).resolves.toBe('next');
  await expect(limit.run(async () => 'free', never, stopped)).resolves.toBe('free');
});

describe('in the runner', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gantry-limit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const DEFINITION = JSON.stringify({
    StartAt: 'Step',
    States: {
      Step: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:Step', Next: 'Build' },
      Build: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true },
    },
  });

  test("a mission under way takes its next step before later missions' first steps", async () => {
    const log: string[] = [];
    const step =
      (name: string): LocalTask =>
      async (input) => {
        log.push(`${name}${(input as { i: number }).i}`);
        await sleep(10);
        return input;
      };
    const runner = new LocalWorkflowRunner({
      definitionJson: JSON.stringify({
        StartAt: 'Draft',
        States: {
          Draft: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:Draft', Next: 'Gate' },
          Gate: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:Gate', End: true },
        },
      }),
      dir,
      tasks: { Draft: step('draft'), Gate: step('gate') },
      functionConcurrency: new FunctionConcurrency(1, 60_000),
    });
    for (let i = 0; i < 3; i++) {
      await runner.start(`exec-${i}`, { i });
      await sleep(3); // distinct start times
    }
    await runner.drain();
    // In arrival order alone it would be draft0 draft1 draft2 gate0 gate1 gate2: every mission's
    // second step behind all first steps.
    expect(log.indexOf('gate0')).toBeLessThan(log.indexOf('draft2'));
    expect(log.indexOf('gate1')).toBeLessThan(log.indexOf('gate2'));
    expect(log).toHaveLength(6);
  });

  test("the steps next to a build (the one that starts it, the one that takes its result) go before other missions' steps", async () => {
    // The rank each step waits with (lowest first), as the runner hands it to the limit.
    let current = 0;
    const ranks = new Map<string, number>();
    class Ranks extends FunctionConcurrency {
      override async run<T>(step: () => Promise<T>, _stopped: AbortSignal, _error: () => Error, rank = 0): Promise<T> {
        current = rank;
        return step();
      }
    }
    const step =
      (name: string): LocalTask =>
      async (input) => {
        ranks.set(`${name}${(input as { i: number }).i}`, current);
        return input;
      };
    const fn = (name: string, next?: string) => ({
      Type: 'Task',
      Resource: `arn:aws:lambda:local:000000000000:function:${name}`,
      ...(next ? { Next: next } : { End: true }),
    });
    const runner = new LocalWorkflowRunner({
      definitionJson: JSON.stringify({
        StartAt: 'Draft',
        States: {
          Draft: fn('Draft', 'Gate'),
          Gate: fn('Gate', 'Build'),
          Build: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'Audit' },
          Audit: fn('Audit', 'Deploy'),
          Deploy: fn('Deploy'),
        },
      }),
      dir,
      tasks: {
        Draft: step('draft'),
        Gate: step('gate'),
        Build: async (input) => input,
        Audit: step('audit'),
        Deploy: step('deploy'),
      },
      functionConcurrency: new Ranks(1, 60_000),
    });
    await runner.start('exec-0', { i: 0 });
    await sleep(3);
    await runner.start('exec-1', { i: 1 });
    await runner.drain();
    const rank = (name: string): number => ranks.get(name) ?? Number.NaN;
    // A later mission's gate and audit go before an earlier mission's other steps: a builder is
    // held from the one to the other, and it would stand idle behind that bookkeeping.
    for (const near of ['gate1', 'audit1'])
      for (const other of ['draft0', 'deploy0']) expect(rank(near)).toBeLessThan(rank(other));
    // Among themselves, and among the other steps, the mission that started first goes first.
    expect(rank('gate0')).toBeLessThan(rank('gate1'));
    expect(rank('audit0')).toBeLessThan(rank('audit1'));
    expect(rank('deploy0')).toBeLessThan(rank('draft1'));
  });

  test('executions run one function step at a time; the ECS build is not limited', async () => {
    let steps = 0;
    let stepsPeak = 0;
    let builds = 0;
    let buildsPeak = 0;
    const track =
      (kind: 'step' | 'build', ms: number): LocalTask =>
      async (input) => {
        if (kind === 'step') stepsPeak = Math.max(stepsPeak, ++steps);
        else buildsPeak = Math.max(buildsPeak, ++builds);
        await sleep(ms);
        if (kind === 'step') steps -= 1;
        else builds -= 1;
        return input;
      };
    const runner = new LocalWorkflowRunner({
      definitionJson: DEFINITION,
      dir,
      tasks: { Step: track('step', 15), Build: track('build', 60) },
      functionConcurrency: new FunctionConcurrency(1, 60_000),
    });
    await Promise.all(Array.from({ length: 4 }, (_, i) => runner.start(`exec-${i}`, { i })));
    await runner.drain();
    const outcomes = await Promise.all(Array.from({ length: 4 }, (_, i) => runner.describe(`exec-${i}`)));
    expect(outcomes.map((o) => o?.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(stepsPeak).toBe(1);
    expect(buildsPeak).toBeGreaterThan(1);
  });
});
