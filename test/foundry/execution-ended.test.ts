import { SignedS3Client } from '../../lambdas/adapters/s3-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3ArtifactStore } from '../../lambdas/adapters/artifact-store';
import { PolicyPublisher } from '../../lambdas/adapters/policy-publisher';
import { POLICY_ITEM_KEY } from '../../lambdas/adapters/policy-table';
import { recordEndedExecution } from '../../lambdas/app/execution-ended';
import { failureView } from '../../lambdas/app/mission-failure';
import type { Services } from '../../lambdas/composition-root';
import {
  ExecutionStatusChangeSchema,
  executionStatusChange,
  type ExecutionStatusChange,
} from '../../lambdas/domain/execution-status-event';
import { LocalWorkflowRunner } from '../../local/workflow-runner';
import { MemoryDocumentClient } from '../helpers/memory-document-client';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * A timed-out, stopped or failed execution runs no Catch: the execution-ended handler records the
 * failure and seals the evidence, once, through the RecordFailure step's code. The artifact store
 * here is the real S3 adapter against an endpoint that answers like S3 does to a role without
 * s3:ListBucket (403 AccessDenied for a missing key), which is how a mission that failed before
 * its manifest existed looks on AWS.
 */
class DenyingBucket {
  private server: Server | null = null;
  requests = 0;
  async start(): Promise<string> {
    this.server = createServer((_req, res) => {
      this.requests += 1;
      const body = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
      res.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
  }
  stop(): void {
    this.server?.close();
  }
}

let t: TestStack;
let bucket: DenyingBucket;
let s3: SignedS3Client;
let svc: Services;
beforeAll(async () => {
  t = await startTestStack();
  bucket = new DenyingBucket();
  s3 = new SignedS3Client({
    endpoint: await bucket.start(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  svc = { ...t.stack.services, artifacts: new S3ArtifactStore(s3, 'artifacts') };
});
afterAll(async () => {
  bucket?.stop();
  await t?.stop();
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});
/** The folders of the runners the tests make (removed at the end). */
const runnerDirs: string[] = [];

const TENANT = 'tenant-ended';
let n = 0;
async function missionIn(status: 'BUILDING' | 'CANCELLED' | 'ARCHITECTING'): Promise<string> {
  const missionId = `m-ended-${process.pid}-${++n}`;
  await svc.store.createMission({
    tenantId: TENANT,
    missionId,
    prompt: 'Build a calculator',
    options: { deploy: false, publish: false },
    policyHash: svc.policy.hash,
    speech: '',
    status,
  });
  return missionId;
}

function ended(missionId: string, status: 'TIMED_OUT' | 'ABORTED' | 'FAILED', extra: { error?: string; cause?: string } = {}) {
  return executionStatusChange({
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:Gantry-mission:${missionId}`,
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Gantry-mission',
    name: missionId,
    status,
    startDate: new Date(Date.now() - 60_000),
    stopDate: new Date(),
    executionInput: { tenant_id: TENANT, mission_id: missionId, attempt: 1 },
    error: extra.error ?? null,
    cause: extra.cause ?? null,
    region: 'us-east-1',
    account: '123456789012',
  });
}

test('a timed-out execution of a mission still BUILDING ends FAILED with sealed evidence, once', async () => {
  const missionId = await missionIn('BUILDING');
  const outcome = await recordEndedExecution(svc, ended(missionId, 'TIMED_OUT'));
  expect(outcome).toEqual({ action: 'recorded', mission_id: missionId });
  const mission = await svc.store.requireMission(TENANT, missionId);
  expect(mission.status).toBe('FAILED');
  expect(mission.failure).toMatchObject({ code: 'TIMEOUT', step: 'BUILDING' });
  expect(mission.failure?.message).toMatch(/execution timeout/);
  expect(mission.evidence_key).toMatch(new RegExp(`^tenants/${TENANT}/missions/${missionId}/evidence-\\d{6}\\.json$`));
  const envelope = JSON.parse((await svc.evidence.get(mission.evidence_key!))!) as { payload: string };
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  expect(statement.predicate.gantry.outcome).toBe('FAILED');
  // The manifest lookup met S3's 403 for a missing key and went on.
  expect(bucket.requests).toBeGreaterThan(0);

  // A second delivery of the same event changes nothing.
  const seq = mission.seq;
  expect(await recordEndedExecution(svc, ended(missionId, 'TIMED_OUT'))).toEqual({
    action: 'already-final',
    mission_id: missionId,
  });
  expect((await svc.store.requireMission(TENANT, missionId)).seq).toBe(seq);

  // The failure view reads attempt artifacts that do not exist (403 from S3) without failing.
  const view = await failureView(svc, mission);
  expect(view).toMatchObject({ mission_id: missionId, status: 'FAILED', failure: { code: 'TIMEOUT' } });
});

test('an aborted execution is recorded with its cause; a failed one with its error', async () => {
  const aborted = await missionIn('ARCHITECTING');
  await recordEndedExecution(svc, ended(aborted, 'ABORTED', { cause: 'Stopped by an operator' }));
  expect((await svc.store.requireMission(TENANT, aborted)).failure).toMatchObject({
    code: 'EXECUTION_ABORTED',
    message: 'Stopped by an operator',
    step: 'ARCHITECTING',
  });
  const failed = await missionIn('BUILDING');
  await recordEndedExecution(
    svc,
    ended(failed, 'FAILED', { error: 'States.Runtime', cause: 'An error occurred while executing the state' }),
  );
  const mission = await svc.store.requireMission(TENANT, failed);
  expect(mission.status).toBe('FAILED');
  expect(mission.evidence_key).not.toBeNull();
});

test('a cancelled mission stays CANCELLED when its aborted execution is reported', async () => {
  const missionId = await missionIn('CANCELLED');
  expect(await recordEndedExecution(svc, ended(missionId, 'ABORTED'))).toEqual({
    action: 'already-final',
    mission_id: missionId,
  });
  expect((await svc.store.requireMission(TENANT, missionId)).status).toBe('CANCELLED');
});

test('events that are not an ended mission execution are ignored', async () => {
  expect((await recordEndedExecution(svc, { hello: 'world' })).action).toBe('ignored');
  const missionId = await missionIn('BUILDING');
  const succeeded = { ...ended(missionId, 'FAILED'), detail: { ...ended(missionId, 'FAILED').detail, status: 'SUCCEEDED' } };
  expect((await recordEndedExecution(svc, succeeded)).action).toBe('ignored');
  const noInput = { ...ended(missionId, 'FAILED'), detail: { ...ended(missionId, 'FAILED').detail, input: null } };
  expect((await recordEndedExecution(svc, noInput)).action).toBe('ignored');
  expect((await svc.store.requireMission(TENANT, missionId)).status).toBe('BUILDING');
});

test('the local runner reports a timed-out execution with the EventBridge event shape', async () => {
  const events: ExecutionStatusChange[] = [];
  const runner = new LocalWorkflowRunner({
    definitionJson: JSON.stringify({
      StartAt: 'Hang',
      TimeoutSeconds: 1,
      States: {
        Hang: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:hang', TimeoutSeconds: 30, End: true },
      },
    }),
    dir: runnerDirs[runnerDirs.push(mkdtempSync(join(tmpdir(), 'gantry-ended-'))) - 1]!,
    tasks: { Hang: () => new Promise((resolve) => setTimeout(() => resolve({}), 1_500).unref()) },
    onEnded: async (event) => {
      events.push(event);
    },
  });
  await runner.start('m-local-timeout', { tenant_id: TENANT, mission_id: 'm-local-timeout', attempt: 1 });
  await runner.drain();
  expect(events).toHaveLength(1);
  const event = ExecutionStatusChangeSchema.parse(events[0]);
  expect(event.detail).toMatchObject({ status: 'TIMED_OUT', name: 'm-local-timeout' });
  expect(JSON.parse(event.detail.input!)).toEqual({ tenant_id: TENANT, mission_id: 'm-local-timeout', attempt: 1 });
  expect(event.detail.stateMachineArn).toMatch(/:stateMachine:gantry-mission$/);
});

test('the policy publisher reads a 403 for the missing key as "no override": the published one is withdrawn', async () => {
  const table = new MemoryDocumentClient();
  table.items.set(JSON.stringify(['gantry', POLICY_ITEM_KEY.PK, POLICY_ITEM_KEY.SK]), { ...POLICY_ITEM_KEY, hash: 'old' });
  const publisher = new PolicyPublisher(s3, 'artifacts', 'config/policy.yaml', table, 'gantry');
  const before = bucket.requests;
  expect(await publisher.publish()).toEqual({ outcome: 'withdrawn' });
  expect(bucket.requests - before).toBe(1);
  expect(table.items.size).toBe(0);
});
