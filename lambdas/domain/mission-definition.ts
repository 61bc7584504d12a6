import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDER_WAIT_LIMIT_SECONDS } from './builder-line';
import type { ApprovalGateName, Policy } from './policy';

/** Path of the one mission state machine definition shared by AWS and the local runner. */
export const MISSION_ASL_PATH = join(__dirname, '..', '..', 'statemachines', 'mission.asl.json');

/** Names of the `${...}` placeholders the definition expects (CDK `definitionSubstitutions`). */
export const MISSION_SUBSTITUTIONS = [
  'StepArchitectFunctionArn',
  'StepPolicyGateFunctionArn',
  'StepAuditFunctionArn',
  'StepHealFunctionArn',
  'StepDeployFunctionArn',
  'StepPublishFunctionArn',
  'StepSealFunctionArn',
  'StepRecordFailureFunctionArn',
  'StepApprovalCheckFunctionArn',
  'StepAwaitDecisionFunctionArn',
  'StepAwaitBuilderFunctionArn',
  'StepApprovalTimeoutFunctionArn',
  'StepRecordRejectionFunctionArn',
  'BuilderClusterArn',
  'BuilderTaskDefinitionArn',
  'BuilderSubnetA',
  'BuilderSubnetB',
  'BuilderSecurityGroupId',
  'BuilderAssignPublicIp',
] as const;
export type MissionSubstitution = (typeof MISSION_SUBSTITUTIONS)[number];

/** Seconds a Fargate task may take to be placed and pull its image, on top of the builder's own limit. */
const BUILD_START_MARGIN_SECONDS = 120;

/** The Build state's timeout: the builder's dead man's switch plus the time a task may take to start. */
export function buildStateTimeoutSeconds(policy: Policy): number {
  return policy.builder.dead_man_switch_seconds + BUILD_START_MARGIN_SECONDS;
}

/** Added to the worst case for state transitions, cold starts and clock skew between services. */
export const EXECUTION_TIMEOUT_MARGIN_SECONDS = 300;

interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
}

interface TaskStateTimes {
  readonly TimeoutSeconds?: number;
  readonly Retry?: readonly Retrier[];
}

interface DefinitionTimes {
  TimeoutSeconds?: number;
  readonly States: Record<string, { TimeoutSeconds?: number; readonly Retry?: readonly Retrier[] }>;
}

/**
 * Errors raised by the ECS API when it refuses to launch a task: a retry of them costs the wait
 * only, since nothing ran (the integration fails at RunTask, before any container starts).
 */
const isLaunchRefusal = (retrier: Retrier): boolean => retrier.ErrorEquals.every((e) => e.startsWith('ECS.'));

/**
 * The longest a Task state can take under the ASL's own rules: every try runs to its
 * `TimeoutSeconds`, and every retrier waits its full (unjittered) backoff as often as it may.
 * Step Functions' defaults apply where a field is absent (1 s, 3 attempts, rate 2.0).
 */
export function stateWorstCaseSeconds(state: TaskStateTimes): number {
  const timeout = state.TimeoutSeconds ?? 60;
  let tries = 1;
  let waits = 0;
  for (const retrier of state.Retry ?? []) {
    const attempts = retrier.MaxAttempts ?? 3;
    const interval = retrier.IntervalSeconds ?? 1;
    const rate = retrier.BackoffRate ?? 2;
    for (let k = 0; k < attempts; k++)
      waits += Math.min(interval * rate ** k, retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY);
    if (!isLaunchRefusal(retrier)) tries += attempts;
  }
  return timeout * tries + waits;
}

/** The wait state of each approval gate. */
export const AWAIT_DECISION_STATES: Readonly<Record<ApprovalGateName, string>> = {
  'before-deploy': 'AwaitDeployDecision',
  'before-publish': 'AwaitPublishDecision',
};

/** A wait state's timeout when its gate is not in the policy (the state is then never entered). */
const UNUSED_GATE_TIMEOUT_SECONDS = 3600;

