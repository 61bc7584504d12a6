import { createHash } from 'node:crypto';
import type { ConsultationPlan } from './consultation';
import { canonicalJson } from './event-chain';

/**
 * A stable fingerprint of a plan: the confirmation event names the exact plan it approved. A module
 * of its own, so the workflow's steps that record it carry none of the consultation's schemas.
 */
export function planSha256(plan: ConsultationPlan): string {
  return createHash('sha256')
    .update(canonicalJson(plan as unknown as Record<string, unknown>))
    .digest('hex');
}
