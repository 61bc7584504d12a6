/**
 * Human authority on the AWS code paths (see cloud-twin.ts): the operator turns an approval gate
 * on by uploading `config/policy.yaml` to the artifact bucket, as docs/deploy-aws.md says; S3's
 * notification (the template's `Custom::S3BucketNotifications`, allowed by its Lambda permission)
 * invokes `policy-publish`, which stores the validated policy in the table. The missions that follow
 * stop at the gate on a `lambda:invoke.waitForTaskToken` task (the `step-await-decision` function
 * stores the token); the `decisions` function resumes the task with SendTaskSuccess or fails it
 * with SendTaskFailure (DecisionRejected), and the workflow carries on or ends REJECTED. The IAM
 * check then evaluates every call these functions made against their roles.
 *
 * The offline architect drafts (no model). Not proven here: the gate's timeout (its state's
 * TimeoutSeconds is fixed at deploy; the local workflow test covers escalation and timeouts on the
 * same ASL), real S3 notification latency and retries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { startOfflineTwin, type CloudTwin } from './cloud-twin';

jest.setTimeout(600_000);

const OWNER = { email: 'owner@gate.twin.example', password: 'twin-password-0123456789' };
const APPROVER = { email: 'approver@gate.twin.example', password: 'approver-password-0123456789' };
const MEMBER = { email: 'member@gate.twin.example', password: 'member-password-0123456789' };
const POLICY_KEY = 'config/policy.yaml';
const FINAL = ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'];

/** The repository's policy with one gate before deploy that only `roles` (approvers) may decide. */
function policyWithGate(roles: string[] = ['approver']): string {
  const policy = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as Record<string, any>;
  policy.approvals = {
    gates: [{ name: 'before-deploy', when: 'always', roles, timeout_s: 1800, on_timeout: 'reject' }],
  };
  return stringify(policy);
}

let twin: CloudTwin;
const tokens: Record<'owner' | 'approver' | 'member', string> = { owner: '', approver: '', member: '' };

beforeAll(async () => {
  ({ twin, token: tokens.owner } = await startOfflineTwin(OWNER));
  for (const [who, role] of [
    [APPROVER, 'approver'],
    [MEMBER, 'member'],
  ] as const) {
    const res = await twin.rest('POST', '/gantry/users', { token: tokens.owner, body: { ...who, role } });
    expect(res.statusCode).toBe(201);
  }
  tokens.approver = await twin.login(APPROVER.email, APPROVER.password);
  tokens.member = await twin.login(MEMBER.email, MEMBER.password);
}, 180_000);

afterAll(async () => {
  await twin?.stop();
});

const bucket = (): string => twin.template.functionEnvironment('policy-publish').GANTRY_ARTIFACT_BUCKET as string;

/** The operator's `aws s3 cp` (or `rm`), then S3's notification, handled. Returns what policy-publish answered. */
async function operatorUpload(text: string | null): Promise<unknown> {
  const s3 = twin.operatorS3();
  const before = twin.s3Deliveries.length;
  try {
    if (text === null) await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: POLICY_KEY }));
    else await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: POLICY_KEY, Body: text, ContentType: 'application/yaml' }));
  } finally {
    s3.destroy();
  }
  await twin.s3NotificationsDelivered();
  const deliveries = twin.s3Deliveries.slice(before);
  expect(deliveries.map((d) => [d.handler, d.key, d.error ?? null])).toEqual([['policy-publish', POLICY_KEY, null]]);
  return deliveries[0]?.result;
}

const statusOf = (missionId: string, token = tokens.owner): Promise<any> => twin.missionStatus(missionId, token);

/** Polls the status at 4 Hz until it is one of `wanted`. */
const waitForStatus = (missionId: string, wanted: string[], timeoutMs = 300_000): Promise<any> =>
  twin.waitForMission(missionId, tokens.owner, (s) => wanted.includes(s.status), { timeoutMs, intervalMs: 250 });

