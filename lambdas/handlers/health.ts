import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { ArchitectPort } from '../domain/ports';
import type { PolicyServices, Services } from '../app/services';
import { json, restHandler } from '../http';

async function check(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    return (await fn()) !== false;
  } catch {
    return false;
  }
}

/** What this handler uses; its function's entry builds exactly these. */
export type HealthHandlerServices = PolicyServices &
  Pick<Services, 'store' | 'workflow' | 'startedAt' | 'builderIsolation'> & {
    /** Readiness reads only the architect's name, so the health function need not load the architect. */
    readonly architect: Pick<ArchitectPort, 'name'>;
  };

/** GET /health (liveness: uptime, WebSocket connections) and GET /ready (store, workflow, architect). */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: HealthHandlerServices) => {
  if (event.resource === '/ready') {
    const checks = {
      store: await check(() => svc.store.connectionCount()),
      workflow: await check(() => svc.workflow.ping()),
      architect: await check(async () => svc.architect.name.length > 0),
      // Builds need a sandbox, or the operator's explicit opt-in to run without one.
      builder: svc.builderIsolation?.mode !== 'unavailable',
    };
    const ready = Object.values(checks).every(Boolean);
    const builder = svc.builderIsolation ?? { mode: 'sandboxed', detail: 'ECS Fargate task' };
    return json(ready ? 200 : 503, { ready, checks, builder_isolation: builder.mode, builder_detail: builder.detail });
  }
  let connections: number | null = null;
  try {
    connections = await svc.store.connectionCount();
  } catch {
    connections = null;
  }
  return json(200, {
    status: 'healthy',
    uptime_seconds: Math.round((Date.now() - svc.startedAt) / 1000),
    websocket_connections: connections,
  });
});
