import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { enforceGuardrails, type GuardServices } from '../app/content-guard';
import {
  consultationView,
  consultBodyLimit,
  consultRequestSchema,
  continueConsultation,
  turnView,
  type ConsultationServices,
} from '../app/consultation';
import { enforceRateLimit, type RateLimitServices } from '../app/rate-limit';
import { NotFoundError } from '../domain/errors';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type ConsultHandlerServices = PolicyServices & ConsultationServices & RateLimitServices & GuardServices;

/**
 * POST /gantry/consult and POST /gantry/voice (start or continue a consultation; 202 when the
 * turn confirmed the plan and the build started, else 200), GET /gantry/consultation/{id}.
 * Order: who → valid input → rate limit → content guardrail → work, so a refused request
 * spends nothing. The actor is the session's user; the tenant is the session's tenant.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: ConsultHandlerServices) => {
  if (event.resource === '/gantry/consultation/{id}') {
    const principal = requirePermission(event, 'mission:read');
    const mission = await svc.store.requireMission(principal.tenantId, event.pathParameters?.id ?? '');
    return json(200, consultationView(mission));
  }
  if (event.resource !== '/gantry/consult' && event.resource !== '/gantry/voice') {
    throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
  const principal = requirePermission(event, 'mission:create');
  const policy = svc.policy.policy;
  const body = parseJsonBody(event, consultRequestSchema(policy), consultBodyLimit(policy));
  const route = event.resource === '/gantry/voice' ? 'voice' : 'consult';
  const actor = { type: 'human', id: principal.userId } as const;
  await enforceRateLimit(svc, principal, route);
  await enforceGuardrails(svc, { tenantId: principal.tenantId, actor, source: route, texts: [body.message] });
  const result = await continueConsultation(svc, {
    tenantId: principal.tenantId,
    actor,
    message: body.message,
    missionId: body.mission_id,
    image:
      body.image_base64 !== undefined && body.image_filename
        ? { base64: body.image_base64, filename: body.image_filename }
        : undefined,
    deploy: body.deploy,
    publish: body.publish,
    channel: route === 'voice' ? 'voice' : 'chat',
  });
  return json(result.started ? 202 : 200, turnView(result));
});