/**
 * What the approval gates add to a mission: the gate check before the deploy and before the
 * publish (always run), and for each gate in the policy its wait (twice when it escalates, with a
 * check and a timeout step around each) and the sealed rejection it may end in.
 */
export function approvalsWorstCaseSeconds(definition: DefinitionTimes, policy: Policy): number {
  const of = (name: string): number => {
    const state = definition.States[name];
    return state ? stateWorstCaseSeconds(state) : 0;
  };
  let total = 2 * of('ApprovalCheck');
  for (const gate of policy.approvals.gates) {
    const waits = gate.on_timeout === 'escalate' ? 2 : 1;
    total += waits * (gate.timeout_s + of('DecisionTimedOut')) + (waits - 1) * of('ApprovalCheck');
  }
  if (policy.approvals.gates.length > 0) total += of('RecordRejection');
  return total;
}

/**
 * The longest a mission can run before an execution timeout is the only thing left to stop it:
 * the architect, then `max_attempts` rounds of the wait for a builder, policy gate, build and audit with a heal between
 * rounds, then deploy, publish and seal, or the failure record.
 */
export function missionWorstCaseSeconds(definition: DefinitionTimes, policy: Policy): number {
  const of = (name: string): number => {
    const state = definition.States[name];
    if (!state) throw new Error(`mission.asl.json has no ${name} state`);
    return stateWorstCaseSeconds(state);
  };
  const attempts = policy.mission.max_attempts;
  // The wait for a builder is entered again every minute until its own limit fails the mission.
  const round = Math.min(of('AwaitBuilder'), BUILDER_WAIT_LIMIT_SECONDS + 2 * 60) + of('PolicyGate') + of('Build') + of('Audit');
  return (
    of('Architect') +
    attempts * round +
    (attempts - 1) * of('Heal') +
    of('Deploy') +
    of('Publish') +
    of('Seal') +
    of('RecordFailure') +
    approvalsWorstCaseSeconds(definition, policy)
  );
}

/**
 * Reads the ASL and applies the timeouts that `policy.yaml` owns, so the file, the local runner
 * and the deployed state machine never disagree. Placeholders are left for the caller.
 *
 * The execution timeout is `mission.timeout_seconds` or, when that is shorter, the worst case
 * the definition allows plus a margin: an execution that times out runs no Catch, so it must never
 * end a mission its own states would still have finished.
 */
export function missionDefinitionJson(policy: Policy, path = MISSION_ASL_PATH): string {
  const definition = JSON.parse(readFileSync(path, 'utf8')) as DefinitionTimes;
  const build = definition.States.Build;
  if (!build) throw new Error('mission.asl.json has no Build state');
  build.TimeoutSeconds = buildStateTimeoutSeconds(policy);
  const deploy = definition.States.Deploy;
  if (deploy) deploy.TimeoutSeconds = policy.deploy.timeout_seconds + 60;
  // Each gate's wait lasts its timeout_s; a person sends no heartbeat, so that is the only bound.
  for (const [gateName, stateName] of Object.entries(AWAIT_DECISION_STATES)) {
    const wait = definition.States[stateName];
    const gate = policy.approvals.gates.find((g) => g.name === gateName);
    if (wait) wait.TimeoutSeconds = gate?.timeout_s ?? UNUSED_GATE_TIMEOUT_SECONDS;
  }
  definition.TimeoutSeconds = executionTimeoutSeconds(definition, policy);
  return JSON.stringify(definition, null, 2);
}

/** `mission.timeout_seconds`, raised to the worst case plus {@link EXECUTION_TIMEOUT_MARGIN_SECONDS} when shorter. */
export function executionTimeoutSeconds(definition: DefinitionTimes, policy: Policy): number {
  return Math.max(policy.mission.timeout_seconds, missionWorstCaseSeconds(definition, policy) + EXECUTION_TIMEOUT_MARGIN_SECONDS);
}

/** Replaces every `${Name}` placeholder; an unknown or missing name is an error, never left in place. */
export function substitute(definitionJson: string, values: Record<MissionSubstitution, string>): string {
  return definitionJson.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`No value for state machine placeholder \${${name}}`);
    return value;
  });
}
