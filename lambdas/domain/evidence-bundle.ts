import { canonicalJson, sha256Hex, verifyChain } from './event-chain';
import type { Mission, MissionEvent } from './mission';

export const EVIDENCE_FORMAT = 'gantry-evidence/1';

/** Everything an auditor needs to re-check a mission offline. */
export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  mission_id: string;
  tenant_id: string;
  outcome: 'DEPLOYED' | 'FAILED' | 'CANCELLED' | 'REJECTED';
  sealed_at: string;
  policy_hash: string;
  manifest_sha256: string | null;
  chain: { length: number; head: string; verified: boolean };
  events: MissionEvent[];
  mission: Pick<
    Mission,
    'prompt' | 'options' | 'url' | 'pr_url' | 'branch' | 'attempts' | 'failure' | 'slug' | 'kind' | 'features'
  > & {
    /** `unsandboxed` when the operator ran builds without a sandbox (GANTRY_SANDBOX=none). */
    builder_isolation: 'sandboxed' | 'unsandboxed' | null;
    /** What the request was built as, when not literally what it said, and what the build left out. */
    interpreted_as: string | null;
    left_out: string[];
  };
}

export interface SealedEvidence {
  bundle: EvidenceBundle;
  /** sha256 of the canonical JSON of `bundle`. */
  digest: string;
  signature: string;
  algorithm: string;
  key_id: string;
  public_key_pem: string;
}

export function buildEvidenceBundle(input: {
  mission: Mission;
  events: MissionEvent[];
  outcome: EvidenceBundle['outcome'];
  manifestSha256: string | null;
  sealedAt: string;
}): { bundle: EvidenceBundle; digest: string } {
  const verdict = verifyChain(input.events as unknown as Parameters<typeof verifyChain>[0]);
  const m = input.mission;
  const bundle: EvidenceBundle = {
    format: EVIDENCE_FORMAT,
    mission_id: m.mission_id,
    tenant_id: m.tenant_id,
    outcome: input.outcome,
    sealed_at: input.sealedAt,
    policy_hash: m.policy_hash,
    manifest_sha256: input.manifestSha256,
    chain: { length: input.events.length, head: verdict.head, verified: verdict.ok },
    events: input.events,
    mission: {
      prompt: m.prompt,
      options: m.options,
      url: m.url,
      pr_url: m.pr_url,
      branch: m.branch,
      attempts: m.attempts,
      failure: m.failure,
      slug: m.slug,
      kind: m.kind,
      features: m.features,
      builder_isolation: m.builder_isolation ?? null,
      interpreted_as: m.interpreted_as ?? m.plan?.interpreted_as ?? null,
      left_out: m.left_out ?? m.plan?.left_out ?? [],
    },
  };
  return { bundle, digest: sha256Hex(canonicalJson(bundle)) };
}
