import * as z from '../domain/zod';
import type { Services } from './services';
import {
  approvalFor,
  ApprovalStateSchema,
  canDecide,
  contextDigest,
  DECISION_REJECTED_ERROR,
  DecisionForbiddenError,
  gateApplies,
  gateNamed,
  NotAwaitingDecisionError,
  StaleDecisionContextError,
  timeoutAction,
  type ApprovalState,
  type Awaiting,
  type DecisionContext,
  type DecisionRequest,
} from '../domain/approval';
import { missionSpend } from '../domain/budget';
import { MissionEndedError, TaskTokenClosedError } from '../domain/errors';
import type { Principal } from '../domain/identity';
import { isFinal, MissionStateSchema, WORKFLOW_ACTOR, type Mission } from '../domain/mission';
import type { ApprovalWait } from '../domain/ports';
import { logger } from '../observability';
import { recordEvent, type EventServices } from './mission-events';

/** The approval steps read the mission and its events, and the policy's gates. */
export type ApprovalStepServices = EventServices & Pick<Services, 'policy' | 'policySource' | 'approvals'>;
/** The wait step also answers at once for a wait already decided (a re-invoked step). */
export type AwaitDecisionServices = ApprovalStepServices & Pick<Services, 'taskTokens'>;
/** The decisions API: waits, the mission, and the workflow's task tokens. */
export type DecisionServices = EventServices & Pick<Services, 'approvals' | 'taskTokens'>;

/** The state document at a gate: the mission state plus the gate and, once checked, `$.approval`. */
export const GateStateSchema = z.intersection(
  MissionStateSchema,
  z.object({ gate: z.string().check(z.minLength(1)), approval: z.optional(ApprovalStateSchema) }),
);

/** What the AwaitDecision state hands its function (the ASL's Payload). */
export const AwaitDecisionInputSchema = z.object({
  tenant_id: z.string().check(z.minLength(1)),
  mission_id: z.string().check(z.minLength(1)),
  attempt: z.number().check(z.int(), z.gte(1)),
  approval: ApprovalStateSchema,
  task_token: z.string().check(z.minLength(1)),
});

const waitIdOf = (approval: ApprovalState, attempt: number): string =>
  `${approval.gate}:${attempt}:${approval.escalated ? 'escalated' : 'first'}`;

async function overriddenBefore(svc: ApprovalStepServices, mission: Mission): Promise<boolean> {
  const events = await svc.store.listEvents(mission.tenant_id, mission.mission_id);
  return events.some((e) => e.type === 'policy.overridden' || (e.type === 'decision.recorded' && e.data.decision === 'OVERRIDE'));
}

/**
 * ApprovalCheck: whether a person must decide at the gate the workflow is at, from policy.yaml's
 * `approvals.gates` and the mission's facts. A gate before a step the mission did not ask for
 * (no deploy, no publish) does not stop it.
 */
export async function approvalCheckStep(svc: ApprovalStepServices, input: unknown): Promise<ApprovalState> {
  const state = GateStateSchema.parse(input);
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  const gate = gateNamed(svc.policy.policy, state.gate);
  if (!gate) return { required: false, gate: state.gate, roles: [], escalated: false, reason: 'no such gate in the policy' };
  const requested = gate.name === 'before-deploy' ? mission.options.deploy : mission.options.publish;
  if (!requested) {
    return { required: false, gate: gate.name, roles: [], escalated: false, reason: 'the gated step was not requested' };
  }
  const verdict = gateApplies(gate, {
    healed: mission.attempts.length > 1 || state.attempt > 1,
    overridden: await overriddenBefore(svc, mission),
    cost_usd: missionSpend(mission).cost_usd,
  });
  if (!verdict.applies) return { required: false, gate: gate.name, roles: [], escalated: false, reason: verdict.reason };
  return approvalFor(gate, verdict.reason);
}

/** What the approver is shown: the plan, what the heals changed, the tests, the live preview, the cost so far. */
export function decisionContextOf(mission: Mission): DecisionContext {
  const last = mission.attempts.at(-1);
  const spend = missionSpend(mission);
  return {
    plan: mission.plan ?? { prompt: mission.prompt, project_name: mission.project_name, features: mission.features },
    diff_summary: {
      attempts: mission.attempts.length,
      heals: mission.attempts
        .filter((a) => a.diff)
        .map((a) => ({
          attempt: a.attempt,
          base_attempt: a.base_attempt ?? null,
          files_changed: a.diff!.files_changed,
          lines_added: a.diff!.lines_added,
          lines_removed: a.diff!.lines_removed,
          sha256: a.diff!.sha256,
        })),
    },
    tests: last
      ? { attempt: last.attempt, passed: last.tests_passed, failed: last.tests_failed, outcome: last.outcome ?? null }
      : null,
    preview_url: mission.url,
    cost: { tokens: spend.tokens, cost_usd: spend.cost_usd, builder_seconds: spend.builder_seconds },
  };
}

