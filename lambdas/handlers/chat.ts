import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices, Services } from '../app/services';
import { enforceGuardrails, type GuardServices } from '../app/content-guard';
import { chatRequestSchema } from '../app/consultation';
import { enforceRateLimit, type RateLimitServices } from '../app/rate-limit';
import { toSpeech } from '../domain/consultation';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type ChatHandlerServices = PolicyServices & Pick<Services, 'advisor'> & RateLimitServices & GuardServices;

/** POST /gantry/chat: architecture questions and answers. It never creates a mission or starts a build. */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: ChatHandlerServices) => {
  const principal = requirePermission(event, 'mission:read');
  const body = parseJsonBody(event, chatRequestSchema(svc.policy.policy), svc.policy.policy.api.max_body_bytes);
  const actor = { type: 'human', id: principal.userId } as const;
  await enforceRateLimit(svc, principal, 'chat');
  await enforceGuardrails(svc, { tenantId: principal.tenantId, actor, source: 'chat', texts: [body.message] });
  const out = await svc.advisor.answer({ message: body.message });
  return json(200, {
    answer: out.answer,
    speech: toSpeech(out.answer),
    topics: out.topics,
    advisor: svc.advisor.name,
    usage: out.usage,
  });
});
