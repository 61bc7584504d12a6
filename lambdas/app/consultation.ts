import { randomUUID } from 'node:crypto';
import * as z from '../domain/zod';
import type { Services } from './services';
import { crashPoint } from '../crash-point';
import { analyzeRequest } from '../domain/architect/request-analysis';
import { budgetBreach, BudgetExceededError, missionSpend } from '../domain/budget';
import {
  CONSULTATION_STATUSES,
  enforceConfirmationRule,
  planFromResponse,
  planSubject,
  speechFor,
  toSpeech,
  type ConsultantResponse,
  type ConsultationPlan,
  type ConversationTurn,
} from '../domain/consultation';
import { planSha256 } from '../domain/plan-digest';
import { designReferenceKey, designReferencePath, validateDesignImage, type DesignReferenceRecord } from '../domain/design-image';
import { GantryError, NotFoundError } from '../domain/errors';
import { addUsage, type LlmCallUsage, type MissionUsage } from '../domain/llm';
import { SYSTEM_ACTOR, type Actor, type Mission, type MissionStatus } from '../domain/mission';
import type { Policy } from '../domain/policy';
import { logger } from '../observability';
import { recordEvent } from './mission-events';
import { startMission, type SubmitServices } from './submit-mission';
import { promptTextSchema } from '../domain/prompt-text';
import { forLastArgument } from '../domain/memo';

export type ConsultationServices = Pick<Services, 'artifacts' | 'consultant'> & SubmitServices;

/**
 * The CTO consultation loop (seed 000 "Consultation Flow"). The consultation IS the mission: same
 * id, statuses NEEDS_INPUT / NEEDS_CONFIRMATION / READY_TO_BUILD, then QUEUED and the workflow.
 * Every turn is two events in the mission's hash chain (the person's message, the consultant's
 * answer); a build starts only after a `consultation.confirmed` event carrying the person as
 * actor and the fingerprint of the exact plan they confirmed.
 */

/** Kept on the mission item (DynamoDB items are at most 400 KB); the event log keeps every turn. */
const MAX_HISTORY_TURNS = 40;
const MAX_TURN_CHARS = 4000;

export const CONSULT_CHANNELS = ['chat', 'voice', 'siri'] as const;
export type ConsultChannel = (typeof CONSULT_CHANNELS)[number];

/**
 * A person's message to the CTO or to chat: no control characters (400 INVALID_PROMPT), NFC,
 * trimmed, not empty, within `api.max_prompt_chars`.
 */
export function messageSchema(policy: Policy) {
  return promptTextSchema('message', policy.api.max_prompt_chars);
}

/** Body of `POST /gantry/consult` and `POST /gantry/voice` (seed shape). */
/** Body of `POST /gantry/chat`. */
export const chatRequestSchema = forLastArgument((policy: Policy) => z.strictObject({ message: messageSchema(policy) }));

export const consultRequestSchema = forLastArgument((policy: Policy) =>
  z
    .strictObject({
      message: messageSchema(policy),
      mission_id: z.optional(
        z.string().check(z.regex(/^m-[a-z0-9]{6,64}$/, 'mission_id must be the id of a consultation (m-…)')),
      ),
      image_base64: z.optional(z.string()),
      image_filename: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      deploy: z.optional(z.boolean()),
      publish: z.optional(z.boolean()),
    })
    .check(
      z.refine((b) => (b.image_base64 === undefined) === (b.image_filename === undefined), {
        message: 'image_base64 and image_filename must be sent together',
        path: ['image_filename'],
      }),
    ),
);
export type ConsultRequest = z.infer<ReturnType<typeof consultRequestSchema>>;

/** A consult body may carry a design image: the policy's body limit plus the image's base64 size. */
export function consultBodyLimit(policy: Policy): number {
  return policy.api.max_body_bytes + Math.ceil(policy.api.max_image_bytes / 3) * 4 + 1024;
}

/** The consultation is over: the mission is building or ended, so messages no longer change it. */
export class ConsultationClosedError extends GantryError {
  constructor(missionId: string, status: MissionStatus) {
    super(
      'CONSULTATION_CLOSED',
      `Mission ${missionId} is ${status}: its consultation is closed. Start a new consultation without mission_id.`,
      409,
      { status },
    );
    this.name = 'ConsultationClosedError';
  }
}

export const isConsulting = (status: MissionStatus): boolean => status === 'NEEDS_INPUT' || status === 'NEEDS_CONFIRMATION';

export interface ConsultationInput {
  readonly tenantId: string;
  /** Who speaks: the person (web, API) or their device (Siri). Never taken from the request body. */
  readonly actor: Actor;
  readonly message: string;
  readonly missionId?: string;
  readonly image?: { readonly base64: string; readonly filename: string };
  readonly deploy?: boolean;
  readonly publish?: boolean;
  readonly channel: ConsultChannel;
}

