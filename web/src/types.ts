/**
 * The API's shapes as the console reads them, typed from the schemas and records in lambdas/
 * (type-only imports: nothing of the server is bundled).
 */
import type { Mission, MissionStatus, AttemptRecord, FailureDetails } from '../../lambdas/domain/mission';
import type { ConsultationPlan } from '../../lambdas/domain/consultation';
import type { AppSpec } from '../../lambdas/domain/architect/compiler/app-spec-schema';
import type { MissionUsage } from '../../lambdas/domain/llm';

export type { MissionStatus, AttemptRecord, FailureDetails, ConsultationPlan, AppSpec, MissionUsage };

export const FINAL: readonly MissionStatus[] = ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'];
export const isFinal = (s: string | null | undefined): boolean => !!s && (FINAL as readonly string[]).includes(s);

/** One row of GET /gantry/missions (and of GET /gantry/search). */
export type MissionSummary = Pick<
  Mission,
  'mission_id' | 'status' | 'prompt' | 'project_name' | 'url' | 'pr_url' | 'seq' | 'created_at' | 'updated_at'
> & { title?: string | null };

/** GET /gantry/status/{id}. */
export type MissionView = Pick<
  Mission,
  | 'mission_id'
  | 'status'
  | 'url'
  | 'pr_url'
  | 'speech'
  | 'branch'
  | 'seq'
  | 'failure'
  | 'prompt'
  | 'project_name'
  | 'slug'
  | 'features'
  | 'options'
  | 'attempts'
  | 'queue_position'
  | 'evidence_key'
  | 'chain_head'
  | 'policy_hash'
  | 'created_at'
  | 'updated_at'
> & {
  builder_isolation: 'sandboxed' | 'unsandboxed' | null;
  source: 'consultation' | 'direct';
  design_target: string | null;
  interpreted_as: string | null;
  left_out: string[];
  usage: MissionUsage | null;
  /** While a human decision is awaited (decisions contract). */
  awaiting?: { gate: string; roles: string[]; requested_at: string; expires_at: string; on_timeout: string } | null;
};

/** An event as the WebSocket and GET /gantry/missions/{id}/events carry it (eventMessage). */
export interface MissionEventMessage {
  type: 'event';
  mission_id: string;
  seq: number;
  event_type: string;
  status: MissionStatus | null;
  message: string;
  actor: { type: string; id: string };
  at: string;
  data: Record<string, unknown>;
}

export interface EventsPage {
  mission_id: string;
  status: MissionStatus;
  seq: number;
  events: MissionEventMessage[];
}

/** POST /gantry/consult (turnView). */
export interface ConsultTurn {
  mission_id: string;
  status: MissionStatus;
  consultant_status: 'NEEDS_INPUT' | 'NEEDS_CONFIRMATION' | 'READY_TO_BUILD';
  response: string;
  question: string | null;
  app_kind: string | null;
  design_target: string | null;
  proposed_stack: string | null;
  build_prompt: string | null;
  features: string[];
  app_spec: AppSpec | null;
  interpreted_as: string | null;
  left_out: string[];
  started: boolean;
  design_reference: { path: string; bytes: number; sha256: string } | null;
  usage: MissionUsage | null;
}

/** GET /gantry/consultation/{id}. */
export interface ConsultationView {
  mission_id: string;
  status: MissionStatus;
  consulting: boolean;
  conversation_history: { role: 'user' | 'assistant'; content: string }[];
  plan: ConsultationPlan | null;
}

/** GET /gantry/missions/{id}/failure: every attempt with its heal patch. */
export interface AttemptsView {
  attempts: (AttemptRecord & {
    failing_command: string | null;
    log_tail: string | null;
    failing_tests: string[];
    patch: { text: string; truncated: boolean } | null;
    log_url: string;
  })[];
}

/** GET /gantry/missions/{id}/pull. */
export interface PullView {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  head_sha: string;
  url: string;
  files: { path: string; status: string; additions: number; deletions: number; patch: string }[];
}

/** GET /gantry/missions/{id}/evidence: the signed DSSE envelope, and its decoded (unsigned) statement. */
export interface SealedEvidenceView {
  envelope: import('./evidence-check').DsseEnvelopeView;
  statement: {
    subject: { name: string }[];
    predicate: {
      gantry: {
        outcome: string;
        chain: { count: number; head: string };
        signer: { keyid: string; algorithm: string };
      };
    };
  };
}

/** Decisions (the approvals contract). */
export interface PendingDecision {
  mission_id: string;
  title?: string;
  prompt?: string;
  gate: string;
  roles: string[];
  requested_at: string;
  expires_at: string;
}
export interface DecisionContext {
  mission_id: string;
  gate: string;
  context: { plan?: unknown; diff_summary?: unknown; tests?: unknown; preview_url?: string | null; cost?: unknown };
  context_digest: string;
}

export interface SessionStatus {
  user: { user_id?: string; email: string; role: string };
  tenant_id?: string;
}
