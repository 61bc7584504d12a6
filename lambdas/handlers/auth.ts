import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices, Services } from '../app/services';
import { issueTicket, login, LoginSchema, logout, type AuthenticationServices, type LogoutServices } from '../app/authentication';
import { NotFoundError } from '../domain/errors';
import { clearedSessionCookie, headerValue, sessionCookie } from '../domain/identity';
import { json, parseJsonBody, principalOf, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type AuthHandlerServices = PolicyServices & AuthenticationServices & LogoutServices & Pick<Services, 'config'>;

/** The cookie is Secure whenever the client reached us over HTTPS (always on AWS). */
function secureCookies(event: APIGatewayProxyEvent, svc: Pick<Services, 'config'>): boolean {
  return (
    svc.config.GANTRY_RUNTIME === 'aws' ||
    headerValue(event.headers, 'x-forwarded-proto') === 'https' ||
    svc.config.GANTRY_PUBLIC_URL.startsWith('https:')
  );
}

/**
 * Sessions: `POST /gantry/auth` (password → session; public), `GET /gantry/auth/status`,
 * `POST /gantry/auth/logout`, `POST /gantry/auth/ticket` (single-use WebSocket ticket).
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: AuthHandlerServices) => {
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'POST /gantry/auth': {
      const request = parseJsonBody(event, LoginSchema, svc.policy.policy.api.max_body_bytes);
      const sourceIp = event.requestContext?.identity?.sourceIp ?? '';
      const { token, expiresAt, user } = await login(svc, { request, sourceIp });
      const maxAge = expiresAt - Math.floor(Date.now() / 1000);
      return json(
        200,
        {
          user: { user_id: user.user_id, email: user.email, tenant_id: user.tenant_id, role: user.role },
          expires_at: new Date(expiresAt * 1000).toISOString(),
          ...(request.mode === 'bearer' ? { token, token_type: 'Bearer' } : {}),
        },
        { 'set-cookie': sessionCookie(token, maxAge, secureCookies(event, svc)), 'cache-control': 'no-store' },
      );
    }
    case 'GET /gantry/auth/status': {
      const principal = principalOf(event);
      const tenant = await svc.identity.getTenant(principal.tenantId);
      return json(200, {
        authenticated: true,
        user: { user_id: principal.userId, email: principal.email, role: principal.role },
        tenant: { tenant_id: principal.tenantId, name: tenant?.name ?? null },
      });
    }
    case 'POST /gantry/auth/logout': {
      await logout(svc, principalOf(event));
      return json(200, { logged_out: true }, { 'set-cookie': clearedSessionCookie(secureCookies(event, svc)) });
    }
    case 'POST /gantry/auth/ticket': {
      const { ticket, expiresAt } = await issueTicket(svc, principalOf(event));
      return json(
        201,
        { ticket, expires_at: new Date(expiresAt * 1000).toISOString(), websocket_query: `ticket=${ticket}` },
        { 'cache-control': 'no-store' },
      );
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
