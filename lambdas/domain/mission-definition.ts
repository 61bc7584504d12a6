import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from './policy';
import { PROJECT_ROOT } from './policy';

/** Path of the one mission state machine definition shared by AWS and the local runner. */
export const MISSION_ASL_PATH = join(PROJECT_ROOT, 'statemachines', 'mission.asl.json');

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
  'BuilderClusterArn',
  'BuilderTaskDefinitionArn',
  'BuilderSubnetA',
  'BuilderSubnetB',
  'BuilderSecurityGroupId',
] as const;
export type MissionSubstitution = (typeof MISSION_SUBSTITUTIONS)[number];

/** Seconds a Fargate task may take to be placed and pull its image, on top of the builder's own limit. */
const BUILD_START_MARGIN_SECONDS = 120;

/** The Build state's timeout: the builder's dead man's switch plus the time a task may take to start. */
export function buildStateTimeoutSeconds(policy: Policy): number {
  return policy.builder.dead_man_switch_seconds + BUILD_START_MARGIN_SECONDS;
}

/**
 * Reads the ASL and applies the timeouts that `policy.yaml` owns, so the file, the local runner
 * and the deployed state machine never disagree. Placeholders are left for the caller.
 */
export function missionDefinitionJson(policy: Policy, path = MISSION_ASL_PATH): string {
  const definition = JSON.parse(readFileSync(path, 'utf8')) as {
    TimeoutSeconds?: number;
    States: Record<string, { TimeoutSeconds?: number }>;
  };
  definition.TimeoutSeconds = policy.mission.timeout_seconds;
  const build = definition.States.Build;
  if (!build) throw new Error('mission.asl.json has no Build state');
  build.TimeoutSeconds = buildStateTimeoutSeconds(policy);
  const deploy = definition.States.Deploy;
  if (deploy) deploy.TimeoutSeconds = policy.deploy.timeout_seconds + 60;
  return JSON.stringify(definition, null, 2);
}

/** Replaces every `${Name}` placeholder; an unknown or missing name is an error, never left in place. */
export function substitute(definitionJson: string, values: Record<MissionSubstitution, string>): string {
  return definitionJson.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`No value for state machine placeholder \${${name}}`);
    return value;
  });
}
