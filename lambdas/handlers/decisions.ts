import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { decide, listDecisions, readDecisionContext, type DecisionServices } from '../app/approvals';
import { DecisionRequestSchema } from '../domain/approval';
import { NotFoundError } from '../domain/errors';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type DecisionsHandlerServices = PolicyServices & DecisionServices;

/**
 * Human decisions at the workflow's approval gates, inside the caller's tenant:
 * `GET /gantry/decisions` (what waits for the caller's role), `GET /gantry/missions/{id}/decision-context`
 * (what the approver is shown, with its digest) and `POST /gantry/missions/{id}/decisions`.
 * Deciding needs `mission:decide` and a role the gate names.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: DecisionsHandlerServices) => {
  const missionId = event.pathParameters?.id ?? '';
  switch (event.resource) {
    case '/gantry/decisions': {
      const principal = requirePermission(event, 'mission:read');
      return json(200, await listDecisions(svc, principal));
    }
    case '/gantry/missions/{id}/decision-context': {
      const principal = requirePermission(event, 'mission:read');
      return json(200, await readDecisionContext(svc, principal, missionId));
    }
    case '/gantry/missions/{id}/decisions': {
      const principal = requirePermission(event, 'mission:decide');
      const body = parseJsonBody(event, DecisionRequestSchema, svc.policy.policy.api.max_body_bytes);
      return json(200, await decide(svc, principal, missionId, body));
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
