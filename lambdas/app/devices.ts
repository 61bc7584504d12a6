import * as z from '../domain/zod';
import type { Services } from './services';
import type { DeviceKeyRecord } from '../adapters/identity-store';
import { NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/identity';
import { newDeviceKeyId, newDeviceSecret, SIRI_PATH, SIRI_SCHEME } from '../domain/siri-signature';

export type DeviceServices = Pick<Services, 'identity' | 'secretBox'>;

export const NewDeviceSchema = z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) });

/** What the API shows of a device key (never the secret, sealed or not). */
export function deviceView(d: DeviceKeyRecord): Record<string, unknown> {
  return {
    key_id: d.key_id,
    name: d.name,
    user_id: d.user_id,
    email: d.email,
    created_at: d.created_at,
    revoked_at: d.revoked_at,
    last_used_at: d.last_used_at,
  };
}

/**
 * A new Siri device key for the caller. The secret is returned this once; the store keeps it
 * sealed (AES-256-GCM under the device-key secret, bound to the key id), because verifying a
 * signature needs the secret itself.
 */
export async function createDeviceKey(
  svc: DeviceServices,
  principal: Principal,
  name: string,
): Promise<{ device: DeviceKeyRecord; secret: string; scheme: string; path: string }> {
  const keyId = newDeviceKeyId();
  const secret = newDeviceSecret();
  const device: DeviceKeyRecord = {
    key_id: keyId,
    tenant_id: principal.tenantId,
    user_id: principal.userId,
    email: principal.email,
    name,
    secret_sealed: await svc.secretBox.seal(secret, keyId),
    created_at: new Date().toISOString(),
    revoked_at: null,
    last_used_at: null,
    last_mission_id: null,
  };
  await svc.identity.putDevice(device);
  return { device, secret, scheme: SIRI_SCHEME, path: SIRI_PATH };
}

const seesAll = (p: Principal): boolean => p.role === 'owner' || p.role === 'admin';

/** The caller's keys (owners and admins see every key of their tenant). */
export async function listDeviceKeys(svc: DeviceServices, principal: Principal): Promise<DeviceKeyRecord[]> {
  const all = await svc.identity.listDevices(principal.tenantId);
  return seesAll(principal) ? all : all.filter((d) => d.user_id === principal.userId);
}

/** Revokes a key at once; requests signed with it are refused with SIRI_KEY_REVOKED from then on. */
export async function revokeDeviceKey(svc: DeviceServices, principal: Principal, keyId: string): Promise<DeviceKeyRecord> {
  const done = await svc.identity.revokeDevice({
    tenantId: principal.tenantId,
    keyId,
    userId: principal.userId,
    anyUser: seesAll(principal),
  });
  const device = done ? await svc.identity.getDevice(keyId) : null;
  if (!device) throw new NotFoundError(`Device key ${keyId} not found`);
  return device;
}
