import type { ExecutionStatusChange } from '../../lambdas/domain/execution-status-event';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkflowRunner, type ExecutionRecord, type LocalTask } from '../../local/workflow-runner';

/**
 * The local runner's durable resume, without the rest of the stack: a first runner is cut off
 * while a state runs (its process is "gone": the state never returns and nothing is saved), and a
 * second runner on the same folder carries the execution on as a redrive does.
 */

const DEFINITION = JSON.stringify({
  StartAt: 'First',
  States: {
    First: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:First', Next: 'Second' },
    Second: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:Second', Next: 'Check' },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Third' }],
      Default: 'Broken',
    },
    Third: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:Third', End: true },
    Broken: { Type: 'Fail', Error: 'Broken' },
  },
});

type Calls = Array<{ state: string; input: unknown }>;

function tasks(calls: Calls, hang?: string): Record<string, LocalTask> {
  const task =
    (state: string, fn: (n: number) => number): LocalTask =>
    async (input) => {
      calls.push({ state, input });
      if (state === hang) return new Promise<never>(() => undefined);
      const n = (input as { n: number }).n;
      return { n: fn(n), trail: [...((input as { trail?: string[] }).trail ?? []), state] };
    };
  return { First: task('First', (n) => n + 1), Second: task('Second', (n) => n * 10), Third: task('Third', (n) => n + 3) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('condition not reached');
}

/** Freezes a runner whose state hangs (the "gone" process), so nothing of it outlives its test. */
async function stopCutOff(runner: LocalWorkflowRunner): Promise<void> {
  runner.suspend();
  await runner.drain();
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-runner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('an execution cut off in a state goes on from that state with its input; completed states do not run again', async () => {
  const before: Calls = [];
  const first = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: tasks(before, 'Second') });
  const { executionArn } = await first.start('exec-1', { n: 1 });
  await until(() => before.some((c) => c.state === 'Second'));
  // Let the journal catch up with the state that is in flight.
  await until(() => readFileSync(join(dir, 'exec-1.journal'), 'utf8').includes('"Second"'));

  const after: Calls = [];
  const second = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: tasks(after) });
  const unresumable: string[] = [];
  const outcomes = await second.recover(async (_r, reason) => void unresumable.push(reason));
  expect(unresumable).toEqual([]);
  expect(outcomes).toMatchObject([{ resumed: true, from: 'Second' }]);
  await second.drain();

  // First ran once, before the cut; Second ran again with exactly the input it had received.
  expect(before.map((c) => c.state)).toEqual(['First', 'Second']);
  expect(after).toEqual([
    { state: 'Second', input: { n: 2, trail: ['First'] } },
    { state: 'Third', input: { n: 20, trail: ['First', 'Second'] } },
  ]);
  const record = (await second.describe('exec-1')) as ExecutionRecord;
  expect(record).toMatchObject({ arn: executionArn, status: 'SUCCEEDED', redrive_count: 1 });
  expect(record.states).toEqual(['First', 'Second', 'Second', 'Check', 'Third']);
  const journal = await second.journal('exec-1');
  expect(journal.filter((e) => e.event === 'redriven').map((e) => e.state)).toEqual(['Second']);
  expect(journal.at(-1)).toMatchObject({ event: 'exited', state: 'Third', data: { n: 23 } });
  // The cut-off runner still holds its hung state: end it as a stop would, before the folder goes.
  await stopCutOff(first);
});

test('a retried start of the same execution is the same execution; another input under its name is refused', async () => {
  const calls: Calls = [];
  const runner = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: tasks(calls) });
  const a = await runner.start('exec-2', { n: 2 });
  const b = await runner.start('exec-2', { n: 2 });
  expect(b.executionArn).toBe(a.executionArn);
  await expect(runner.start('exec-2', { n: 3 })).rejects.toThrow(/already exists/);
  await runner.drain();
  expect(calls.filter((c) => c.state === 'First')).toHaveLength(1);
});

