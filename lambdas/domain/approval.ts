import * as z from './zod';
import { canonicalDigest } from './canonical-json';
import { GantryError } from './errors';
import type { Role } from './identity';
import type { ApprovalGate, ApprovalGateName, Policy } from './policy';

/*
 * Human authority as a workflow state: which gate stops a mission, what a wait looks like, what a
 * person decided. Pure: no store, no workflow service.
 */

export const DECISIONS = ['APPROVE', 'REJECT', 'OVERRIDE'] as const;
export type Decision = (typeof DECISIONS)[number];
export type TimeoutAction = ApprovalGate['on_timeout'];

/** `POST /gantry/missions/{id}/decisions`. */
export const DecisionRequestSchema = z.strictObject({
  decision: z.enum(DECISIONS),
  justification: z.string().check(
    z.maxLength(2000),
    z.refine((s) => s.trim().length > 0, { message: 'a justification is required' }),
  ),
  context_digest: z.optional(z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/))),
});
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;

/** The workflow's view of the gate it is at (`$.approval` in the state document). */
export const ApprovalStateSchema = z.looseObject({
  required: z.boolean(),
  gate: z.string(),
  roles: z._default(z.array(z.string()), []),
  timeout_s: z.optional(z.number().check(z.int(), z.gte(1))),
  on_timeout: z.optional(z.enum(['reject', 'approve', 'escalate'])),
  escalate_to: z.optional(z.array(z.string())),
  /** True on the second wait, after the first timed out and escalated. */
  escalated: z._default(z.boolean(), false),
  reason: z.optional(z.string()),
});
export type ApprovalState = z.infer<typeof ApprovalStateSchema>;

/** What the mission read carries while it waits (the contract's `awaiting`). */
export interface Awaiting {
  readonly gate: string;
  readonly roles: string[];
  readonly requested_at: string;
  readonly expires_at: string;
  readonly on_timeout: TimeoutAction;
}

/** Mission facts a gate's `when` is judged on. */
export interface GateFacts {
  /** More than one build attempt was needed. */
  readonly healed: boolean;
  /** An earlier gate of this mission was passed by OVERRIDE, or a policy rule was overridden. */
  readonly overridden: boolean;
  /** What the mission has spent so far (model calls). */
  readonly cost_usd: number;
}

export function gateNamed(policy: Policy, name: string): ApprovalGate | null {
  return policy.approvals.gates.find((g) => g.name === name) ?? null;
}

/** Whether `gate` stops a mission with these facts, and why (in words, for the event). */
export function gateApplies(gate: ApprovalGate, facts: GateFacts): { applies: boolean; reason: string } {
  switch (gate.when) {
    case 'always':
      return { applies: true, reason: 'the policy asks for a decision on every mission' };
    case 'healed':
      return facts.healed
        ? { applies: true, reason: 'the build needed a heal' }
        : { applies: false, reason: 'the first attempt passed' };
    case 'overridden_rule':
      return facts.overridden
        ? { applies: true, reason: 'a rule was overridden earlier in this mission' }
        : { applies: false, reason: 'no rule was overridden' };
    case 'cost_over': {
      const limit = gate.cost_usd_over ?? 0;
      return facts.cost_usd > limit
        ? { applies: true, reason: `the mission has cost $${facts.cost_usd.toFixed(4)}, over $${limit}` }
        : { applies: false, reason: `the mission has cost $${facts.cost_usd.toFixed(4)}, within $${limit}` };
    }
  }
}

/** The `$.approval` document for a gate that applies (first wait: the gate's own roles). */
export function approvalFor(gate: ApprovalGate, reason: string): ApprovalState {
  return {
    required: true,
    gate: gate.name,
    roles: [...gate.roles],
    timeout_s: gate.timeout_s,
    on_timeout: gate.on_timeout,
    ...(gate.escalate_to ? { escalate_to: [...gate.escalate_to] } : {}),
    escalated: false,
    reason,
  };
}

/**
 * What a timeout does: the gate's `on_timeout` on the first wait; after an escalation nobody is
 * left to ask, so the mission is rejected.
 */
export function timeoutAction(approval: ApprovalState): TimeoutAction {
  if (approval.escalated) return 'reject';
  return approval.on_timeout ?? 'reject';
}

/** What the approver is shown (`GET /gantry/missions/{id}/decision-context`). */
export interface DecisionContext {
  readonly plan: unknown;
  readonly diff_summary: unknown;
  readonly tests: unknown;
  readonly preview_url: string | null;
  readonly cost: unknown;
}

/** `sha256:` + hex SHA-256 of the RFC 8785 form of the context. */
export const contextDigest = (context: DecisionContext): string => canonicalDigest(context);

export class DecisionForbiddenError extends GantryError {
  constructor(role: string, gate: string, roles: readonly string[]) {
    super('FORBIDDEN', `Role ${role} may not decide at gate ${gate}; it waits for ${roles.join(' or ')}`, 403, {
      gate,
      roles,
    });
    this.name = 'DecisionForbiddenError';
  }
}

export class NotAwaitingDecisionError extends GantryError {
  constructor(missionId: string, detail: string) {
    super('NOT_AWAITING_DECISION', `Mission ${missionId} is not waiting for a decision (${detail})`, 409);
    this.name = 'NotAwaitingDecisionError';
  }
}

export class StaleDecisionContextError extends GantryError {
  constructor(sent: string, current: string) {
    super('DECISION_CONTEXT_CHANGED', 'The decision context changed since it was read; read it again before deciding', 409, {
      sent,
      current,
    });
    this.name = 'StaleDecisionContextError';
  }
}

/**
 * The error the workflow's AwaitDecision state fails with when a person rejects (the ASL's Catch
 * routes it to the REJECTED ending). SendTaskFailure's error name.
 */
export const DECISION_REJECTED_ERROR = 'DecisionRejected';

export const canDecide = (role: Role, roles: readonly string[]): boolean => roles.includes(role);

export type { ApprovalGateName };
