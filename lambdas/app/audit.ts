import type { Services } from './services';
import type { AuditRecord } from '../adapters/identity-store';
import type { Actor } from '../domain/mission';
import { sourceNetwork } from '../domain/refusal-tally';
import { logger } from '../observability';

/** What recording an audit record needs. */
export type AuditServices = Pick<Services, 'identity'>;

/**
 * Records a security-relevant refusal or decision (refused content, refused Siri request,
 * failed login) as an audit item of the tenant, and logs it. Never throws: a refusal must be
 * answered even if recording it fails (the log line still carries it).
 */
export async function recordAudit(
  svc: AuditServices,
  input: { tenantId: string | null; type: string; code: string; message: string; actor: Actor; data?: Record<string, unknown> },
): Promise<AuditRecord | null> {
  logger.warn('Audit', { audit_type: input.type, code: input.code, tenant_id: input.tenantId ?? undefined, actor: input.actor });
  try {
    return await svc.identity.putAudit({
      tenant_id: input.tenantId,
      type: input.type,
      code: input.code,
      message: input.message,
      actor: input.actor,
      data: input.data ?? {},
    });
  } catch (err) {
    logger.error('Could not record an audit item', { audit_type: input.type, error: (err as Error).message });
    return null;
  }
}

/**
 * Records a refusal of a caller who has not proven who it is (no valid signature, a replayed or
 * altered request) by counting it in a short-lived tally of its kind, code, source network and
 * hour, not as an item of its own: such callers choose how many refusals there are. The log
 * line is written for each one. Never throws.
 */
export async function tallyRefusal(
  svc: AuditServices,
  input: {
    tenantId: string | null;
    type: string;
    code: string;
    message: string;
    actor: Actor;
    sourceIp: string;
    keyId: string | null;
    data?: Record<string, unknown>;
  },
): Promise<AuditRecord | null> {
  logger.warn('Audit', { audit_type: input.type, code: input.code, tenant_id: input.tenantId ?? undefined, actor: input.actor });
  try {
    return await svc.identity.tallyRefusal({
      tenant_id: input.tenantId,
      type: input.type,
      code: input.code,
      message: input.message,
      actor: input.actor,
      data: { ...input.data, last_source_ip: input.sourceIp },
      source: sourceNetwork(input.sourceIp),
      keyId: input.keyId,
    });
  } catch (err) {
    logger.error('Could not count a refusal', { audit_type: input.type, error: (err as Error).message });
    return null;
  }
}