test('what cannot go on is failed with the reason: a task that no longer exists, a record from before journals', async () => {
  const calls: Calls = [];
  const first = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: tasks(calls, 'First') });
  await first.start('exec-3', { n: 1 });
  await until(() => calls.length > 0);
  writeFileSync(
    join(dir, 'exec-old.json'),
    JSON.stringify({
      arn: 'arn:x',
      name: 'exec-old',
      input: {},
      status: 'RUNNING',
      started_at: new Date().toISOString(),
      states: [],
    }),
  );
  // A torn first write: set aside, so the name can be started again.
  writeFileSync(join(dir, 'exec-torn.json'), '{"arn": "arn:');

  const { Third: _gone, ...fewer } = tasks([]);
  const second = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: fewer });
  const reasons = new Map<string, string>();
  const outcomes = await second.recover(async (record, reason) => void reasons.set(record.name, reason));
  expect(outcomes.every((o) => !o.resumed)).toBe(true);
  expect(reasons.get('exec-3')).toMatch(/definition changed: no task runs Third/);
  expect(reasons.get('exec-old')).toMatch(/cannot be carried on/);
  expect((await second.describe('exec-3'))?.status).toBe('INTERRUPTED');
  expect(await second.describe('exec-torn')).toBeNull();
  await expect(second.start('exec-torn', { n: 1 })).resolves.toHaveProperty('executionArn');
  await second.drain();
  await stopCutOff(first);
});

test('a failed execution is reported to onEnded (what an EventBridge rule sees on AWS)', async () => {
  const ended: ExecutionStatusChange[] = [];
  const runner = new LocalWorkflowRunner({
    definitionJson: DEFINITION,
    dir,
    tasks: { ...tasks([]), Second: async () => ({ n: 0 }) },
    onEnded: async (event) => void ended.push(event),
  });
  await runner.start('exec-4', { n: 1 });
  await runner.drain();
  expect(ended.map((e) => [e.detail.name, e.detail.status])).toEqual([['exec-4', 'FAILED']]);
});

test('a stop freezes executions instead of ending them: what the stop cut short is not recorded, the next start goes on', async () => {
  const before: Calls = [];
  let failSecond: (err: Error) => void = () => undefined;
  const cut: Record<string, LocalTask> = {
    ...tasks(before),
    // The build the stop ends fails its state, as the local builder does when it is aborted.
    Second: (input) => {
      before.push({ state: 'Second', input });
      return new Promise((_resolve, reject) => (failSecond = reject));
    },
  };
  const definition = JSON.stringify({
    ...JSON.parse(DEFINITION),
    States: {
      ...JSON.parse(DEFINITION).States,
      Second: { ...JSON.parse(DEFINITION).States.Second, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Broken' }] },
    },
  });
  const first = new LocalWorkflowRunner({ definitionJson: definition, dir, tasks: cut });
  await first.start('exec-5', { n: 1 });
  await until(() => before.some((c) => c.state === 'Second'));
  await until(() => readFileSync(join(dir, 'exec-5.journal'), 'utf8').includes('"Second"'));
  first.suspend();
  failSecond(new Error('build aborted by the stop'));
  await first.drain();
  // Started during the stop: recorded, not run.
  await first.start('exec-6', { n: 5 });
  expect((await first.describe('exec-5'))?.status).toBe('RUNNING');
  expect((await first.journal('exec-5')).map((e) => e.state)).not.toContain('Broken');

  const after: Calls = [];
  const second = new LocalWorkflowRunner({ definitionJson: definition, dir, tasks: tasks(after) });
  const outcomes = await second.recover(async () => undefined);
  expect(outcomes.map((o) => o.resumed && o.from)).toEqual(['Second', 'First']);
  await second.drain();
  expect((await second.describe('exec-5'))?.status).toBe('SUCCEEDED');
  expect((await second.describe('exec-6'))?.status).toBe('SUCCEEDED');
  expect(after.map((c) => c.state)).toEqual(expect.arrayContaining(['Second', 'Third', 'First']));
});

test('the definition is kept once for every start, and a start whose folder was removed makes it again', async () => {
  const calls: Calls = [];
  const runner = new LocalWorkflowRunner({ definitionJson: DEFINITION, dir, tasks: tasks(calls) });
  await runner.start('exec-kept-1', { n: 2 });
  await runner.start('exec-kept-2', { n: 2 });
  await runner.drain();
  const kept = readdirSync(join(dir, 'definitions'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(dir, 'definitions', kept[0]!), 'utf8')).toBe(DEFINITION);
  // Removed under the running runner: the next start still records, journals and runs its execution.
  rmSync(dir, { recursive: true, force: true });
  await runner.start('exec-kept-3', { n: 2 });
  await runner.drain();
  expect((await runner.describe('exec-kept-3'))?.status).toBe('SUCCEEDED');
  expect(readdirSync(join(dir, 'definitions'))).toEqual(kept);
  const journal = readFileSync(join(dir, 'exec-kept-3.journal'), 'utf8').trim().split('\n');
  expect(journal.map((line) => (JSON.parse(line) as { event: string; state: string }).state)).toEqual([
    'First',
    'First',
    'Second',
    'Second',
    'Check',
    'Check',
    'Third',
    'Third',
  ]);
  expect(calls.filter((c) => c.state === 'Third')).toHaveLength(3);
});