export interface ConsultationResult {
  readonly mission: Mission;
  readonly response: ConsultantResponse;
  /** Short text fit for a voice answer. */
  readonly speech: string;
  /** True when this turn confirmed the plan and the mission's workflow started. */
  readonly started: boolean;
  /** True when this turn opened a new consultation. */
  readonly created: boolean;
  /** Why the consultant's own answer was changed by the confirmation rule, or null. */
  readonly overridden: string | null;
}

function clip(text: string, max = MAX_TURN_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The plan a response proposes, with the name the person gave (it lives in the build prompt). */
function planOf(response: ConsultantResponse): ConsultationPlan | null {
  const plan = planFromResponse(response);
  return plan ? { ...plan, title: analyzeRequest(plan.build_prompt).appName } : null;
}

async function openConsultation(svc: ConsultationServices, input: ConsultationInput): Promise<Mission> {
  const missionId = `m-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  return svc.store.createMission({
    tenantId: input.tenantId,
    missionId,
    prompt: input.message,
    options: { deploy: input.deploy ?? true, publish: input.publish ?? true },
    policyHash: svc.policy.hash,
    speech: '',
    status: 'NEEDS_INPUT',
    extra: {
      source: 'consultation',
      conversation_history: [],
      pending_question: null,
      plan: null,
      design_target: null,
      proposed_stack: null,
      design_reference: null,
      usage: null,
    },
  });
}

/** Records the usage of a model call that failed (its tokens were still spent). Best effort. */
async function recordFailedCallUsage(svc: ConsultationServices, mission: Mission, err: unknown): Promise<void> {
  const usage = (err as GantryError).details?.usage as LlmCallUsage | undefined;
  if (!usage || typeof usage.input_tokens !== 'number') return;
  try {
    const fresh = await svc.store.requireMission(mission.tenant_id, mission.mission_id);
    const total = addUsage(fresh.usage, usage);
    await recordEvent(svc, mission.tenant_id, mission.mission_id, {
      type: 'llm.usage',
      message: 'A model call failed; its tokens were still spent',
      actor: SYSTEM_ACTOR,
      data: { calls: total.calls },
      patch: { usage: total },
    });
  } catch (patchErr) {
    logger.warn('Could not record the usage of a failed model call', {
      mission_id: mission.mission_id,
      error: (patchErr as Error).message,
    });
  }
}

/**
 * One turn of a consultation: opens one (no `missionId`) or continues it, stores a design image,
 * asks the consultant, holds its answer to the confirmation rule, records the turn, and on an
 * explicit confirmation of the plan on the table records `consultation.confirmed` with the
 * actor and starts the mission's workflow with the confirmed plan. Callable from any entry
 * point (chat, voice, the Siri endpoint); the caller authenticates, rate-limits and filters
 * content first.
 */
export async function continueConsultation(svc: ConsultationServices, input: ConsultationInput): Promise<ConsultationResult> {
  const policy = svc.policy.policy;
  // The image is checked before anything is stored or any token is spent.
  const image = input.image
    ? validateDesignImage({ base64: input.image.base64, filename: input.image.filename, maxBytes: policy.api.max_image_bytes })
    : null;

  let mission: Mission;
  let created = false;
  if (input.missionId) {
    mission = await svc.store.requireMission(input.tenantId, input.missionId);
    if (mission.source !== 'consultation' && !isConsulting(mission.status)) {
      throw new NotFoundError(`Mission ${input.missionId} is not a consultation`);
    }
    if (mission.status === 'READY_TO_BUILD' && mission.plan) {
      // Confirmed, but the build never started (the process stopped in between, or a start that
      // failed to answer): the person's next message starts it, so no consultation stays
      // READY_TO_BUILD for ever. Starting again is the same start (see startConfirmedBuild).
      return resumeConfirmed(svc, mission, mission.plan);
    }
    if (!isConsulting(mission.status)) throw new ConsultationClosedError(mission.mission_id, mission.status);
    // A consultation's model calls count against the mission's budget like its builds.
    const breach = budgetBreach(missionSpend(mission), policy.budget);
    if (breach) throw new BudgetExceededError(breach);
  } else {
    mission = await openConsultation(svc, input);
    created = true;
  }

  let designReference: DesignReferenceRecord | null = mission.design_reference ?? null;
  if (image) {
    const key = designReferenceKey(mission.tenant_id, mission.mission_id, image.ext);
    await svc.artifacts.put(key, image.bytes, image.contentType);
    designReference = {
      key,
      filename: image.filename,
      ext: image.ext,
      content_type: image.contentType,
      bytes: image.bytes.length,
      sha256: image.sha256,
    };
  }

  // The person's message, recorded before the consultant is asked: it is in the log even if the
  // model then fails, and a message racing this one is refused (409) before it spends a token.
  const said = await recordEvent(svc, mission.tenant_id, mission.mission_id, {
    type: created ? 'consultation.started' : 'consultation.message',
    message: clip(input.message, 500),
    actor: input.actor,
    expectedSeq: mission.seq,
    data: {
      channel: input.channel,
      ...(image && designReference
        ? {
            design_reference: {
              filename: designReference.filename,
              bytes: designReference.bytes,
              sha256: designReference.sha256,
            },
          }
        : {}),
    },
    ...(designReference !== (mission.design_reference ?? null) ? { patch: { design_reference: designReference } } : {}),
  });

  const history = mission.conversation_history ?? [];
  const planOnTable = mission.status === 'NEEDS_CONFIRMATION' ? (mission.plan ?? null) : null;
  let turn: Awaited<ReturnType<Services['consultant']['consult']>>;
  try {
    turn = await svc.consultant.consult({
      history,
      plan: planOnTable,
      message: input.message,
      designReference: designReference ? { filename: designReference.filename, ext: designReference.ext } : null,
      maxPromptChars: policy.api.max_prompt_chars,
    });
  } catch (err) {
    await recordFailedCallUsage(svc, mission, err);
    // The caller learns which consultation holds the message, so it can continue it later.
    if (err instanceof GantryError) {
      throw new GantryError(err.code, err.message, err.httpStatus, { ...err.details, mission_id: mission.mission_id });
    }
    throw err;
  }
  const guarded = enforceConfirmationRule(turn.response, { planAwaitingConfirmation: planOnTable, message: input.message });
  if (guarded.overridden) {
    logger.warn('Consultant answer overridden by the confirmation rule', {
      mission_id: mission.mission_id,
      consultant: svc.consultant.name,
      reason: guarded.overridden,
    });
  }
  const response = guarded.response;
  const usage: MissionUsage | null = turn.usage ? addUsage(mission.usage, turn.usage) : (mission.usage ?? null);
  const at = new Date().toISOString();
  const conversation: ConversationTurn[] = [
    ...history,
    { role: 'user' as const, content: clip(input.message), at },
    { role: 'assistant' as const, content: clip(response.response), at },
  ].slice(-MAX_HISTORY_TURNS);
  const consultantActor: Actor = { type: 'agent', id: `consultant:${svc.consultant.name}` };

  if (response.status === 'READY_TO_BUILD' && planOnTable) {
    const plan = planOnTable;
    const speech = speechFor(response, plan);
    const options = {
      deploy: input.deploy ?? mission.options.deploy,
      publish: input.publish ?? mission.options.publish,
    };
    // The human decision (seed 002): who, what exactly (the plan's fingerprint), from which reply.
    await recordEvent(svc, mission.tenant_id, mission.mission_id, {
      type: 'consultation.confirmed',
      status: 'READY_TO_BUILD',
      message: `${input.actor.type} ${input.actor.id} confirmed the plan: ${planSubject(plan)}`,
      actor: input.actor,
      idempotencyKey: `${mission.mission_id}:confirmed`,
      expectedSeq: said.seq,
      data: {
        decision: 'APPROVE',
        channel: input.channel,
        reply: clip(input.message, 500),
        plan,
        plan_sha256: planSha256(plan),
        consultant: svc.consultant.name,
        options,
      },
      patch: {
        conversation_history: conversation,
        pending_question: null,
        prompt: plan.build_prompt,
        options,
        features: plan.features,
        interpreted_as: plan.interpreted_as ?? null,
        left_out: plan.left_out ?? [],
        usage,
        speech,
      },
    });
    // Between the decision and the start: restart recovery starts what was confirmed.
    crashPoint('proceed');
    await startConfirmedBuild(svc, await svc.store.requireMission(mission.tenant_id, mission.mission_id));
    const fresh = await svc.store.requireMission(mission.tenant_id, mission.mission_id);
    return { mission: fresh, response, speech, started: true, created, overridden: guarded.overridden };
  }

  const plan = response.status === 'NEEDS_CONFIRMATION' ? planOf(response) : null;
  const speech = speechFor(response, plan);
  await recordEvent(svc, mission.tenant_id, mission.mission_id, {
    type: 'consultation.reply',
    status: response.status,
    message: toSpeech(response.question ?? response.response, 300),
    actor: consultantActor,
    expectedSeq: said.seq,
    data: {
      status: response.status,
      question: response.question,
      reply: clip(response.response, 2000),
      plan_sha256: plan ? planSha256(plan) : null,
      confidence: response.confidence,
      overridden: guarded.overridden,
      ...(turn.usage ? { usage: turn.usage } : {}),
    },
    patch: {
      conversation_history: conversation,
      pending_question: response.status === 'NEEDS_INPUT' ? response.question : null,
      plan,
      design_target: plan?.design_target ?? null,
      proposed_stack: plan?.proposed_stack ?? null,
      features: plan?.features ?? [],
      usage,
      speech,
    },
  });
  const fresh = await svc.store.requireMission(mission.tenant_id, mission.mission_id);
  return { mission: fresh, response, speech, started: false, created, overridden: guarded.overridden };
}

async function resumeConfirmed(svc: ConsultationServices, mission: Mission, plan: ConsultationPlan): Promise<ConsultationResult> {
  await startConfirmedBuild(svc, mission);
  const fresh = await svc.store.requireMission(mission.tenant_id, mission.mission_id);
  const response: ConsultantResponse = {
    response: `Confirmed. Building ${planSubject(plan)} now.`,
    status: 'READY_TO_BUILD',
    question: null,
    app_kind: plan.kind,
    design_target: plan.design_target,
    proposed_stack: plan.proposed_stack,
    build_prompt: plan.build_prompt,
    features: plan.features,
    confidence: 1,
  };
  return { mission: fresh, response, speech: speechFor(response, plan), started: true, created: false, overridden: null };
}

/**
 * Starts the build a consultation's `consultation.confirmed` event decided: "proceed" is that one
 * conditional append (its key makes it happen once), and the start follows from it alone. A
 * process that stops between the two leaves a READY_TO_BUILD mission whose confirmation is in the
 * log: restart recovery calls this again and the build starts (`mission.created` and the
 * execution name make a repeated start the same start).
 */
export async function startConfirmedBuild(svc: SubmitServices, mission: Mission): Promise<{ executionArn: string }> {
  const confirmed = await svc.store.eventByIdempotencyKey(
    mission.tenant_id,
    mission.mission_id,
    `${mission.mission_id}:confirmed`,
  );
  if (!confirmed) throw new NotFoundError(`Consultation ${mission.mission_id} has no confirmed plan`);
  const plan = mission.plan;
  if (!plan) throw new NotFoundError(`Consultation ${mission.mission_id} has no plan`);
  return startMission(svc, {
    tenantId: mission.tenant_id,
    missionId: mission.mission_id,
    actor: confirmed.actor,
    prompt: plan.build_prompt,
    options: mission.options,
    data: { plan_sha256: planSha256(plan), source: 'consultation' },
  });
}

/** The answer of `POST /gantry/consult` and `/gantry/voice`. */
export function turnView(result: ConsultationResult): Record<string, unknown> {
  const m = result.mission;
  const r = result.response;
  return {
    mission_id: m.mission_id,
    status: m.status,
    consultant_status: r.status,
    response: r.response,
    question: r.question,
    speech: result.speech,
    app_kind: r.app_kind,
    design_target: r.design_target,
    proposed_stack: r.proposed_stack,
    build_prompt: r.build_prompt,
    features: r.features,
    app_spec: r.app_spec ?? null,
    interpreted_as: r.interpreted_as ?? null,
    left_out: r.left_out ?? [],
    confidence: r.confidence,
    started: result.started,
    design_reference: m.design_reference
      ? { path: designReferencePath(m.design_reference.ext), bytes: m.design_reference.bytes, sha256: m.design_reference.sha256 }
      : null,
    usage: m.usage ?? null,
    consultation_url: `/gantry/consultation/${m.mission_id}`,
    status_url: `/gantry/status/${m.mission_id}`,
  };
}

/** `GET /gantry/consultation/{id}`: the conversation and the plan, whatever the mission's status now. */
export function consultationView(m: Mission): Record<string, unknown> {
  return {
    mission_id: m.mission_id,
    status: m.status,
    consulting: (CONSULTATION_STATUSES as readonly string[]).includes(m.status) && m.status !== 'READY_TO_BUILD',
    source: m.source ?? 'direct',
    conversation_history: m.conversation_history ?? [],
    pending_question: m.pending_question ?? null,
    design_target: m.design_target ?? m.plan?.design_target ?? null,
    proposed_stack: m.proposed_stack ?? m.plan?.proposed_stack ?? null,
    features: m.plan?.features ?? m.features,
    plan: m.plan ?? null,
    build_prompt: m.plan?.build_prompt ?? null,
    design_reference: m.design_reference
      ? {
          path: designReferencePath(m.design_reference.ext),
          filename: m.design_reference.filename,
          content_type: m.design_reference.content_type,
          bytes: m.design_reference.bytes,
          sha256: m.design_reference.sha256,
        }
      : null,
    usage: m.usage ?? null,
    speech: m.speech,
    url: m.url,
    pr_url: m.pr_url,
    created_at: m.created_at,
    updated_at: m.updated_at,
    status_url: `/gantry/status/${m.mission_id}`,
  };
}
