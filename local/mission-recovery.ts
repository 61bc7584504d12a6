import type { Services } from '../lambdas/composition-root';
import { isConsulting, startConfirmedBuild } from '../lambdas/app/consultation';
import { recordFailureStep } from '../lambdas/app/mission-steps';
import { startWorkflow } from '../lambdas/app/submit-mission';
import { isFinal, type Mission } from '../lambdas/domain/mission';
import { logger } from '../lambdas/observability';
import type { LocalWorkflowRunner } from './workflow-runner';

/**
 * What a restarted local stack does with the work the previous process left unfinished, so that
 * a crash at any moment strands nothing (Step Functions is durable on AWS; locally the runner's
 * journal is):
 *
 * 1. every unfinished mission item is brought up to its event log (a process that stopped between
 *    an event and the item update left it behind; a consultation would otherwise refuse every turn);
 * 2. every execution that was running is carried on from its last state (a redrive); one that
 *    cannot go on fails its mission with the reason;
 * 3. a mission with no execution behind it is started if it was about to start (READY_TO_BUILD:
 *    the person's confirmation is in the log; QUEUED: `mission.created` is), or failed with the
 *    reason if its workflow had ended without finishing it.
 *
 * Returns lines worth printing at start-up.
 */
export async function recoverMissions(
  svc: Services,
  runner: LocalWorkflowRunner,
  unfinished: readonly Mission[],
): Promise<string[]> {
  const fail = async (tenantId: string, missionId: string, reason: string): Promise<void> => {
    const m = await svc.store.getMission(tenantId, missionId);
    if (!m || isFinal(m.status)) return;
    await recordFailureStep(svc, {
      tenant_id: tenantId,
      mission_id: missionId,
      attempt: Math.max(1, m.attempts.length),
      error: {
        Error: 'Interrupted',
        Cause: `interrupted: the local stack stopped while the mission was ${m.status}, and ${reason}`,
      },
    });
  };

  for (const m of unfinished) await svc.store.settle(m.tenant_id, m.mission_id);

  const outcomes = await runner.recover(async (record, reason) => {
    await fail(String(record.input.tenant_id), String(record.input.mission_id), reason);
  });

  let started = 0;
  let failed = outcomes.filter((o) => !o.resumed).length;
  for (const m of unfinished) {
    const mission = await svc.store.getMission(m.tenant_id, m.mission_id);
    if (!mission || isFinal(mission.status) || isConsulting(mission.status) || runner.isRunning(mission.mission_id)) continue;
    const record = await runner.describe(mission.mission_id);
    try {
      if (!record && mission.status === 'READY_TO_BUILD') {
        await startConfirmedBuild(svc, mission);
        started++;
      } else if (!record && mission.status === 'QUEUED') {
        await startWorkflow(svc, mission.tenant_id, mission.mission_id);
        started++;
      } else {
        await fail(
          mission.tenant_id,
          mission.mission_id,
          record ? `its workflow had ended (${record.status}) before the mission did` : 'no workflow had been started for it',
        );
        failed++;
      }
    } catch (err) {
      logger.error('Could not recover a mission', { mission_id: mission.mission_id, error: err as Error });
      await fail(mission.tenant_id, mission.mission_id, `it could not be started again: ${(err as Error).message}`);
      failed++;
    }
  }

  const resumed = outcomes.filter((o) => o.resumed).length;
  const notices: string[] = [];
  if (resumed > 0) notices.push(`Resumed ${resumed} interrupted execution(s) from their last completed state.`);
  if (started > 0) notices.push(`Started ${started} confirmed or queued mission(s) whose workflow had not started.`);
  if (failed > 0) notices.push(`Failed ${failed} interrupted mission(s) that could not go on (the reason is on each).`);
  return notices;
}
