import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { BUILDER_WAIT_LIMIT_SECONDS } from '../../lambdas/domain/builder-line';
import {
  EXECUTION_TIMEOUT_MARGIN_SECONDS,
  missionDefinitionJson,
  missionWorstCaseSeconds,
  stateWorstCaseSeconds,
} from '../../lambdas/domain/mission-definition';

const { policy } = loadPolicyFile();

interface State {
  TimeoutSeconds?: number;
  Retry?: Array<{
    ErrorEquals: string[];
    IntervalSeconds?: number;
    MaxAttempts?: number;
    BackoffRate?: number;
    MaxDelaySeconds?: number;
  }>;
}
const definitionOf = (p = policy) =>
  JSON.parse(missionDefinitionJson(p)) as { TimeoutSeconds: number; States: Record<string, State> };

test('a state worst case counts every try to its timeout and every backoff wait', () => {
  // 60 s × (1 + 3 tries) + waits 2 + 4 + 8.
  expect(
    stateWorstCaseSeconds({
      TimeoutSeconds: 60,
      Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
    }),
  ).toBe(254);
  // ECS launch refusals cost only their waits (capped by MaxDelaySeconds): nothing ran.
  expect(
    stateWorstCaseSeconds({
      TimeoutSeconds: 300,
      Retry: [
        { ErrorEquals: ['ECS.AmazonECSException'], IntervalSeconds: 10, MaxAttempts: 5, BackoffRate: 2, MaxDelaySeconds: 60 },
      ],
    }),
  ).toBe(300 + 10 + 20 + 40 + 60 + 60);
  // Step Functions defaults: 1 s, 3 attempts, rate 2.
  expect(stateWorstCaseSeconds({ TimeoutSeconds: 10, Retry: [{ ErrorEquals: ['States.ALL'] }] })).toBe(10 * 4 + 1 + 2 + 4);
});

test('the execution timeout is never shorter than the worst case of policy.yaml and the ASL', () => {
  const def = definitionOf();
  const worst = missionWorstCaseSeconds(def, policy);
  expect(def.TimeoutSeconds).toBeGreaterThanOrEqual(worst + EXECUTION_TIMEOUT_MARGIN_SECONDS);
  // At the very least every attempt may run its Build state to the end.
  const build = def.States.Build!.TimeoutSeconds!;
  expect(build).toBe(policy.builder.dead_man_switch_seconds + 120);
  expect(def.TimeoutSeconds).toBeGreaterThan(policy.mission.max_attempts * build);
  // The worst case is the sum over the states the mission can pass through, attempts included.
  const s = (name: string) => stateWorstCaseSeconds(def.States[name]!);
  // The wait for a builder ends at its own limit (entered again every minute until then).
  const wait = s('AwaitBuilder');
  expect(wait).toBeGreaterThan(BUILDER_WAIT_LIMIT_SECONDS + 120);
  const rounds =
    policy.mission.max_attempts * (BUILDER_WAIT_LIMIT_SECONDS + 120 + s('PolicyGate') + s('Build') + s('Audit')) +
    (policy.mission.max_attempts - 1) * s('Heal');
  // Both approval checks run even when the policy has no gate.
  expect(worst).toBe(
    s('Architect') + rounds + 2 * s('ApprovalCheck') + s('Deploy') + s('Publish') + s('Seal') + s('RecordFailure'),
  );
});

test('more attempts or a longer dead man switch in policy.yaml lengthen the execution timeout', () => {
  const base = definitionOf().TimeoutSeconds;
  const moreAttempts = definitionOf({ ...policy, mission: { ...policy.mission, max_attempts: policy.mission.max_attempts + 2 } });
  const longerBuilds = definitionOf({
    ...policy,
    builder: { ...policy.builder, dead_man_switch_seconds: policy.builder.dead_man_switch_seconds + 600 },
  });
  expect(moreAttempts.TimeoutSeconds).toBeGreaterThan(base);
  expect(longerBuilds.TimeoutSeconds - base).toBeGreaterThanOrEqual(600 * policy.mission.max_attempts);
});

test('a mission timeout longer than the worst case is kept as written', () => {
  expect(definitionOf({ ...policy, mission: { ...policy.mission, timeout_seconds: 86_400 } }).TimeoutSeconds).toBe(86_400);
});

test('the definition stays valid ASL', () => {
  const validator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };
  const result = validator(definitionOf());
  expect(result.errors).toEqual([]);
  expect(result.isValid).toBe(true);
});