const awaitingOf = (wait: ApprovalWait): Awaiting => ({
  gate: wait.gate,
  roles: wait.roles,
  requested_at: wait.requested_at,
  expires_at: wait.expires_at,
  on_timeout: wait.on_timeout,
});

/**
 * AwaitDecision (`.waitForTaskToken`): stores the task token with the mission, records
 * `approval.requested` (AWAITING_APPROVAL) and returns; the workflow then waits for a decision.
 * Invoked again for the same wait (a retry, a redrive) it only stores the new token; if that wait
 * was already decided, it hands the decision to the new token at once.
 */
export async function awaitDecisionStep(svc: AwaitDecisionServices, input: unknown): Promise<Record<string, unknown>> {
  const { tenant_id, mission_id, attempt, approval, task_token } = AwaitDecisionInputSchema.parse(input);
  const mission = await svc.store.requireMission(tenant_id, mission_id);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  const waitId = waitIdOf(approval, attempt);
  const existing = await svc.approvals.getWait(tenant_id, mission_id);
  if (existing?.wait_id === waitId && existing.state === 'decided' && existing.decision) {
    try {
      await handOver(svc, task_token, existing.decision);
    } catch (err) {
      // This very token already carried the decision: nothing is left to hand over.
      if (!(err instanceof TaskTokenClosedError)) throw err;
    }
    return { wait_id: waitId, state: 'decided' };
  }
  const now = new Date();
  const timeoutS = approval.timeout_s ?? 3600;
  const wait: ApprovalWait =
    existing?.wait_id === waitId && existing.state === 'waiting'
      ? { ...existing, task_token }
      : {
          tenant_id,
          mission_id,
          wait_id: waitId,
          gate: approval.gate,
          roles: approval.roles,
          requested_at: now.toISOString(),
          expires_at: new Date(now.getTime() + timeoutS * 1000).toISOString(),
          // After an escalation nobody is left to escalate to: silence then rejects.
          on_timeout: timeoutAction(approval),
          escalated: approval.escalated,
          task_token,
          context_digest: contextDigest(decisionContextOf(mission)),
          prompt: mission.prompt,
          state: 'waiting',
        };
  await svc.approvals.putWait(wait);
  const stored = (await svc.approvals.getWait(tenant_id, mission_id)) ?? wait;
  const awaiting = awaitingOf(stored);
  // What the approver is shown travels in the event too, so its digest can be recomputed from the
  // log alone (replay, evidence); a re-invoked wait keeps the digest it first announced.
  const context = decisionContextOf(mission);
  const shown = contextDigest(context) === stored.context_digest ? { context } : {};
  await recordEvent(svc, tenant_id, mission_id, {
    type: 'approval.requested',
    status: 'AWAITING_APPROVAL',
    message: `Waiting for ${stored.roles.join(' or ')} to decide at ${stored.gate} (until ${stored.expires_at})`,
    actor: WORKFLOW_ACTOR,
    idempotencyKey: `${mission_id}:approval-requested:${waitId}`,
    data: { ...awaiting, context_digest: stored.context_digest, ...shown, reason: approval.reason ?? null },
    patch: { awaiting },
  });
  return { wait_id: waitId, state: stored.state, expires_at: stored.expires_at };
}

/** Hands a recorded decision to the workflow task waiting on `token`. */
async function handOver(svc: Pick<Services, 'taskTokens'>, token: string, decision: NonNullable<ApprovalWait['decision']>) {
  if (decision.decision === 'REJECT') {
    await svc.taskTokens.sendFailure(
      token,
      DECISION_REJECTED_ERROR,
      JSON.stringify({ actor: decision.actor, role: decision.role, justification: decision.justification }),
    );
  } else {
    await svc.taskTokens.sendSuccess(token, {
      decision: decision.decision,
      actor: decision.actor,
      role: decision.role,
      decided_at: decision.decided_at,
    });
  }
}

/**
 * DecisionTimedOut: nobody decided before the gate's timeout. Records what the policy says and
 * answers `$.approval` with `timeout_action`: `escalate` (wait again for the escalation roles),
 * `approve` or `reject`. A decision that won the race against the timeout stands.
 */
export async function approvalTimeoutStep(svc: ApprovalStepServices, input: unknown): Promise<Record<string, unknown>> {
  const state = GateStateSchema.parse(input);
  const approval = state.approval ?? ApprovalStateSchema.parse({ required: true, gate: state.gate });
  const waitId = waitIdOf(approval, state.attempt);
  const wait = await svc.approvals.getWait(state.tenant_id, state.mission_id);
  if (wait?.wait_id === waitId && wait.state === 'decided' && wait.decision) {
    return { ...approval, timeout_action: wait.decision.decision === 'REJECT' ? 'reject' : 'approve', decided: true };
  }
  if (wait?.wait_id === waitId) await svc.approvals.closeWait(state.tenant_id, state.mission_id, 'timed_out');
  const action = timeoutAction(approval);
  if (action === 'escalate') {
    const toRoles = approval.escalate_to ?? [];
    const expiresAt = new Date(Date.now() + (approval.timeout_s ?? 3600) * 1000).toISOString();
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'approval.escalated',
      message: `Nobody decided at ${approval.gate} in time: escalated from ${approval.roles.join(', ')} to ${toRoles.join(', ')}`,
      actor: { type: 'system', id: 'approval-timeout' },
      idempotencyKey: `${state.mission_id}:approval-escalated:${waitId}`,
      data: { gate: approval.gate, from_roles: approval.roles, to_roles: toRoles, expires_at: expiresAt },
    });
    return { ...approval, roles: toRoles, escalated: true, timeout_action: 'escalate' };
  }
  await recordEvent(svc, state.tenant_id, state.mission_id, {
    type: 'approval.timed_out',
    message: `Nobody decided at ${approval.gate} in time: the policy ${action === 'approve' ? 'approves' : 'rejects'}`,
    actor: { type: 'system', id: 'approval-timeout' },
    idempotencyKey: `${state.mission_id}:approval-timed-out:${waitId}`,
    data: { gate: approval.gate, action },
    patch: { awaiting: null },
  });
  return { ...approval, timeout_action: action };
}

