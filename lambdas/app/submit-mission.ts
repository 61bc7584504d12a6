import { createHash, randomUUID } from 'node:crypto';
import { isConditionalCheckFailed } from '../adapters/dynamo-client';
import * as z from '../domain/zod';
import type { Services } from './services';
import type { ArchitectPort } from '../domain/ports';
import { readRequest, refusalError } from '../domain/architect/offline-architect';
import { GantryError, ValidationError } from '../domain/errors';
import { promptTextSchema } from '../domain/prompt-text';
import { SYSTEM_ACTOR, type Actor, type Mission, type MissionOptions } from '../domain/mission';
import { recordEvent, type EventServices } from './mission-events';
import { forLastArgument } from '../domain/memo';

export type SubmitServices = Pick<Services, 'policy' | 'workflow'> & EventServices;
/** A direct build also reads the request first, when the offline architect will build it. */
export type DirectSubmitServices = SubmitServices & { readonly architect: Pick<ArchitectPort, 'name'> };

/** Body of `POST /gantry/architect` (seed shape). */
export const architectRequestSchema = forLastArgument((maxPromptChars: number) =>
  z.object({
    voice_memo: promptTextSchema('voice_memo', maxPromptChars),
    deploy: z._default(z.boolean(), true),
    publish: z._default(z.boolean(), true),
  }),
);
export type ArchitectRequest = z.infer<ReturnType<typeof architectRequestSchema>>;

export const SUBMIT_SPEECH = 'Gantry assumes control.';

/** An `Idempotency-Key`: 1–255 visible ASCII characters (the shape Stripe and the IETF draft use). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** What makes two submissions "the same request": the prompt, the options and what is retried. */
function requestFingerprint(request: { prompt: string; deploy: boolean; publish: boolean; retryOf: string | null }): string {
  return createHash('sha256')
    .update(JSON.stringify([request.prompt, request.deploy, request.publish, request.retryOf]))
    .digest('hex');
}

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
export function interpretDirectRequest(
  svc: { readonly architect: Pick<ArchitectPort, 'name'> },
  prompt: string,
): DirectInterpretation {
  if (svc.architect.name !== 'offline') return { interpreted_as: null, left_out: [] };
  const reading = readRequest(prompt);
  if (reading.outcome === 'refused') throw refusalError(reading);
  return { interpreted_as: reading.interpretedAs, left_out: [...reading.leftOut] };
}

/** The spoken answer to a direct build: the fixed opening, then the reading when there is one. */
export function submitSpeech(i: DirectInterpretation): string {
  if (!i.interpreted_as && i.left_out.length === 0) return SUBMIT_SPEECH;
  const as = i.interpreted_as ? ` I will build ${i.interpreted_as}.` : '';
  const without = i.left_out.length > 0 ? ` Left out, because the app built here cannot do it: ${i.left_out.join('; ')}.` : '';
  return `${SUBMIT_SPEECH}${as}${without}`;
}

/**
 * The mission id an idempotency key stands for. The key is scoped to the tenant and the actor:
 * another user's request with the same key is a different request and gets its own mission.
 */
export function idempotentMissionId(tenantId: string, actor: Actor, key: string): string {
  const scope = `${tenantId}\n${actor.type}:${actor.id}\n${key}`;
  return `m-${createHash('sha256').update(scope).digest('hex').slice(0, 24)}`;
}

/**
 * Creates a mission and starts its workflow. With an idempotency key, a repeated request from
 * the same user with the same body returns the mission the first one created instead of
 * starting a second build; the same key with a different body is refused (422
 * IDEMPOTENCY_KEY_REUSED), never answered with the first request's mission.
 */
export async function submitMission(
  svc: DirectSubmitServices,
  input: {
    tenantId: string;
    actor: Actor;
    request: ArchitectRequest;
    idempotencyKey?: string;
    /** The mission this one retries (`POST /gantry/missions/{id}/retry`). */
    retryOf?: string;
  },
): Promise<{ mission: Mission; created: boolean }> {
  if (input.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  const interpretation = interpretDirectRequest(svc, input.request.voice_memo);
  const missionId = input.idempotencyKey
    ? idempotentMissionId(input.tenantId, input.actor, input.idempotencyKey)
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
    if (input.idempotencyKey && isConditionalCheckFailed(err)) {
      const first = await svc.store.requireMission(input.tenantId, missionId);
      const asked = requestFingerprint({
        prompt: input.request.voice_memo,
        deploy: input.request.deploy,
        publish: input.request.publish,
        retryOf: input.retryOf ?? null,
      });
      const held = requestFingerprint({
        prompt: first.prompt,
        deploy: first.options.deploy,
        publish: first.options.publish,
        retryOf: first.retry_of ?? null,
      });
      if (asked !== held) {
        throw new GantryError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request body; send a new key for a new request',
          422,
        );
      }
      return { mission: first, created: false };
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
  svc: SubmitServices,
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
export async function startWorkflow(svc: SubmitServices, tenantId: string, missionId: string): Promise<{ executionArn: string }> {
  try {
    const { executionArn } = await svc.workflow.start(missionId, {
      tenant_id: tenantId,
      mission_id: missionId,
      attempt: 1,
    });
    // An event, not a bare patch: every fact of the mission record is in its log (gantry replay).
    await recordEvent(svc, tenantId, missionId, {
      type: 'workflow.started',
      message: 'Workflow started',
      actor: SYSTEM_ACTOR,
      idempotencyKey: `${missionId}:workflow-started:${executionArn}`,
      data: { execution_arn: executionArn },
      patch: { execution_arn: executionArn },
    });
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
