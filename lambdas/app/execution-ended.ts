import type { Services } from './services';
import {
  ENDED_WITHOUT_CATCH,
  executionEndError,
  ExecutionStatusChangeSchema,
  type EndedStatus,
} from '../domain/execution-status-event';
import { isFinal, MissionStateSchema } from '../domain/mission';
import { logger } from '../observability';
import { leaveBuilderLine, type BuilderLineServices } from './builder-line';
import { recordFailure, type SealStepServices } from './mission-steps';

/** What recording an ended execution uses: the failure record's ports and the state machine's ARN. */
export type EndedExecutionServices = SealStepServices & BuilderLineServices & Pick<Services, 'config'>;

/** What {@link recordEndedExecution} did. */
export interface EndedExecutionOutcome {
  readonly action: 'recorded' | 'already-final' | 'ignored';
  readonly mission_id: string | null;
  readonly reason?: string;
}

/**
 * An execution of the mission workflow ended TIMED_OUT, ABORTED or FAILED. A timed-out or
 * stopped execution runs no Catch, and a failure of the failure step itself leaves the mission
 * where it was; so, if the mission is not final yet, its failure is recorded with the reason and
 * its evidence sealed (FAILED with evidence), through the same code as the RecordFailure step.
 * Either way the mission leaves the builders' line.
 * Idempotent: a mission that is already final (a cancel, a recorded failure, a second delivery
 * of the event) is left as it is.
 */
export async function recordEndedExecution(svc: EndedExecutionServices, event: unknown): Promise<EndedExecutionOutcome> {
  const parsed = ExecutionStatusChangeSchema.safeParse(event);
  if (!parsed.success) {
    logger.warn('Not a Step Functions execution status change', { problem: parsed.error.issues[0]?.message });
    return { action: 'ignored', mission_id: null, reason: 'not an execution status change' };
  }
  const { detail } = parsed.data;
  const expected = svc.config.GANTRY_STATE_MACHINE_ARN;
  if (expected && detail.stateMachineArn !== expected) {
    return { action: 'ignored', mission_id: null, reason: 'another state machine' };
  }
  if (!(ENDED_WITHOUT_CATCH as readonly string[]).includes(detail.status)) {
    return { action: 'ignored', mission_id: null, reason: `status ${detail.status}` };
  }
  let input: unknown = null;
  try {
    input = detail.input ? JSON.parse(detail.input) : null;
  } catch {
    input = null;
  }
  // The execution input is what submitMission started it with: tenant, mission and attempt.
  const state = MissionStateSchema.safeParse(input);
  if (!state.success) {
    logger.error('An ended execution carries no mission in its input', { execution_arn: detail.executionArn });
    return { action: 'ignored', mission_id: null, reason: 'no mission in the execution input' };
  }
  const { tenant_id, mission_id } = state.data;
  // A stopped or timed-out execution ran no step that hands its builder or its place in line back.
  await leaveBuilderLine(svc, tenant_id, mission_id);
  const mission = await svc.store.getMission(tenant_id, mission_id);
  if (!mission) return { action: 'ignored', mission_id, reason: 'unknown mission' };
  if (isFinal(mission.status)) return { action: 'already-final', mission_id };

  const error = executionEndError(detail);
  logger.warn('Mission workflow ended without recording its end; recording the failure', {
    mission_id,
    tenant_id,
    status: detail.status as EndedStatus,
    error: error.Error,
    mission_status: mission.status,
  });
  // The latest attempt with a manifest is what the evidence names.
  const attempt = Math.max(state.data.attempt, ...mission.attempts.map((a) => a.attempt));
  await recordFailure(svc, { tenant_id, mission_id, attempt, error });
  const after = await svc.store.requireMission(tenant_id, mission_id);
  return { action: after.status === 'FAILED' ? 'recorded' : 'already-final', mission_id };
}
