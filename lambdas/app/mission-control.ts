import type { Services } from './services';
import { GantryError, MissionEndedError } from '../domain/errors';
import { isFinal, SYSTEM_ACTOR, type Actor, type Mission, type MissionStatus } from '../domain/mission';
import { logger } from '../observability';
import { recordEvent } from './mission-events';
import { sealMission, type SealServices } from './mission-steps';
import { submitMission, type DirectSubmitServices } from './submit-mission';

/** Cancel stops the workflow (closing a human wait) and seals; retry submits a new mission. */
export type MissionControlServices = DirectSubmitServices & SealServices & Pick<Services, 'approvals'>;

/** What `POST /gantry/missions/{id}/cancel` answers. */
export interface CancelOutcome {
  readonly mission_id: string;
  readonly status: 'CANCELLED';
  /** The status the mission was in when it was cancelled. */
  readonly cancelled_from: MissionStatus;
  /** The workflow execution was stopped (AWS: StopExecution, which also stops a running build task). */
  readonly workflow_stopped: boolean;
  /** Milliseconds from the request to the workflow and builder being stopped. */
  readonly stopped_ms: number;
  readonly evidence_key: string | null;
}

/** Missions that can be retried: they ended without producing an app. */
const RETRYABLE: readonly MissionStatus[] = ['FAILED', 'CANCELLED'];

export class RetryNotAllowedError extends GantryError {
  constructor(missionId: string, status: MissionStatus) {
    super(
      'RETRY_NOT_ALLOWED',
      `Mission ${missionId} is ${status}; only a ${RETRYABLE.join(' or ')} mission can be retried`,
      409,
      { status },
    );
    this.name = 'RetryNotAllowedError';
  }
}

/**
 * Cancels a running mission: it becomes CANCELLED at once (an event with the caller as actor, so
 * no step can move it on afterwards), then its workflow execution is stopped, which stops its
 * build too (locally the runner kills the sandbox and waits until no process of it is left; on
 * AWS, Step Functions stops the ECS task of the running `.sync` state). The evidence of what
 * happened up to the cancel is sealed.
 */
export async function cancelMission(
  svc: MissionControlServices,
  input: { tenantId: string; missionId: string; actor: Actor; reason?: string },
): Promise<CancelOutcome> {
  const started = Date.now();
  const mission = await svc.store.requireMission(input.tenantId, input.missionId);
  if (isFinal(mission.status)) throw new MissionEndedError(mission.mission_id, mission.status);
  const reason = input.reason?.trim() || null;
  await recordEvent(svc, input.tenantId, input.missionId, {
    type: 'status',
    status: 'CANCELLED',
    message: `Cancelled by ${input.actor.type} ${input.actor.id} while ${mission.status}${reason ? `: ${reason}` : ''}`,
    actor: input.actor,
    idempotencyKey: `${input.missionId}:CANCELLED`,
    data: { cancelled_from: mission.status, reason },
    patch: { speech: 'The mission was cancelled.', queue_position: null, awaiting: null },
  });
  // A mission waiting at an approval gate: its wait closes, so no decision can land on it.
  if (mission.status === 'AWAITING_APPROVAL') await svc.approvals.closeWait(input.tenantId, input.missionId, 'cancelled');

  let workflowStopped = false;
  if (mission.execution_arn) {
    try {
      await svc.workflow.stop(mission.execution_arn, `Cancelled by ${input.actor.id}`);
      workflowStopped = true;
    } catch (err) {
      // Already ended, or the workflow service is briefly unavailable: the mission stays CANCELLED
      // and every later step refuses to act on it.
      logger.warn('Could not stop the workflow of a cancelled mission', {
        mission_id: input.missionId,
        error: (err as Error).message,
      });
    }
  }
  const stoppedMs = Date.now() - started;
  await recordEvent(svc, input.tenantId, input.missionId, {
    type: 'cancel.stopped',
    message: workflowStopped ? `Workflow and builder stopped ${stoppedMs} ms after the request` : 'No running workflow to stop',
    actor: { type: 'system', id: 'gantry' },
    idempotencyKey: `${input.missionId}:cancel-stopped`,
    data: { workflow_stopped: workflowStopped, stopped_ms: stoppedMs },
  });

  let evidenceKey: string | null = null;
  try {
    const fresh = await svc.store.requireMission(input.tenantId, input.missionId);
    evidenceKey = await sealMission(svc, fresh, 'CANCELLED', fresh.attempts.at(-1)?.attempt ?? 1);
    await recordEvent(svc, input.tenantId, input.missionId, {
      type: 'evidence.sealed',
      message: 'Evidence sealed',
      actor: SYSTEM_ACTOR,
      idempotencyKey: `${input.missionId}:evidence-sealed`,
      data: { evidence_key: evidenceKey },
      patch: { evidence_key: evidenceKey },
    });
  } catch (err) {
    logger.error('Could not seal the evidence of a cancelled mission', {
      mission_id: input.missionId,
      error: (err as Error).message,
    });
  }
  return {
    mission_id: input.missionId,
    status: 'CANCELLED',
    cancelled_from: mission.status,
    workflow_stopped: workflowStopped,
    stopped_ms: stoppedMs,
    evidence_key: evidenceKey,
  };
}

