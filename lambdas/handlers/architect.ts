import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { architectRequestSchema, submitMission, type DirectSubmitServices } from '../app/submit-mission';
import { enforceGuardrails, type GuardServices } from '../app/content-guard';
import { enforceRateLimit, type RateLimitServices } from '../app/rate-limit';
import { headerValue } from '../domain/identity';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type ArchitectHandlerServices = PolicyServices & DirectSubmitServices & RateLimitServices & GuardServices;

/**
 * POST /gantry/architect — direct build, bypassing the consultation: 202 {mission_id, speech}.
 * Order: who (authorizer context, role) → valid input → rate limit → content guardrail → work,
 * so nothing is spent on a request that is refused.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: ArchitectHandlerServices) => {
  const principal = requirePermission(event, 'mission:create');
  const request = parseJsonBody(
    event,
    architectRequestSchema(svc.policy.policy.api.max_prompt_chars),
    svc.policy.policy.api.max_body_bytes,
  );
  // Scoped to this user and this body inside submitMission (422 IDEMPOTENCY_KEY_REUSED on a new body).
  const idempotencyKey = headerValue(event.headers, 'idempotency-key');
  const actor = { type: 'human', id: principal.userId } as const;
  await enforceRateLimit(svc, principal, 'architect');
  await enforceGuardrails(svc, { tenantId: principal.tenantId, actor, source: 'architect', texts: [request.voice_memo] });
  const { mission, created } = await submitMission(svc, {
    tenantId: principal.tenantId,
    actor,
    request,
    idempotencyKey: idempotencyKey || undefined,
  });
  return json(created ? 202 : 200, {
    mission_id: mission.mission_id,
    status: mission.status,
    speech: mission.speech,
    interpreted_as: mission.interpreted_as ?? null,
    left_out: mission.left_out ?? [],
    status_url: `/gantry/status/${mission.mission_id}`,
    events_url: `/gantry/missions/${mission.mission_id}/events`,
  });
});
