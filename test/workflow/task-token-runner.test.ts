import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalWorkflowRunner, type LocalTask } from '../../local/workflow-runner';

/**
 * The local runner's `.waitForTaskToken`, without the rest of the stack: the wait state's function
 * receives the token in its payload and returns; the state then waits until the token is
 * completed, fails with the error sent, times out, or is discarded by a stop; and a restart keeps
 * the wait (same token), or times it out at once when its time ran out while the runner was down.
 */

/**
 * `passes` Pass states between Before and Wait: the runtime goes through them faster than the
 * journal. `retryTimeout`: a timed-out wait is tried once more (as the builder line's wait is).
 */
const definition = (timeoutSeconds: number, passes = 0, retryTimeout = false): string =>
  JSON.stringify({
    StartAt: 'Before',
    TimeoutSeconds: 600,
    States: {
      Before: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:local:000000000000:function:Before',
        Next: passes > 0 ? 'Pass1' : 'Wait',
      },
      ...Object.fromEntries(
        Array.from({ length: passes }, (_, i) => [
          `Pass${i + 1}`,
          { Type: 'Pass', Next: i + 1 < passes ? `Pass${i + 2}` : 'Wait' },
        ]),
      ),
      Wait: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        TimeoutSeconds: timeoutSeconds,
        Parameters: {
          FunctionName: 'arn:aws:lambda:local:000000000000:function:Wait',
          Payload: { 'id.$': '$.id', 'token.$': '$$.Task.Token' },
        },
        ResultPath: '$.decision',
        ...(retryTimeout ? { Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1 }] } : {}),
        Catch: [
          { ErrorEquals: ['DecisionRejected'], ResultPath: '$.rejected', Next: 'Rejected' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'TimedOut' },
        ],
        Next: 'After',
      },
      After: { Type: 'Pass', End: true },
      Rejected: { Type: 'Fail', Error: 'Rejected' },
      TimedOut: { Type: 'Fail', Error: 'TimedOut' },
    },
  });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function setup(timeoutSeconds = 60, onWait?: () => void, passes = 0, retryTimeout = false) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-tokens-'));
  dirs.push(dir);
  const payloads: Array<{ id: string; token: string }> = [];
  const tasks: Record<string, LocalTask> = {
    Before: async (input) => input,
    Wait: async (input) => {
      payloads.push(input as { id: string; token: string });
      onWait?.();
      return { stored: true };
    },
  };
  const make = () => new LocalWorkflowRunner({ definitionJson: definition(timeoutSeconds, passes, retryTimeout), dir, tasks });
  return { dir, payloads, make };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the function gets the token in its payload; sendSuccess resumes with the output, a second send is refused', async () => {
  const { payloads, make } = setup();
  const runner = make();
  await runner.start('ok', { id: 'm1' });
  const payload = await until(() => payloads[0]);
  expect(payload.id).toBe('m1');
  expect(payload.token).toMatch(/^gtt-[0-9a-f]{48}$/);
  expect(runner.isRunning('ok')).toBe(true);
  await runner.taskTokens.sendSuccess(payload.token, { decision: 'APPROVE' });
  await runner.drain();
  const record = await runner.describe('ok');
  expect(record?.status).toBe('SUCCEEDED');
  const exited = (await runner.journal('ok')).filter((e) => e.event === 'exited' && e.state === 'Wait');
  expect((exited[0]?.data as { decision: unknown }).decision).toEqual({ decision: 'APPROVE' });
  await expect(runner.taskTokens.sendSuccess(payload.token, {})).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
  await expect(runner.taskTokens.sendFailure('gtt-' + '0'.repeat(48), 'X', 'y')).rejects.toMatchObject({
    code: 'TASK_TOKEN_CLOSED',
  });
});

test('sendFailure fails the state with the named error, which the Catch routes', async () => {
  const { payloads, make } = setup();
  const runner = make();
  await runner.start('no', { id: 'm2' });
  const payload = await until(() => payloads[0]);
  await runner.taskTokens.sendFailure(payload.token, 'DecisionRejected', 'not good enough');
  await runner.drain();
  expect((await runner.describe('no'))?.states).toEqual(['Before', 'Wait', 'Rejected']);
});

test('nobody completes the token: States.Timeout after TimeoutSeconds, and the token is closed', async () => {
  const { payloads, make } = setup(1);
  const runner = make();
  await runner.start('late', { id: 'm3' });
  const payload = await until(() => payloads[0]);
  await runner.drain();
  expect((await runner.describe('late'))?.states).toEqual(['Before', 'Wait', 'TimedOut']);
  await expect(runner.taskTokens.sendSuccess(payload.token, {})).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
});

test('a stop discards the token', async () => {
  const { payloads, make } = setup();
  const runner = make();
  const { executionArn } = await runner.start('stopped', { id: 'm4' });
  const payload = await until(() => payloads[0]);
  await runner.stop(executionArn, 'cancelled');
  await runner.drain();
  expect((await runner.describe('stopped'))?.status).toBe('ABORTED');
  await until(async () =>
    (await runner.taskTokens.sendSuccess(payload.token, {}).then(
      () => 'sent',
      (err: { code?: string }) => err.code,
    )) === 'TASK_TOKEN_CLOSED'
      ? true
      : undefined,
  );
});

