import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { debuggerRequestSchema, runDebugger, type DebuggerServices } from '../app/debugger';
import { enforceRateLimit, type RateLimitServices } from '../app/rate-limit';
import { NotFoundError, ValidationError } from '../domain/errors';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

function limitParam(value: string | undefined): number {
  if (value === undefined || value === '') return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new ValidationError('limit must be an integer from 1 to 100');
  return n;
}

/** What this handler uses; its function's entry builds exactly these. */
export type DebuggerHandlerServices = PolicyServices & DebuggerServices & RateLimitServices;

/**
 * The debugger (seed 003): `POST /gantry/debugger/run` runs a snippet in the builder's sandbox,
 * `GET /gantry/debugger/logs` lists the tenant's runs, newest first, and
 * `GET /gantry/debugger/search?q=` finds runs whose code or output contains `q`.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: DebuggerHandlerServices) => {
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'POST /gantry/debugger/run': {
      const principal = requirePermission(event, 'mission:create');
      const request = parseJsonBody(
        event,
        debuggerRequestSchema(svc.policy.policy.debugger),
        svc.policy.policy.api.max_body_bytes,
      );
      await enforceRateLimit(svc, principal, 'debugger');
      const run = await runDebugger(svc, {
        tenantId: principal.tenantId,
        actor: { type: 'human', id: principal.userId },
        request,
      });
      return json(200, run);
    }
    case 'GET /gantry/debugger/logs': {
      const principal = requirePermission(event, 'mission:read');
      const runs = await svc.debuggerRuns.list(principal.tenantId, limitParam(event.queryStringParameters?.limit));
      return json(200, { runs });
    }
    case 'GET /gantry/debugger/search': {
      const principal = requirePermission(event, 'mission:read');
      const q = (event.queryStringParameters?.q ?? '').trim();
      if (q.length < 1 || q.length > 200) throw new ValidationError('q is required (1 to 200 characters)');
      const runs = await svc.debuggerRuns.search(principal.tenantId, q, limitParam(event.queryStringParameters?.limit));
      return json(200, { query: q, runs });
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
