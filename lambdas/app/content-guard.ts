import { createHash } from 'node:crypto';
import type { Services } from './services';
import { ContentRefusedError } from '../domain/errors';
import { checkContent } from '../domain/guardrails';
import type { Actor } from '../domain/mission';
import { recordAudit, type AuditServices } from './audit';

export type GuardServices = Pick<Services, 'policy'> & AuditServices;

/**
 * The content guardrail at the edge of every route that turns words into work (architect,
 * Siri, consult, voice, chat): the texts are checked against the policy's deny list before any
 * model token is spent or any workflow starts. A refusal is recorded as an audit item
 * (`content.refused`, with the category, the source route and a hash of the text) and thrown as
 * 422 `CONTENT_REFUSED` carrying the category's reason.
 */
export async function enforceGuardrails(
  svc: GuardServices,
  input: { tenantId: string; actor: Actor; source: string; texts: readonly string[] },
): Promise<void> {
  const verdict = checkContent(input.texts, svc.policy.policy.guardrails);
  if (verdict.allowed) return;
  const joined = input.texts.join('\n');
  await recordAudit(svc, {
    tenantId: input.tenantId,
    type: 'content.refused',
    code: 'CONTENT_REFUSED',
    message: `Refused a ${input.source} request (${verdict.category}): ${verdict.reason}`,
    actor: input.actor,
    data: {
      source: input.source,
      category: verdict.category,
      pattern_index: verdict.patternIndex,
      text_sha256: createHash('sha256').update(joined).digest('hex'),
      excerpt: joined.slice(0, 160),
      policy_hash: svc.policy.hash,
    },
  });
  throw new ContentRefusedError(verdict.category, verdict.reason);
}