/**
 * Retries a FAILED or CANCELLED mission as a new mission (new id, its own event chain and
 * evidence) with the same request, linked both ways: the new one has `retry_of`, the old one
 * `retried_by` and a `mission.retried` event. The old mission's sealed record stays as it was.
 */
export async function retryMission(
  svc: MissionControlServices,
  input: { tenantId: string; missionId: string; actor: Actor; idempotencyKey?: string },
): Promise<{ mission: Mission; created: boolean; retry_of: string }> {
  const old = await svc.store.requireMission(input.tenantId, input.missionId);
  if (!RETRYABLE.includes(old.status)) throw new RetryNotAllowedError(old.mission_id, old.status);
  const { mission, created } = await submitMission(svc, {
    tenantId: input.tenantId,
    actor: input.actor,
    request: { voice_memo: old.prompt, deploy: old.options.deploy, publish: old.options.publish },
    ...(input.idempotencyKey ? { idempotencyKey: `retry:${old.mission_id}:${input.idempotencyKey}` } : {}),
    retryOf: old.mission_id,
  });
  if (created) {
    await recordEvent(svc, input.tenantId, old.mission_id, {
      type: 'mission.retried',
      message: `Retried as mission ${mission.mission_id}`,
      actor: input.actor,
      idempotencyKey: `${old.mission_id}:retried:${mission.mission_id}`,
      data: { retry_mission_id: mission.mission_id },
      patch: { retried_by: mission.mission_id },
    });
  }
  return { mission, created, retry_of: old.mission_id };
}

/**
 * Clears final missions from the tenant's lists and search (soft: each record, its events and its
 * evidence stay readable by id). Every id is checked first, so a request naming a missing or a
 * running mission clears nothing: 404 for the first missing one, 409 MISSION_NOT_FINAL naming the
 * running ones. A mission that starts running again between the check and the write (it cannot:
 * a final status never moves) would still be refused by the write's own condition.
 */
export async function clearMissions(
  svc: Pick<MissionControlServices, 'store'>,
  input: { tenantId: string; missionIds: readonly string[] },
): Promise<{ cleared: Array<{ mission_id: string; cleared_at: string }> }> {
  const ids = [...new Set(input.missionIds)];
  const missions = await Promise.all(ids.map((id) => svc.store.requireMission(input.tenantId, id)));
  const running = missions.filter((m) => !isFinal(m.status));
  if (running.length > 0) {
    const list = running.map((m) => `${m.mission_id} (${m.status})`).join(', ');
    throw new GantryError(
      'MISSION_NOT_FINAL',
      `Only missions that ended can be cleared; still running: ${list}. Cancel them first.`,
      409,
      {
        running: running.map((m) => ({ mission_id: m.mission_id, status: m.status })),
      },
    );
  }
  const cleared = [];
  for (const id of ids) cleared.push({ mission_id: id, ...(await svc.store.clearMission(input.tenantId, id)) });
  return { cleared };
}
