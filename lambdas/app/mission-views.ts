import type { Awaiting } from '../domain/approval';
import type { Mission } from '../domain/mission';

/** What a waiting mission waits for; null unless it is AWAITING_APPROVAL. */
const awaitingOf = (m: Mission): Awaiting | null => (m.status === 'AWAITING_APPROVAL' ? (m.awaiting ?? null) : null);

/** What `GET /gantry/status/{id}` returns: the seed's fields plus branch, seq and failure details. */
export function statusView(m: Mission): Record<string, unknown> {
  return {
    mission_id: m.mission_id,
    status: m.status,
    url: m.url,
    pr_url: m.pr_url,
    speech: m.speech,
    branch: m.branch,
    seq: m.seq,
    failure: m.failure,
    prompt: m.prompt,
    project_name: m.project_name,
    slug: m.slug,
    features: m.features,
    options: m.options,
    attempts: m.attempts,
    // A place in the builders' line means something only while the mission waits in it (the line
    // clears it too, a moment after a cancel or a grant).
    queue_position: m.status === 'QUEUED' ? m.queue_position : null,
    awaiting: awaitingOf(m),
    builder_isolation: m.builder_isolation ?? null,
    retry_of: m.retry_of ?? null,
    retried_by: m.retried_by ?? null,
    source: m.source ?? 'direct',
    design_target: m.design_target ?? m.plan?.design_target ?? null,
    /** What the request was built as when that differs from its words, and what the build leaves out. */
    interpreted_as: m.interpreted_as ?? m.plan?.interpreted_as ?? null,
    left_out: m.left_out ?? m.plan?.left_out ?? [],
    /** Token usage and estimated cost of the mission's model calls (null: none, e.g. offline). */
    usage: m.usage ?? null,
    ...(m.source === 'consultation' ? { consultation_url: `/gantry/consultation/${m.mission_id}` } : {}),
    evidence_key: m.evidence_key,
    cleared_at: m.cleared_at ?? null,
    chain_head: m.chain_head,
    policy_hash: m.policy_hash,
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}

/** One row of `GET /gantry/missions`. */
export function summaryView(m: Mission): Record<string, unknown> {
  return {
    mission_id: m.mission_id,
    status: m.status,
    prompt: m.prompt,
    project_name: m.project_name,
    url: m.url,
    pr_url: m.pr_url,
    seq: m.seq,
    awaiting: awaitingOf(m),
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}