test('a restart while waiting keeps the same token decidable; a decision sent before the crash is delivered', async () => {
  const { payloads, make } = setup();
  const first = make();
  await first.start('kept', { id: 'm5' });
  await first.start('early', { id: 'm6' });
  const kept = await until(() => payloads.find((p) => p.id === 'm5'));
  const early = await until(() => payloads.find((p) => p.id === 'm6'));
  first.suspend();
  await first.drain();
  expect((await first.describe('kept'))?.status).toBe('RUNNING');
  // Decided while nothing waited in memory (the process was going down): kept on disk.
  await first.taskTokens.sendSuccess(early.token, { decision: 'APPROVE' });

  const second = make();
  const outcomes = await second.recover(async () => undefined);
  expect(outcomes.map((o) => o.resumed)).toEqual([true, true]);
  // The redriven wait called its function again with the token it had.
  const again = await until(() => payloads.filter((p) => p.id === 'm5')[1]);
  expect(again.token).toBe(kept.token);
  await second.taskTokens.sendSuccess(kept.token, { decision: 'OVERRIDE' });
  await second.drain();
  expect((await second.describe('kept'))?.status).toBe('SUCCEEDED');
  expect((await second.describe('early'))?.status).toBe('SUCCEEDED');
  // The answered token was delivered as it was: its function was not called again.
  expect(payloads.filter((p) => p.id === 'm6')).toHaveLength(1);
});

test('a wait whose timeout passed while the runner was down times out on recovery', async () => {
  const { payloads, make } = setup(2);
  const first = make();
  await first.start('expired', { id: 'm7' });
  const payload = await until(() => payloads[0]);
  first.suspend();
  await first.drain();
  await new Promise((r) => setTimeout(r, 2200));
  const second = make();
  await second.recover(async () => undefined);
  await second.drain();
  const record = await second.describe('expired');
  expect(record?.states.at(-1)).toBe('TimedOut');
  // It timed out before its function was called again.
  expect(payloads).toHaveLength(1);
  await expect(second.taskTokens.sendSuccess(payload.token, {})).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
});

test('a wait carried through two restarts times out counting from when it was first entered', async () => {
  const { payloads, make } = setup(3);
  const first = make();
  await first.start('twice', { id: 'm7b' });
  const payload = await until(() => payloads[0]);
  first.suspend();
  await first.drain();
  await new Promise((r) => setTimeout(r, 1500));
  // Carried on, and cut off again: the wait has now been entered twice.
  const second = make();
  await second.recover(async () => undefined);
  await new Promise((r) => setTimeout(r, 300));
  second.suspend();
  await second.drain();
  expect((await second.describe('twice'))?.status).toBe('RUNNING');
  await new Promise((r) => setTimeout(r, 1500));
  // 3.3 s after the first entry, 1.5 s after the second: its 3 s are up.
  const third = make();
  await third.recover(async () => undefined);
  await third.drain();
  expect((await third.describe('twice'))?.states.at(-1)).toBe('TimedOut');
  // Its function ran at the first entry and when the first restart carried the wait on (with the
  // same token), not at the second: that one timed out at once.
  expect(payloads.map((p) => p.token)).toEqual([payload.token, payload.token]);
  await expect(third.taskTokens.sendSuccess(payload.token, {})).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
});

test('draining for a stop does not wait for a person: a waiting execution counts as settled', async () => {
  const { payloads, make } = setup();
  const runner = make();
  await runner.start('parked', { id: 'm8' });
  const payload = await until(() => payloads[0]);
  await runner.drain({ exceptWaiting: true });
  expect(runner.isRunning('parked')).toBe(true);
  await runner.taskTokens.sendSuccess(payload.token, { decision: 'APPROVE' });
  await runner.drain();
  expect((await runner.describe('parked'))?.status).toBe('SUCCEEDED');
});

test('a stop at the very moment the wait hands out its token resumes that wait, with the same token', async () => {
  // The stop comes from inside the wait's function: its token is out, and the state's entry must
  // already be journalled, or the next start would run a state before it and issue another token.
  // Forty Pass states on the way leave the journal well behind the runtime.
  const { payloads, make } = setup(60, () => first.suspend(), 40);
  const first = make();
  await first.start('instant', { id: 'm8' });
  const handed = await until(() => payloads[0]);
  await first.drain();
  expect((await first.describe('instant'))?.status).toBe('RUNNING');

  const second = make();
  const outcomes = await second.recover(async () => undefined);
  expect(outcomes.map((o) => (o.resumed ? o.from : o.reason))).toEqual(['Wait']);
  const again = await until(() => payloads[1]);
  expect(again.token).toBe(handed.token);
  await second.taskTokens.sendSuccess(handed.token, { decision: 'APPROVE' });
  await second.drain();
  expect((await second.describe('instant'))?.status).toBe('SUCCEEDED');
  expect(payloads).toHaveLength(2);
});

test('a wait retried after its timeout calls its function again under the same entry, with a new token', async () => {
  const { payloads, make } = setup(1, undefined, 0, true);
  const runner = make();
  await runner.start('retried', { id: 'm9' });
  const first = await until(() => payloads[0]);
  // Nobody answers: the wait times out, and its Retry calls the function again.
  const second = await until(() => payloads[1], 10_000);
  expect(second.token).not.toBe(first.token);
  await expect(runner.taskTokens.sendSuccess(first.token, {})).rejects.toMatchObject({ code: 'TASK_TOKEN_CLOSED' });
  await runner.taskTokens.sendSuccess(second.token, { decision: 'APPROVE' });
  await runner.drain();
  const record = await runner.describe('retried');
  expect(record?.status).toBe('SUCCEEDED');
  expect(record?.states.filter((s) => s === 'Wait')).toHaveLength(1);
});
