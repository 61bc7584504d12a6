import { resultKey } from '../../builder-image/src/artifact-keys';
import { auditStep } from '../../lambdas/app/mission-steps';
import { BuildResultSchema } from '../../lambdas/domain/build-result';
import { crashedBuildResult } from '../../lambdas/domain/crashed-build';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/** The Cause Step Functions gives a failed ecs:runTask.sync state: the stopped task's description. */
const ecsCause = (exitCode: number | undefined, reason?: string) =>
  JSON.stringify({
    TaskArn: 'arn:aws:ecs:us-east-1:123456789012:task/gantry/abc',
    LastStatus: 'STOPPED',
    StopCode: 'EssentialContainerExited',
    StoppedReason: 'Essential container in task exited',
    Containers: [
      { Name: 'builder', ...(exitCode === undefined ? {} : { ExitCode: exitCode }), ...(reason ? { Reason: reason } : {}) },
    ],
  });

describe('a build task that ended without a result', () => {
  test('a non-zero exit is a failed attempt that names the stop and the exit code', () => {
    const result = crashedBuildResult({ Error: 'States.TaskFailed', Cause: ecsCause(1) }, '2026-01-01T00:00:00.000Z');
    expect(BuildResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ ok: false, end_reason: 'exit', commands: [], tests: [] });
    expect(result.error).toMatch(/Essential container in task exited/);
    expect(result.error).toMatch(/exit code 1/);
  });

  test('out of memory, a Build state timeout and a plain local error each say so', () => {
    expect(
      crashedBuildResult(
        { Error: 'States.TaskFailed', Cause: ecsCause(137, 'OutOfMemoryError: Container killed due to memory usage') },
        'x',
      ).end_reason,
    ).toBe('memory');
    const timedOut = crashedBuildResult({ Error: 'States.Timeout' }, 'x');
    expect(timedOut.end_reason).toBe('timeout');
    expect(timedOut.error).toMatch(/Build state timeout/);
    const local = crashedBuildResult({ Error: 'Error', Cause: 'sandbox could not start' }, 'x');
    expect(local).toMatchObject({ end_reason: 'error' });
    expect(local.error).toMatch(/sandbox could not start/);
  });
});

describe('Audit after a crashed build', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.stop());

  test('records a failed attempt, stores a result describing the stop, and hands the mission to Heal', async () => {
    const svc = t.stack.services;
    const tenant = 'tenant-crash';
    const missionId = `m-crash-${process.pid}`;
    await svc.store.createMission({
      tenantId: tenant,
      missionId,
      prompt: 'Build a calculator',
      options: { deploy: false, publish: false },
      policyHash: svc.policy.hash,
      speech: '',
      status: 'BUILDING',
    });
    const out = await auditStep(svc, {
      tenant_id: tenant,
      mission_id: missionId,
      attempt: 1,
      build_error: { Error: 'States.TaskFailed', Cause: ecsCause(1) },
    });
    expect(out.verdict).toBe('HEAL');
    const stored = BuildResultSchema.parse(
      JSON.parse((await svc.artifacts.get(resultKey(tenant, missionId, 1)))!.toString('utf8')),
    );
    expect(stored.error).toMatch(/exit code 1/);
    const mission = await svc.store.requireMission(tenant, missionId);
    expect(mission.attempts).toHaveLength(1);
    expect(mission.attempts[0]).toMatchObject({ attempt: 1, ok: false, outcome: 'failed', end_reason: 'exit' });
  });

  test('without a build error, a missing result is still a failure of the step', async () => {
    const svc = t.stack.services;
    const missionId = `m-noresult-${process.pid}`;
    await svc.store.createMission({
      tenantId: 'tenant-crash',
      missionId,
      prompt: 'Build a calculator',
      options: { deploy: false, publish: false },
      policyHash: svc.policy.hash,
      speech: '',
      status: 'BUILDING',
    });
    await expect(auditStep(svc, { tenant_id: 'tenant-crash', mission_id: missionId, attempt: 1 })).rejects.toMatchObject({
      name: 'BuildResultMissingError',
    });
  });
});