/** `GET /gantry/missions/{id}/decision-context`. */
export async function readDecisionContext(
  svc: Pick<Services, 'store' | 'approvals'>,
  principal: Principal,
  missionId: string,
): Promise<Record<string, unknown>> {
  const mission = await svc.store.requireMission(principal.tenantId, missionId);
  const wait = await svc.approvals.getWait(principal.tenantId, missionId);
  if (!wait) throw new NotAwaitingDecisionError(missionId, `it is ${mission.status} and never waited at a gate`);
  const context = decisionContextOf(mission);
  return {
    mission_id: missionId,
    gate: wait.gate,
    waiting: wait.state === 'waiting' && mission.status === 'AWAITING_APPROVAL',
    context,
    context_digest: contextDigest(context),
  };
}

/** `GET /gantry/decisions`: what waits in the caller's tenant for the caller's role. */
export async function listDecisions(
  svc: Pick<Services, 'approvals'>,
  principal: Principal,
): Promise<{ decisions: Array<Record<string, unknown>> }> {
  const waits = await svc.approvals.listWaits(principal.tenantId);
  return {
    decisions: waits
      .filter((w) => canDecide(principal.role, w.roles))
      .map((w) => ({
        mission_id: w.mission_id,
        title: w.prompt.slice(0, 120),
        prompt: w.prompt,
        gate: w.gate,
        roles: w.roles,
        requested_at: w.requested_at,
        expires_at: w.expires_at,
        on_timeout: w.on_timeout,
      })),
  };
}

/**
 * `POST /gantry/missions/{id}/decisions`: a person whose role the gate names decides. The wait is
 * closed by a conditional write on its task token, so of two racing decisions exactly one is
 * recorded; then the workflow is resumed (APPROVE, OVERRIDE) or failed with DecisionRejected (REJECT).
 */
export async function decide(
  svc: DecisionServices,
  principal: Principal,
  missionId: string,
  request: DecisionRequest,
): Promise<{ mission_id: string; decision: string; status: string }> {
  const mission = await svc.store.requireMission(principal.tenantId, missionId);
  const wait = await svc.approvals.getWait(principal.tenantId, missionId);
  if (!wait || wait.state !== 'waiting' || mission.status !== 'AWAITING_APPROVAL') {
    throw new NotAwaitingDecisionError(missionId, `it is ${mission.status}`);
  }
  if (!canDecide(principal.role, wait.roles)) throw new DecisionForbiddenError(principal.role, wait.gate, wait.roles);
  const digest = contextDigest(decisionContextOf(mission));
  if (request.context_digest && request.context_digest !== digest)
    throw new StaleDecisionContextError(request.context_digest, digest);
  const decision = {
    decision: request.decision,
    actor: principal.userId,
    actor_email: principal.email,
    role: principal.role,
    justification: request.justification.trim(),
    decided_at: new Date().toISOString(),
    context_digest: digest,
  };
  if (!(await svc.approvals.claimDecision(principal.tenantId, missionId, wait.task_token, decision))) {
    throw new NotAwaitingDecisionError(missionId, 'another decision closed this wait first');
  }
  await recordEvent(svc, principal.tenantId, missionId, {
    type: 'decision.recorded',
    message: `${decision.decision} at ${wait.gate} by ${decision.actor_email} (${decision.role}): ${decision.justification}`,
    actor: { type: 'human', id: principal.userId },
    idempotencyKey: `${missionId}:decision:${wait.wait_id}`,
    data: { gate: wait.gate, ...decision },
    patch: { awaiting: null },
  });
  try {
    await handOver(svc, wait.task_token, decision);
  } catch (err) {
    // The wait timed out between the claim and the hand-over: the timeout step finds this
    // decision and follows it.
    if (!(err instanceof TaskTokenClosedError)) throw err;
    logger.warn('The decision reached a task that had stopped waiting', { mission_id: missionId, error: (err as Error).message });
  }
  const after = await svc.store.requireMission(principal.tenantId, missionId);
  return { mission_id: missionId, decision: decision.decision, status: after.status };
}
