/**
 * The builders' line on the AWS code paths (see cloud-twin.ts), deployed with
 * `builder.concurrency: 1`: the first mission takes the one builder; the next ones wait in the
 * line item of the table, QUEUED with their positions, on a `lambda:invoke.waitForTaskToken`
 * task (`step-await-builder`). A waiting mission that is cancelled leaves the line through the
 * rule on its ABORTED execution (`execution-ended`); the builder goes to the next in line when the
 * holder's audit starts (`step-audit` completes the waiting task with SendTaskSuccess). The IAM
 * check then evaluates every call against the roles.
 *
 * Not proven here: real DynamoDB contention between many Lambda containers (DynamoDB Local
 * serialises writes), and Step Functions' own timing of the minute-long re-entries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePolicy } from '../helpers/test-stack';
import { startOfflineTwin, type CloudTwin } from './cloud-twin';

jest.setTimeout(600_000);

const OWNER = { email: 'owner@line.twin.example', password: 'twin-password-0123456789' };
const dir = mkdtempSync(join(tmpdir(), 'gantry-twin-policy-'));

let twin: CloudTwin;
let token: string;

beforeAll(async () => {
  const policyPath = writePolicy(dir, { builder: { concurrency: 1 } });
  ({ twin, token } = await startOfflineTwin(OWNER, { policyPath }));
}, 180_000);

afterAll(async () => {
  await twin?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const statusOf = (missionId: string): Promise<any> => twin.missionStatus(missionId, token);
const waitUntil = (missionId: string, done: (s: any) => boolean): Promise<any> => twin.waitForMission(missionId, token, done);

async function submit(prompt: string): Promise<string> {
  const res = await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: prompt } });
  expect(res.statusCode).toBe(202);
  return res.body.mission_id as string;
}

const statusesOf = async (missionId: string): Promise<string[]> =>
  ((await twin.rest('GET', `/gantry/missions/${missionId}/events`, { token })).body.events as Array<any>)
    .filter((e) => e.event_type === 'status')
    .map((e) => e.status as string);

test('one builder: the others wait QUEUED in line with their positions, a cancelled one leaves it, and each gets the builder in turn', async () => {
  // The first build task stays PROVISIONING until released: the line forms behind it for sure.
  const release = twin.holdBuildTasks();
  const first = await submit('Build a calculator');
  await waitUntil(first, (s) => s.status === 'BUILDING');
  const second = await submit('Build a notes app');
  const third = await submit('Build a tip calculator');
  const secondWaiting = await waitUntil(second, (s) => s.queue_position === 1);
  expect(secondWaiting.status).toBe('QUEUED');
  const thirdWaiting = await waitUntil(third, (s) => s.queue_position === 2);
  expect(thirdWaiting.status).toBe('QUEUED');
  expect((await statusOf(first)).queue_position).toBeNull();

  // The third leaves the line when cancelled (the rule on its ABORTED execution).
  const cancel = await twin.rest('POST', `/gantry/missions/${third}/cancel`, { token, body: {} });
  expect(cancel.statusCode).toBe(200);
  expect((await twin.executionEnded(third)).status).toBe('ABORTED');
  const cancelled = await waitUntil(third, (s) => s.queue_position === null);
  expect(cancelled.status).toBe('CANCELLED');
  expect((await statusOf(second)).queue_position).toBe(1);

  release();
  const firstRun = await twin.executionEnded(first);
  const secondRun = await twin.executionEnded(second);
  expect([firstRun.status, secondRun.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  for (const id of [first, second]) {
    const s = await statusOf(id);
    expect([s.status, s.queue_position]).toEqual(['DEPLOYED', null]);
  }
  // The second waited once, between its draft and its policy check; the first never did.
  const seconds = await statusesOf(second);
  const queuedAt = seconds.indexOf('QUEUED', 1);
  expect(seconds.slice(queuedAt - 1, queuedAt + 2)).toEqual(['ARCHITECTING', 'QUEUED', 'POLICY_CHECK']);
  expect((await statusesOf(first)).indexOf('QUEUED', 1)).toBe(-1);
  expect(secondRun.states.slice(0, 3)).toEqual(['Architect', 'AwaitBuilder', 'PolicyGate']);
  // Never two builds at once: the second's build task ran after the first's audit began.
  expect(twin.recorder.calls.filter((c) => c.functionId === 'state-machine' && c.action === 'RunTask')).toHaveLength(2);
  // Who handed the builder over: the first's audit, with SendTaskSuccess to the second's token.
  const grants = twin.recorder.calls.filter((c) => c.action === 'SendTaskSuccess').map((c) => c.functionId);
  expect(grants).toContain('step-audit');
});

test('the IAM check allows every call of the line', async () => {
  const { denied, callers } = await twin.checkIam();
  expect(denied).toEqual([]);
  for (const id of ['step-await-builder', 'step-audit', 'execution-ended']) expect(callers).toContain(id);
  // The status route read a QUEUED mission's place from the line item itself, under the same check.
  const lineReads = twin.recorder.calls.filter(
    (c) => c.functionId === 'missions' && c.action === 'GetItem' && JSON.stringify(c.input).includes('BUILDERS'),
  );
  expect(lineReads.length).toBeGreaterThan(0);
});
