import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../composition-root';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { readRequest, refusalError } from '../domain/architect/offline-architect';
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

/** How the offline architect will build a direct request, when not literally as worded. */
export interface DirectInterpretation {
  readonly interpreted_as: string | null;
  readonly left_out: string[];
}

/**
 * Reads a direct request before anything is recorded, when the offline architect will build it:
 * a request no static app can serve, or that it cannot read, is refused with a 422 and a clear
 * code; a close reading is returned so the mission, the speech, the PR and the evidence say it.
 * A model architect reads requests itself, so nothing is decided here for it.
 */
export function interpretDirectRequest(svc: Pick<Services, 'architect'>, prompt: string): DirectInterpretation {
  if (svc.architect.name !== 'offline') return { interpreted_as: null, left_out: [] };
  const reading = readRequest(prompt);
  if (reading.outcome === 'refused') throw refusalError(reading);
  return { interpreted_as: reading.interpretedAs, left_out: [...reading.leftOut] };
}

/** The spoken answer to a direct build: the fixed opening, then the reading when there is one. */
export function submitSpeech(i: DirectInterpretation): string {
  if (!i.interpreted_as && i.left_out.length === 0) return SUBMIT_SPEECH;
  const as = i.interpreted_as ? ` I will build ${i.interpreted_as}.` : '';
  const without = i.left_out.length > 0 ? ` Left out, because a static web app cannot do it: ${i.left_out.join('; ')}.` : '';
  return `${SUBMIT_SPEECH}${as}${without}`;
}

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
  const interpretation = interpretDirectRequest(svc, input.request.voice_memo);
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
      speech: submitSpeech(interpretation),
      ...(input.retryOf ? { retryOf: input.retryOf } : {}),
      extra: { source: 'direct', interpreted_as: interpretation.interpreted_as, left_out: interpretation.left_out },
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
    data: {
      ...(input.retryOf ? { retry_of: input.retryOf } : {}),
      ...(interpretation.interpreted_as ? { interpreted_as: interpretation.interpreted_as } : {}),
      ...(interpretation.left_out.length > 0 ? { left_out: interpretation.left_out } : {}),
    },
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
      data: { failure },
      patch: { failure },
    });
    throw new GantryError('WORKFLOW_UNAVAILABLE', `Mission ${missionId} was recorded but its workflow could not start`, 503, {
      mission_id: missionId,
    });
  }
}
