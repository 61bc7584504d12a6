import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import {
  createDeviceKey,
  deviceView,
  listDeviceKeys,
  NewDeviceSchema,
  revokeDeviceKey,
  type DeviceServices,
} from '../app/devices';
import { NotFoundError } from '../domain/errors';
import { json, parseJsonBody, requirePermission, restHandler } from '../http';

/** What this handler uses; its function's entry builds exactly these. */
export type DevicesHandlerServices = PolicyServices & DeviceServices;

/**
 * Siri device keys: `POST /gantry/devices` (the secret is in this answer only),
 * `GET /gantry/devices`, `DELETE /gantry/devices/{id}` (revoke).
 */
export const createHandler = restHandler(async (event: APIGatewayProxyEvent, svc: DevicesHandlerServices) => {
  const principal = requirePermission(event, 'device:manage');
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'POST /gantry/devices': {
      const { name } = parseJsonBody(event, NewDeviceSchema, svc.policy.policy.api.max_body_bytes);
      const created = await createDeviceKey(svc, principal, name);
      return json(
        201,
        { ...deviceView(created.device), secret: created.secret, scheme: created.scheme, path: created.path },
        { 'cache-control': 'no-store' },
      );
    }
    case 'GET /gantry/devices':
      return json(200, { devices: (await listDeviceKeys(svc, principal)).map(deviceView) });
    case 'DELETE /gantry/devices/{id}':
      return json(200, deviceView(await revokeDeviceKey(svc, principal, event.pathParameters?.id ?? '')));
    default:
      throw new NotFoundError(`No route ${event.httpMethod} ${event.path}`);
  }
});
