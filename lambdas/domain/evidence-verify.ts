import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { canonicalJson, sha256Hex, verifyChain } from './event-chain';
import type { SealedEvidence } from './evidence-bundle';

/** One check an auditor can re-run offline, with its outcome. */
export interface EvidenceCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface EvidenceVerdict {
  readonly ok: boolean;
  readonly checks: EvidenceCheck[];
}

/**
 * Re-checks a sealed evidence file from its content alone: the digest, the signature, the
 * hash chain of events and their agreement with the bundle's summary. When `trustedPublicKeyPem`
 * is given, the signing key must be that key (otherwise a forger could sign with their own).
 */
export function verifyEvidence(sealed: SealedEvidence, trustedPublicKeyPem?: string): EvidenceVerdict {
  const checks: EvidenceCheck[] = [];
  const digest = sha256Hex(canonicalJson(sealed.bundle));
  checks.push({
    name: 'digest',
    ok: digest === sealed.digest,
    detail: digest === sealed.digest ? `sha256 ${digest}` : `bundle hashes to ${digest}, file says ${sealed.digest}`,
  });
  let signatureOk = false;
  try {
    signatureOk = verifySignature(
      'sha256',
      Buffer.from(sealed.digest, 'utf8'),
      sealed.public_key_pem,
      Buffer.from(sealed.signature, 'base64'),
    );
  } catch {
    signatureOk = false;
  }
  checks.push({ name: 'signature', ok: signatureOk, detail: `${sealed.algorithm} by key ${sealed.key_id}` });
  if (trustedPublicKeyPem) {
    const same =
      createPublicKey(trustedPublicKeyPem).export({ format: 'der', type: 'spki' }).toString('base64') ===
      createPublicKey(sealed.public_key_pem).export({ format: 'der', type: 'spki' }).toString('base64');
    checks.push({ name: 'trusted-key', ok: same, detail: same ? 'signed by the trusted key' : 'signed by a different key' });
  }
  const chain = verifyChain(sealed.bundle.events as unknown as Parameters<typeof verifyChain>[0]);
  checks.push({
    name: 'event-chain',
    ok: chain.ok,
    detail: chain.ok ? `${sealed.bundle.events.length} events link up` : `chain breaks at seq ${chain.brokenAt}`,
  });
  const summaryOk = sealed.bundle.chain.head === chain.head && sealed.bundle.chain.length === sealed.bundle.events.length;
  checks.push({
    name: 'chain-summary',
    ok: summaryOk,
    detail: summaryOk ? `head ${chain.head}` : 'the bundle summary does not match its events',
  });
  const sameMission = sealed.bundle.events.every(
    (e) => e.mission_id === sealed.bundle.mission_id && e.tenant_id === sealed.bundle.tenant_id,
  );
  checks.push({
    name: 'single-mission',
    ok: sameMission,
    detail: sameMission ? 'every event belongs to this mission' : 'events of another mission are mixed in',
  });
  return { ok: checks.every((c) => c.ok), checks };
}
