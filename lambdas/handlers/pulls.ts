import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices, Services } from '../app/services';
import { NotFoundError } from '../domain/errors';
import { json, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type PullsHandlerServices = PolicyServices & Pick<Services, 'store' | 'publisher'>;

/**
 * GET /gantry/missions/{id}/pull: the mission's pull request as people read it (title, body, files
 * and their unified diffs against the base branch), from the local repository or from GitHub. The
 * mission is looked up in the session's tenant, so another tenant's pull request is never found.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: PullsHandlerServices) => {
  if (event.resource !== '/gantry/missions/{id}/pull') throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  const principal = requirePermission(event, 'mission:read');
  const mission = await svc.store.requireMission(principal.tenantId, event.pathParameters?.id ?? '');
  if (!mission.pr_url) {
    throw new NotFoundError(`Mission ${mission.mission_id} has no pull request (status ${mission.status})`);
  }
  const pull = await svc.publisher.describePull({
    tenantId: principal.tenantId,
    missionId: mission.mission_id,
    branch: mission.branch,
    prUrl: mission.pr_url,
  });
  if (!pull) throw new NotFoundError(`The pull request of mission ${mission.mission_id} was not found`);
  return json(200, pull);
});
