import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { authorize, type AuthorizeServices } from '../app/authentication';
import { contextOf } from '../domain/identity';
import { logger } from '../observability';

/**
 * A REQUEST authorizer event, REST or WebSocket `$connect` (the two differ only in
 * `requestContext`; a WebSocket connect carries `eventType: 'CONNECT'`).
 */
export interface AuthorizerEvent {
  readonly type?: string;
  readonly methodArn: string;
  readonly headers?: Record<string, string | undefined> | null;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly requestContext?: { readonly eventType?: string; readonly routeKey?: string; readonly requestId?: string } | null;
}

/** What API Gateway answers when the authorizer throws this exact message: 401. */
export const UNAUTHORIZED = 'Unauthorized';

/**
 * The one authorizer of both APIs (API Gateway Lambda REQUEST authorizer; the local gateway
 * calls this same function before every non-public route and before `$connect`). It allows the
 * request and hands the caller's tenant, user, role and email to the handler as
 * `requestContext.authorizer`, or throws `Unauthorized`, which API Gateway turns into a 401.
 */
export const createHandler =
  (services: () => AuthorizeServices) =>
  async (event: AuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const ctx = event.requestContext ?? {};
    const connect = ctx.eventType === 'CONNECT' || ctx.routeKey === '$connect';
    const result = await authorize(services(), {
      headers: event.headers ?? null,
      query: event.queryStringParameters ?? null,
      connect,
    });
    if (!result.ok) {
      logger.info('Request not authorized', { reason: result.reason, request_id: ctx.requestId, websocket: connect });
      throw new Error(UNAUTHORIZED);
    }
    return {
      principalId: result.principal.userId,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
      },
      context: contextOf(result.principal),
    };
  };
