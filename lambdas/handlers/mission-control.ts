import type { APIGatewayProxyEvent } from 'aws-lambda';
import { CancelSchema, ClearRequestSchema } from '../api/schemas';
import type { PolicyServices } from '../app/services';
import { cancelMission, clearMissions, retryMission, type MissionControlServices } from '../app/mission-control';
import { enforceRateLimit, type RateLimitServices } from '../app/rate-limit';
import { NotFoundError } from '../domain/errors';
import { headerValue } from '../domain/identity';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type MissionControlHandlerServices = PolicyServices & MissionControlServices & RateLimitServices;

/**
 * `POST /gantry/missions/{id}/cancel` stops the mission's workflow and build at once and marks it
 * CANCELLED; `POST /gantry/missions/{id}/retry` starts a FAILED or CANCELLED mission again as a new
 * mission linked to it (`retry_of`); `POST /gantry/missions/clear` hides final missions from lists
 * and search (soft: records and evidence stay). All act only inside the caller's tenant.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: MissionControlHandlerServices) => {
  const principal = requirePermission(event, 'mission:create');
  const missionId = event.pathParameters?.id ?? '';
  const actor = { type: 'human', id: principal.userId } as const;
  switch (event.resource) {
    case '/gantry/missions/{id}/cancel': {
      const body = event.body ? parseJsonBody(event, CancelSchema, svc.policy.policy.api.max_body_bytes) : {};
      const outcome = await cancelMission(svc, {
        tenantId: principal.tenantId,
        missionId,
        actor,
        ...(body.reason ? { reason: body.reason } : {}),
      });
      return json(200, outcome);
    }
    case '/gantry/missions/clear': {
      const body = parseJsonBody(event, ClearRequestSchema, svc.policy.policy.api.max_body_bytes);
      return json(200, await clearMissions(svc, { tenantId: principal.tenantId, missionIds: body.mission_ids }));
    }
    case '/gantry/missions/{id}/retry': {
      await enforceRateLimit(svc, principal, 'retry');
      const idempotencyKey = headerValue(event.headers, 'idempotency-key');
      const { mission, created, retry_of } = await retryMission(svc, {
        tenantId: principal.tenantId,
        missionId,
        actor,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      });
      return json(created ? 202 : 200, {
        mission_id: mission.mission_id,
        status: mission.status,
        retry_of,
        status_url: `/gantry/status/${mission.mission_id}`,
        events_url: `/gantry/missions/${mission.mission_id}/events`,
      });
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
