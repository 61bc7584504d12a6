import * as z from './zod';

/** One status vocabulary everywhere: API, events, UI, metrics. */
export const MISSION_STATUSES = [
  'NEEDS_INPUT',
  'NEEDS_CONFIRMATION',
  'READY_TO_BUILD',
  'QUEUED',
  'ARCHITECTING',
  'POLICY_CHECK',
  'BUILDING',
  'AUDITING',
  'HEALING',
  'AWAITING_APPROVAL',
  'DEPLOYING',
  'PUBLISHING',
  'SEALING',
  'DEPLOYED',
  'FAILED',
  'CANCELLED',
  'REJECTED',
] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

export const FINAL_STATUSES: readonly MissionStatus[] = ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'];
export const isFinal = (s: MissionStatus): boolean => FINAL_STATUSES.includes(s);

export type ActorType = 'human' | 'agent' | 'system' | 'integration';
export interface Actor {
  readonly type: ActorType;
  readonly id: string;
}

export interface MissionOptions {
  readonly deploy: boolean;
  readonly publish: boolean;
}

export interface AttemptRecord {
  readonly attempt: number;
  readonly ok: boolean;
  readonly failed_phase: string | null;
  readonly end_reason: string;
  readonly tests_passed: number;
  readonly tests_failed: number;
  readonly duration_ms: number;
  /** Time the builder's own commands took (install + audit + build). */
  readonly command_ms: number;
  // Recorded by the heal loop (absent on records written before it):
  /** False when the attempt broke a test that passed in an earlier attempt: it is discarded, never a base. */
  readonly accepted?: boolean;
  readonly outcome?: 'passed' | 'failed' | 'discarded';
  /** The attempt this one was healed from (null for the first). */
  readonly base_attempt?: number | null;
  /** Tests that passed in an earlier attempt and do not pass in this one. */
  readonly regressions?: string[];
  /** The builder's own failure message, when no command's output explains the failure. */
  readonly error?: string | null;
  /** The heal patch that made this attempt from its base (the full diff is an artifact). */
  readonly diff?: { sha256: string; files_changed: number; lines_added: number; lines_removed: number } | null;
  /** The full build log of the attempt (an artifact; GET /gantry/missions/{id}/attempts/{n}/log). */
  readonly log?: { bytes: number; sha256: string } | null;
  /** The policy the attempt was gated with. */
  readonly policy_hash?: string;
}

export interface FailureDetails {
  readonly code: string;
  readonly message: string;
  /** Workflow state where it happened. */
  readonly step: string;
  readonly at: string;
  readonly details?: Record<string, unknown>;
}

/** The mission record as the API shows it. */
export interface Mission {
  mission_id: string;
  tenant_id: string;
  status: MissionStatus;
  prompt: string;
  options: MissionOptions;
  created_at: string;
  updated_at: string;
  seq: number;
  speech: string;
  project_name: string | null;
  slug: string | null;
  kind: string | null;
  features: string[];
  url: string | null;
  pr_url: string | null;
  branch: string | null;
  execution_arn: string | null;
  policy_hash: string;
  attempts: AttemptRecord[];
  failure: FailureDetails | null;
  chain_head: string | null;
  evidence_key: string | null;
  builder_ms: number;
  queue_position: number | null;
  /** How the builds of this mission were isolated (`unsandboxed` only when the operator opted in). */
  builder_isolation?: 'sandboxed' | 'unsandboxed';
  /** The mission this one retries (`POST /gantry/missions/{id}/retry`), if any. */
  retry_of?: string | null;
  /** The newest mission that retries this one, if any. */
  retried_by?: string | null;
  // The consultation loop (absent on missions created before it, and mostly empty on direct builds):
  /** `consultation` when the mission began as a CTO consultation (POST /gantry/consult or /voice). */
  source?: 'consultation' | 'direct';
  conversation_history?: import('./consultation').ConversationTurn[];
  pending_question?: string | null;
  /** The plan awaiting confirmation; once confirmed, the plan the mission builds. */
  plan?: import('./consultation').ConsultationPlan | null;
  design_target?: string | null;
  proposed_stack?: string | null;
  /** The design image sent during the consultation (the bytes live in the artifact store). */
  design_reference?: import('./design-image').DesignReferenceRecord | null;
  /** What the request was built as when that differs from its literal words ("a workout log"), else null. */
  interpreted_as?: string | null;
  /** Parts of the request the build leaves out, in plain words (a server, native features…). */
  left_out?: string[];
  /** Token usage and estimated cost of every model call made for the mission (null: none). */
  usage?: import('./llm').MissionUsage | null;
  /** While AWAITING_APPROVAL: the gate, who may decide, and until when (null otherwise). */
  awaiting?: import('./approval').Awaiting | null;
  /** When the mission was cleared from lists and search (POST /gantry/missions/clear); its record and evidence stay. */
  cleared_at?: string | null;
}

/** One entry in a mission's append-only event log. */
export interface MissionEvent {
  mission_id: string;
  tenant_id: string;
  seq: number;
  type: string;
  status: MissionStatus | null;
  message: string;
  actor: Actor;
  at: string;
  correlation_id: string;
  causation_id: string | null;
  idempotency_key: string;
  data: Record<string, unknown>;
  /** The mission record as it stood before its first event (on the first event only). */
  record?: Record<string, unknown>;
  /** The fields of the mission record this event set (absent when it set none). */
  patch?: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** The workflow's state document passed between steps (kept small: big things live in artifacts). */
export const MissionStateSchema = z.looseObject({
  tenant_id: z.string().check(z.minLength(1)),
  mission_id: z.string().check(z.minLength(1)),
  attempt: z.number().check(z.int(), z.gte(1)),
  verdict: z.optional(z.enum(['PASSED', 'HEAL', 'EXHAUSTED'])),
  error: z.optional(z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});
export type MissionState = z.infer<typeof MissionStateSchema>;

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'gantry' };
export const WORKFLOW_ACTOR: Actor = { type: 'agent', id: 'mission-workflow' };
