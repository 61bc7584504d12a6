/**
 * A gate deployed with the stack (policy.yaml at `cdk deploy`), on the AWS code paths (see
 * cloud-twin.ts): its wait state's TimeoutSeconds is the gate's `timeout_s`, so silence ends the
 * wait with States.Timeout; `step-approval-timeout` escalates to the `escalate_to` roles, the
 * workflow waits again, and a second silence rejects. A decision within the escalated wait counts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { startOfflineTwin, type CloudTwin } from './cloud-twin';

jest.setTimeout(600_000);

const OWNER = { email: 'owner@timeout.twin.example', password: 'twin-password-0123456789' };
/** Short enough for a test, long enough for the twin to answer a status read many times within it. */
const GATE_TIMEOUT_S = 8;

const dir = mkdtempSync(join(tmpdir(), 'gantry-twin-policy-'));
const policyPath = join(dir, 'policy.yaml');

let twin: CloudTwin;
let token: string;

beforeAll(async () => {
  const policy = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as Record<string, any>;
  policy.approvals = {
    gates: [
      {
        name: 'before-publish',
        when: 'always',
        roles: ['approver'],
        timeout_s: GATE_TIMEOUT_S,
        on_timeout: 'escalate',
        escalate_to: ['owner'],
      },
    ],
  };
  writeFileSync(policyPath, stringify(policy));
  ({ twin, token } = await startOfflineTwin(OWNER, { policyPath }));
}, 180_000);

afterAll(async () => {
  await twin?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const statusOf = (missionId: string): Promise<any> => twin.missionStatus(missionId, token);
const waitUntil = (missionId: string, done: (s: any) => boolean): Promise<any> => twin.waitForMission(missionId, token, done);

test('the deployed wait state times out on the gate timeout', () => {
  const definition = JSON.parse(twin.template.stateMachineDefinition()) as {
    States: Record<string, { TimeoutSeconds?: number }>;
  };
  expect(definition.States.AwaitPublishDecision?.TimeoutSeconds).toBe(GATE_TIMEOUT_S);
});

test('silence escalates to the owner, and silence again rejects; an owner deciding in the escalated wait is heard', async () => {
  const silent = (await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: 'Build a calculator' } })).body
    .mission_id as string;
  const heard = (await twin.rest('POST', '/gantry/architect', { token, body: { voice_memo: 'Build a notes app' } })).body
    .mission_id as string;

  // First wait: approvers only; the owner may not decide yet.
  const first = await waitUntil(heard, (s) => s.status === 'AWAITING_APPROVAL' || ['DEPLOYED', 'FAILED'].includes(s.status));
  expect(first.awaiting).toMatchObject({ gate: 'before-publish', roles: ['approver'], on_timeout: 'escalate' });
  expect(first.url).toBeTruthy();
  const early = await twin.rest('POST', `/gantry/missions/${heard}/decisions`, {
    token,
    body: { decision: 'APPROVE', justification: 'Shipping it' },
  });
  expect(early.statusCode).toBe(403);

  // Escalated: the owner's turn, and the owner approves.
  const escalated = await waitUntil(heard, (s) => s.awaiting?.roles?.includes('owner') || s.status !== 'AWAITING_APPROVAL');
  expect(escalated.awaiting).toMatchObject({ roles: ['owner'], on_timeout: 'reject' });
  const approve = await twin.rest('POST', `/gantry/missions/${heard}/decisions`, {
    token,
    body: { decision: 'APPROVE', justification: 'Nobody else was around; checked it myself' },
  });
  expect(approve.statusCode).toBe(200);
  const heardRun = await twin.executionEnded(heard);
  expect({ execution: heardRun.status, status: (await statusOf(heard)).status }).toEqual({
    execution: 'SUCCEEDED',
    status: 'DEPLOYED',
  });
  expect(heardRun.states.filter((s) => s === 'AwaitPublishDecision')).toHaveLength(2);
  expect(heardRun.states.filter((s) => s === 'DecisionTimedOut')).toHaveLength(1);
  expect(heardRun.states.slice(-3)).toEqual(['Publish', 'Seal', 'Done']);

  // Nobody at all: escalated, then rejected by the policy.
  const silentRun = await twin.executionEnded(silent);
  const final = await statusOf(silent);
  expect(final.status).toBe('REJECTED');
  expect(final.pr_url).toBeNull();
  expect(silentRun.states.filter((s) => s === 'DecisionTimedOut')).toHaveLength(2);
  expect(silentRun.states).toContain('RecordRejection');
  expect(silentRun.states).not.toContain('Publish');
  const events = (await twin.rest('GET', `/gantry/missions/${silent}/events`, { token })).body.events as Array<{
    event_type: string;
    data: Record<string, unknown>;
  }>;
  expect(events.find((e) => e.event_type === 'approval.escalated')?.data).toMatchObject({
    from_roles: ['approver'],
    to_roles: ['owner'],
  });
  expect(events.find((e) => e.event_type === 'approval.timed_out')?.data).toMatchObject({ action: 'reject' });
  expect(twin.github.pulls).toHaveLength(1);
});

test('the IAM check allows every call of the timeout path', async () => {
  const { denied, callers } = await twin.checkIam();
  expect(denied).toEqual([]);
  for (const id of ['step-approval-timeout', 'step-await-decision', 'step-record-rejection', 'decisions'])
    expect(callers).toContain(id);
});
