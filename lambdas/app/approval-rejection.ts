import { GateStateSchema, type ApprovalStepServices } from './approvals';
import { MissionEndedError } from '../domain/errors';
import { isFinal, WORKFLOW_ACTOR, type MissionState } from '../domain/mission';
import { recordEvent } from './mission-events';
import { sealMission, type SealServices } from './mission-steps';

/** Sealing a rejection: the approval steps' ports and the sealing ports. */
export type RejectionServices = ApprovalStepServices & SealServices;

/**
 * RecordRejection: a person rejected (or the gate's timeout rejected). The decision is already in
 * the event chain; the chain is sealed and the mission ends REJECTED, evidence first (as FAILED).
 */
export async function recordRejectionStep(svc: RejectionServices, input: unknown): Promise<MissionState> {
  const state = GateStateSchema.parse(input);
  const mission = await svc.store.requireMission(state.tenant_id, state.mission_id);
  if (isFinal(mission.status)) return state;
  const wait = await svc.approvals.getWait(state.tenant_id, state.mission_id);
  const decided = wait?.state === 'decided' && wait.decision?.decision === 'REJECT' ? wait.decision : null;
  const message = decided
    ? `Rejected at ${wait!.gate} by ${decided.actor_email} (${decided.role}): ${decided.justification}`
    : `Rejected at ${state.gate}: nobody decided before the gate's timeout`;
  try {
    const key = await sealMission(svc, mission, 'REJECTED', state.attempt);
    await recordEvent(svc, state.tenant_id, state.mission_id, {
      type: 'status',
      status: 'REJECTED',
      message,
      actor: WORKFLOW_ACTOR,
      idempotencyKey: `${state.mission_id}:REJECTED`,
      data: {
        gate: wait?.gate ?? state.gate,
        by: decided ? 'decision' : 'timeout',
        ...(decided ? { actor: decided.actor, role: decided.role, justification: decided.justification } : {}),
        evidence_key: key,
      },
      patch: { evidence_key: key, awaiting: null, speech: 'The mission was rejected at an approval gate.' },
    });
  } catch (err) {
    // Cancelled in the meantime: the first final status stands.
    if (err instanceof MissionEndedError) return state;
    throw err;
  }
  return state;
}
