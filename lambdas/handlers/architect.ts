import type { APIGatewayProxyEvent } from 'aws-lambda';
import { services } from '../composition-root';
import { architectRequestSchema, SUBMIT_SPEECH, submitMission } from '../app/submit-mission';
import { json, parseJsonBody, restHandler, tenantOf } from '../http';

/** POST /gantry/architect — direct build, bypassing the consultation: 202 {mission_id, speech}. */
export const handler = restHandler(async (event: APIGatewayProxyEvent) => {
  const svc = services();
  const request = parseJsonBody(
    event,
    architectRequestSchema(svc.policy.policy.api.max_prompt_chars),
    svc.policy.policy.api.max_body_bytes,
  );
  const idempotencyKey = event.headers?.['idempotency-key'] ?? event.headers?.['Idempotency-Key'];
  const { mission, created } = await submitMission(svc, {
    tenantId: tenantOf(event),
    actor: { type: 'human', id: String(event.requestContext?.authorizer?.userId ?? 'anonymous') },
    request,
    idempotencyKey: idempotencyKey || undefined,
  });
  return json(created ? 202 : 200, {
    mission_id: mission.mission_id,
    status: mission.status,
    speech: SUBMIT_SPEECH,
    status_url: `/gantry/status/${mission.mission_id}`,
    events_url: `/gantry/missions/${mission.mission_id}/events`,
  });
});
