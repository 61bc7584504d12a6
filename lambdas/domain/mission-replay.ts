import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json';
import { verifyChain } from './event-chain';
import type { MissionEvent } from './mission';

/**
 * Replay: the mission record rebuilt from its event log alone. The first event carries the record
 * the mission started as; every event carries the fields it set (`patch`) and, when it moved the
 * mission, the new `status`. The fold knows no status or event type, so statuses added later
 * (AWAITING_APPROVAL, REJECTED…) replay with no change here.
 */
export class ReplayError extends Error {
  readonly code = 'REPLAY_IMPOSSIBLE';
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

export type MissionRecord = Record<string, unknown>;

/** Folds a mission's events (oldest first, the whole chain) into the mission record they make. */
export function replayMission(events: readonly MissionEvent[]): MissionRecord {
  const chain = verifyChain(events as unknown as Parameters<typeof verifyChain>[0]);
  if (!chain.ok) throw new ReplayError(`The event chain breaks at seq ${chain.brokenAt}: nothing after it can be trusted`);
  let state: MissionRecord | null = null;
  for (const event of events) {
    if (event.seq === 1) {
      if (!event.record) throw new ReplayError('The first event carries no starting record (written before replay existed)');
      state = structuredClone(event.record);
    }
    if (!state) throw new ReplayError('The log does not start at seq 1');
    for (const [field, value] of Object.entries(event.patch ?? {})) {
      if (value !== undefined) state[field] = structuredClone(value);
    }
    if (event.status) state.status = event.status;
    state.seq = event.seq;
    state.chain_head = event.hash;
    state.updated_at = event.at;
  }
  if (!state) throw new ReplayError('The mission has no events');
  return state;
}

export interface FieldDifference {
  readonly field: string;
  readonly replayed: unknown;
  readonly stored: unknown;
}

/** Top-level fields whose JSON values differ between the replayed and the stored record. */
export function diffRecords(replayed: MissionRecord, stored: MissionRecord): FieldDifference[] {
  const fields = [...new Set([...Object.keys(replayed), ...Object.keys(stored)])].sort();
  const json = (v: unknown): string => (v === undefined ? 'undefined' : canonicalize(v));
  return fields
    .filter((f) => json(replayed[f]) !== json(stored[f]))
    .map((field) => ({ field, replayed: replayed[field], stored: stored[field] }));
}

/** The digest of a decision context: `sha256:` + hex SHA-256 of its RFC 8785 canonical JSON. */
export function contextDigest(context: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalize(context), 'utf8').digest('hex')}`;
}

export interface DecisionContextCheck {
  readonly seq: number;
  readonly gate: string;
  readonly ok: boolean;
  /** False when the log does not hold the context itself (only its digest). */
  readonly recomputed: boolean;
  readonly detail: string;
}

/**
 * For each `decision.recorded` event: the context digest the approver saw must be the one the
 * gate's `approval.requested` event announced, and, where that event carries the context itself,
 * the digest is recomputed from it.
 */
export function checkDecisionContexts(events: readonly MissionEvent[]): DecisionContextCheck[] {
  const checks: DecisionContextCheck[] = [];
  const requested = new Map<string, MissionEvent>();
  for (const event of events) {
    const gate = typeof event.data.gate === 'string' ? event.data.gate : '';
    if (event.type === 'approval.requested') requested.set(gate, event);
    if (event.type !== 'decision.recorded') continue;
    const decided = event.data.context_digest;
    const request = requested.get(gate);
    if (!request) {
      checks.push({
        seq: event.seq,
        gate,
        ok: false,
        recomputed: false,
        detail: 'no approval.requested event for this gate precedes it',
      });
      continue;
    }
    const announced = request.data.context_digest;
    const context = request.data.context;
    const recomputed = context !== undefined ? contextDigest(context) : null;
    const problems = [
      ...(decided !== undefined && decided !== null && decided !== announced
        ? [`decided on ${String(decided)}, the gate showed ${String(announced)}`]
        : []),
      ...(recomputed !== null && recomputed !== announced
        ? [`the context hashes to ${recomputed}, the gate said ${String(announced)}`]
        : []),
    ];
    checks.push({
      seq: event.seq,
      gate,
      ok: problems.length === 0,
      recomputed: recomputed !== null,
      detail:
        problems.length > 0
          ? problems.join('; ')
          : recomputed !== null
            ? `context digest ${recomputed} recomputed from the approval.requested event`
            : `context digest ${String(announced)} matches the gate's (the log holds the digest, not the context)`,
    });
  }
  return checks;
}
