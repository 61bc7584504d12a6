import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { addTenant, addUser, type AccountServices, newTenantSchema, newUserSchema, userView } from '../app/accounts';
import { NotFoundError, ValidationError } from '../domain/errors';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type AccountsHandlerServices = PolicyServices & AccountServices;

/**
 * Users and tenants (owner only) and the tenant's audit records (owner, admin):
 * `GET|POST /gantry/users`, `POST /gantry/tenants`, `GET /gantry/audit?limit=N`.
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: AccountsHandlerServices) => {
  const minPassword = svc.policy.policy.auth.min_password_length;
  const maxBody = svc.policy.policy.api.max_body_bytes;
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'GET /gantry/users': {
      const principal = requirePermission(event, 'user:manage');
      return json(200, { users: (await svc.identity.listUsers(principal.tenantId)).map(userView) });
    }
    case 'POST /gantry/users': {
      const principal = requirePermission(event, 'user:manage');
      const body = parseJsonBody(event, newUserSchema(minPassword), maxBody);
      const { user } = await addUser(svc, { by: principal, email: body.email, password: body.password, role: body.role });
      return json(201, { user: userView(user) });
    }
    case 'POST /gantry/tenants': {
      const principal = requirePermission(event, 'tenant:create');
      const body = parseJsonBody(event, newTenantSchema(minPassword), maxBody);
      const { user, tenant } = await addTenant(svc, {
        by: principal,
        name: body.name,
        ownerEmail: body.owner_email,
        ownerPassword: body.owner_password,
      });
      return json(201, { tenant, owner: userView(user) });
    }
    case 'GET /gantry/audit': {
      const principal = requirePermission(event, 'audit:read');
      const raw = event.queryStringParameters?.limit;
      const limit = raw === undefined ? 100 : Number(raw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new ValidationError('limit must be an integer from 1 to 500');
      return json(200, { audit: await svc.identity.listAudit(principal.tenantId, limit) });
    }
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