async function submit(prompt: string): Promise<string> {
  const res = await twin.rest('POST', '/gantry/architect', { token: tokens.owner, body: { voice_memo: prompt } });
  expect(res.statusCode).toBe(202);
  return res.body.mission_id as string;
}

describe('an approval gate on the AWS code paths', () => {
  it("publishes the operator's policy upload through the bucket notification; a broken upload is refused and changes nothing", async () => {
    expect(await operatorUpload(policyWithGate())).toMatchObject({
      outcome: 'published',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const refused = (await operatorUpload(policyWithGate(['nobody']))) as { outcome: string; error: string };
    expect(refused.outcome).toBe('refused');
    expect(refused.error).toMatch(/approvals\.gates\.0\.roles/);
    // The last good upload stays in force: the missions below stop at its gate.
  });

  let approved: string;
  let rejected: string;

  it('stops each mission at the gate before deploy, waiting on a task token, for the roles the gate names', async () => {
    approved = await submit('Build a calculator');
    rejected = await submit('Build a tip calculator');
    for (const id of [approved, rejected]) {
      const waiting = await waitForStatus(id, ['AWAITING_APPROVAL', ...FINAL]);
      expect({ status: waiting.status, failure: waiting.failure ?? null }).toEqual({
        status: 'AWAITING_APPROVAL',
        failure: null,
      });
      expect(waiting.awaiting).toMatchObject({ gate: 'before-deploy', roles: ['approver'], on_timeout: 'reject' });
      expect(Date.parse(waiting.awaiting.expires_at) - Date.parse(waiting.awaiting.requested_at)).toBe(1_800_000);
      // Nothing deployed before the decision.
      expect(waiting.url).toBeNull();
    }
    expect(twin.vercel.deployments.size).toBe(0);
    const listed = await twin.rest('GET', '/gantry/decisions', { token: tokens.approver });
    expect(listed.statusCode).toBe(200);
    expect((listed.body.decisions as Array<{ mission_id: string }>).map((d) => d.mission_id).sort()).toEqual(
      [approved, rejected].sort(),
    );
    expect((await twin.rest('GET', '/gantry/decisions', { token: tokens.member })).body.decisions).toEqual([]);
    // The token is stored with the mission by the wait step, never handed to a browser.
    expect(JSON.stringify(listed.body)).not.toMatch(/task_token/);
  });

  it('refuses a decision from a role the gate does not name, and one without a justification', async () => {
    const body = { decision: 'APPROVE', justification: 'Looks right' };
    for (const token of [tokens.member, tokens.owner]) {
      const res = await twin.rest('POST', `/gantry/missions/${approved}/decisions`, { token, body });
      expect(res.statusCode).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const blank = await twin.rest('POST', `/gantry/missions/${approved}/decisions`, {
      token: tokens.approver,
      body: { decision: 'APPROVE' },
    });
    expect(blank.statusCode).toBe(400);
    expect((await statusOf(approved)).status).toBe('AWAITING_APPROVAL');
  });

  it('APPROVE resumes the waiting task (SendTaskSuccess) and the mission deploys, publishes and seals', async () => {
    const ctx = await twin.rest('GET', `/gantry/missions/${approved}/decision-context`, { token: tokens.approver });
    expect(ctx.statusCode).toBe(200);
    expect(ctx.body).toMatchObject({ mission_id: approved, gate: 'before-deploy', waiting: true });
    const res = await twin.rest('POST', `/gantry/missions/${approved}/decisions`, {
      token: tokens.approver,
      body: { decision: 'APPROVE', justification: 'Checked the plan and the tests', context_digest: ctx.body.context_digest },
    });
    expect(res.statusCode).toBe(200);
    const execution = await twin.executionEnded(approved);
    const final = await statusOf(approved);
    expect({ execution: execution.status, status: final.status, failure: final.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    const states = execution.states;
    expect(states.slice(states.indexOf('BeforeDeploy'), states.indexOf('Deploy') + 1)).toEqual([
      'BeforeDeploy',
      'ApprovalCheck',
      'ApprovalRequired',
      'AwaitDeployDecision',
      'AfterApproval',
      'Deploy',
    ]);
    expect(states.at(-1)).toBe('Done');
    expect(final.url).toBeTruthy();
    expect(final.pr_url).toBeTruthy();
    expect(final.awaiting).toBeNull();
    const events = (await twin.rest('GET', `/gantry/missions/${approved}/events`, { token: tokens.owner })).body.events as Array<{
      event_type: string;
      data: Record<string, unknown>;
    }>;
    expect(events.find((e) => e.event_type === 'decision.recorded')?.data).toMatchObject({
      gate: 'before-deploy',
      role: 'approver',
      actor_email: APPROVER.email,
      context_digest: ctx.body.context_digest,
    });
    const late = await twin.rest('POST', `/gantry/missions/${approved}/decisions`, {
      token: tokens.approver,
      body: { decision: 'REJECT', justification: 'Too late' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.body.error.code).toBe('NOT_AWAITING_DECISION');
    expect(
      twin.recorder.calls.some((c) => c.functionId === 'decisions' && c.service === 'states' && c.action === 'SendTaskSuccess'),
    ).toBe(true);
  });

  it('REJECT fails the waiting task with DecisionRejected: the mission ends REJECTED, undeployed, with the justification sealed', async () => {
    const reason = 'The colours are not our brand';
    const res = await twin.rest('POST', `/gantry/missions/${rejected}/decisions`, {
      token: tokens.approver,
      body: { decision: 'REJECT', justification: reason },
    });
    expect(res.statusCode).toBe(200);
    const execution = await twin.executionEnded(rejected);
    expect(execution.states).toContain('RecordRejection');
    expect(execution.states).not.toContain('Deploy');
    const final = await statusOf(rejected);
    expect(final.status).toBe('REJECTED');
    expect(final.url).toBeNull();
    expect(final.pr_url).toBeNull();
    // Only the approved mission was deployed and published.
    expect(twin.vercel.deployments.size).toBe(1);
    expect(twin.github.pulls).toHaveLength(1);
    const evidence = await twin.rest('GET', `/gantry/missions/${rejected}/evidence`, { token: tokens.owner });
    expect(evidence.statusCode).toBe(200);
    expect(JSON.stringify(evidence.body)).toContain(reason);
    expect(
      twin.recorder.calls.some((c) => c.functionId === 'decisions' && c.service === 'states' && c.action === 'SendTaskFailure'),
    ).toBe(true);
  });

  it('withdrawing the upload removes the published policy: the functions fall back to the bundled one', async () => {
    expect(await twin.policyItem()).toMatchObject({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      last_error: expect.any(String),
    });
    expect(await operatorUpload(null)).toEqual({ outcome: 'withdrawn' });
    // Each function re-reads the item at most once per 30 s and, finding none, uses its bundled policy
    // (test/foundry/policy-source-s3.test.ts); not waited for here.
    expect(await twin.policyItem()).toBeNull();
  });

  it("the IAM check allows every call of the gate's functions and of the policy's publication", async () => {
    const { denied, callers, iam } = await twin.checkIam();
    expect(denied).toEqual([]);
    const calls = twin.recorder.calls;
    for (const id of ['policy-publish', 'step-approval-check', 'step-await-decision', 'decisions', 'step-record-rejection'])
      expect(callers).toContain(id);
    // policy-publish read the object and wrote only the policy item.
    const published = calls.filter((c) => c.functionId === 'policy-publish');
    expect(published.some((c) => c.service === 's3' && c.action === 'GetObject')).toBe(true);
    expect(
      published.filter((c) => c.service === 'dynamodb').every((c) => JSON.stringify(c.input).includes('CONFIG#policy')),
    ).toBe(true);
    // The check can fail here: without SendTaskSuccess on the decisions role, the approval is denied.
    const without = await iam.without(['decisions|states:SendTaskSuccess'], twin.template.stack).check(calls);
    expect(without.denied.map((d) => `${d.call.functionId} ${d.action}`)).toContain('decisions states:SendTaskSuccess');
  });
});
