import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../composition-root';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GantryError } from '../domain/errors';
import type { Actor, Mission, MissionOptions } from '../domain/mission';
import { recordEvent } from './mission-events';

/** Body of `POST /gantry/architect` (seed shape). */
export function architectRequestSchema(maxPromptChars: number) {
  return z.object({
    voice_memo: z
      .string()
      .trim()
      .min(1, 'voice_memo must not be empty')
      .max(maxPromptChars, `voice_memo is longer than api.max_prompt_chars (${maxPromptChars})`),
    deploy: z.boolean().default(true),
    publish: z.boolean().default(true),
  });
}
export type ArchitectRequest = z.infer<ReturnType<typeof architectRequestSchema>>;

export const SUBMIT_SPEECH = 'Gantry assumes control.';

/**
 * Creates a mission and starts its workflow. With an idempotency key, a repeated request
 * returns the mission the first one created instead of starting a second build.
 */
export async function submitMission(
  svc: Services,
  input: {
    tenantId: string;
    actor: Actor;
    request: ArchitectRequest;
    idempotencyKey?: string;
    /** The mission this one retries (`POST /gantry/missions/{id}/retry`). */
    retryOf?: string;
  },
): Promise<{ mission: Mission; created: boolean }> {
  const missionId = input.idempotencyKey
    ? `m-${createHash('sha256').update(`${input.tenantId}\n${input.idempotencyKey}`).digest('hex').slice(0, 24)}`
    : `m-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  let mission: Mission;
  try {
    mission = await svc.store.createMission({
      tenantId: input.tenantId,
      missionId,
      prompt: input.request.voice_memo,
      options: { deploy: input.request.deploy, publish: input.request.publish },
      policyHash: svc.policy.hash,
      speech: SUBMIT_SPEECH,
      ...(input.retryOf ? { retryOf: input.retryOf } : {}),
      extra: { source: 'direct' },
    });
  } catch (err) {
    if (input.idempotencyKey && err instanceof ConditionalCheckFailedException) {
      return { mission: await svc.store.requireMission(input.tenantId, missionId), created: false };
    }
    throw err;
  }
  const { executionArn } = await startMission(svc, {
    tenantId: input.tenantId,
    missionId,
    actor: input.actor,
    prompt: input.request.voice_memo,
    options: { deploy: input.request.deploy, publish: input.request.publish },
    data: input.retryOf ? { retry_of: input.retryOf } : {},
  });
  mission.execution_arn = executionArn;
  return { mission, created: true };
}

/**
 * The one way a mission starts, shared by the direct build and the confirmed consultation:
 * records `mission.created` (QUEUED) and starts the mission's workflow. A workflow that cannot
 * start leaves the mission FAILED with the reason, and a 503 for the caller. The workflow reads
 * everything else (a consultation's confirmed plan, its design reference) from the mission.
 */
export async function startMission(
  svc: Services,
  input: {
    tenantId: string;
    missionId: string;
    actor: Actor;
    prompt: string;
    options: MissionOptions;
    /** More facts for the `mission.created` event. */
    data?: Record<string, unknown>;
  },
): Promise<{ executionArn: string }> {
  const { tenantId, missionId } = input;
  await recordEvent(svc, tenantId, missionId, {
    type: 'mission.created',
    status: 'QUEUED',
    message: `Mission queued: ${input.prompt.slice(0, 200)}`,
    actor: input.actor,
    idempotencyKey: `${missionId}:created`,
    data: {
      deploy: input.options.deploy,
      publish: input.options.publish,
      policy_hash: svc.policy.hash,
      ...input.data,
    },
  });
  return startWorkflow(svc, tenantId, missionId);
}

/**
 * Starts the workflow of a QUEUED mission (after `mission.created`). The execution is named after
 * the mission, so starting it again is the same execution, never a second build. A workflow that
 * cannot start leaves the mission FAILED with the reason, and a 503 for the caller.
 */
export async function startWorkflow(svc: Services, tenantId: string, missionId: string): Promise<{ executionArn: string }> {
  try {
    const { executionArn } = await svc.workflow.start(missionId, {
      tenant_id: tenantId,
      mission_id: missionId,
      attempt: 1,
    });
    await svc.store.patchMission(tenantId, missionId, { execution_arn: executionArn });
    return { executionArn };
  } catch (err) {
    const failure = {
      code: 'WORKFLOW_START_FAILED',
      message: (err as Error).message,
      step: 'QUEUED',
      at: new Date().toISOString(),
    };
    await recordEvent(svc, tenantId, missionId, {
      type: 'status',
      status: 'FAILED',
      message: `The workflow could not start: ${failure.message}`,
      actor: { type: 'system', id: 'gantry' },
      idempotencyKey: `${missionId}:start-failed`,
      data: { failure },
      patch: { failure },
    });
    throw new GantryError('WORKFLOW_UNAVAILABLE', `Mission ${missionId} was recorded but its workflow could not start`, 503, {
      mission_id: missionId,
    });
  }
}
