import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import * as z from '../domain/zod';
import type { Services } from '../app/services';
import { statusView } from '../app/mission-views';
import { withQueuePosition } from '../app/queue-position';
import { principalFromContext } from '../domain/identity';
import { logger } from '../observability';
import { PATH_PARAMETER_PATTERN } from '../http';

const SubscribeSchema = z.object({
  action: z.literal('subscribe'),
  mission_id: z.string().check(z.regex(PATH_PARAMETER_PATTERN)),
});

type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  queryStringParameters?: Record<string, string | undefined>;
  requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & { authorizer?: Record<string, unknown> };
};

/** What this handler uses: connections, subscriptions, the push channel and the builders' line (a snapshot's queue position). */
export type WsHandlerServices = Pick<Services, 'store' | 'push' | 'builderLine'>;

/**
 * The WebSocket API's one handler. `$connect` records the connection under the caller's tenant,
 * `subscribe` adds a mission (of that tenant only) and answers with a snapshot carrying `seq`,
 * so a client can tell whether it missed events and resync from the REST API.
 */
export const createHandler =
  (services: () => WsHandlerServices) =>
  async (event: WsEvent): Promise<APIGatewayProxyResultV2> => {
    const svc = services();
    const { connectionId, routeKey } = event.requestContext;
    try {
      switch (routeKey) {
        case '$connect': {
          // The tenant comes only from the authorizer (session or single-use ticket), never the request.
          const principal = principalFromContext(event.requestContext.authorizer);
          if (!principal) return { statusCode: 401 };
          // Listed under its session, so logging out closes it.
          await svc.store.putConnection(connectionId, principal.tenantId, principal.sessionKey);
          return { statusCode: 200 };
        }
        case '$disconnect':
          await svc.store.removeConnection(connectionId);
          return { statusCode: 200 };
        default: {
          let body: unknown;
          try {
            body = JSON.parse(event.body ?? '');
          } catch {
            body = undefined;
          }
          const parsed = SubscribeSchema.safeParse(body);
          if (!parsed.success) {
            await svc.push.post(connectionId, {
              type: 'error',
              error: { code: 'BAD_MESSAGE', message: 'Send {"action":"subscribe","mission_id":"..."}' },
            });
            return { statusCode: 400 };
          }
          const tenant = await svc.store.getConnectionTenant(connectionId);
          const mission = tenant ? await svc.store.getMission(tenant, parsed.data.mission_id) : null;
          if (!tenant || !mission) {
            await svc.push.post(connectionId, {
              type: 'error',
              error: { code: 'NOT_FOUND', message: `Mission ${parsed.data.mission_id} not found` },
            });
            return { statusCode: 404 };
          }
          await svc.store.subscribe(tenant, mission.mission_id, connectionId);
          // Read again after subscribing so no event can fall between the snapshot and the stream.
          const fresh = (await svc.store.getMission(tenant, mission.mission_id)) ?? mission;
          await svc.push.post(connectionId, {
            type: 'snapshot',
            mission_id: fresh.mission_id,
            seq: fresh.seq,
            mission: statusView(await withQueuePosition(svc, fresh)),
          });
          return { statusCode: 200 };
        }
      }
    } catch (err) {
      logger.error('WebSocket route failed', { route: routeKey, connection_id: connectionId, error: err as Error });
      return { statusCode: 500 };
    }
  };
