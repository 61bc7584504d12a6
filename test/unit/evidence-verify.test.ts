import { generateKeyPairSync, sign } from 'node:crypto';
import { chainHash, GENESIS_HASH } from '../../lambdas/domain/event-chain';
import { buildEvidenceBundle, type SealedEvidence } from '../../lambdas/domain/evidence-bundle';
import { verifyEvidence } from '../../lambdas/domain/evidence-verify';
import type { Mission, MissionEvent } from '../../lambdas/domain/mission';

function sealedFixture(): { sealed: SealedEvidence; publicPem: string } {
  const events: MissionEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq++) {
    const body = {
      mission_id: 'm1',
      tenant_id: 't1',
      seq,
      type: 'status',
      status: null,
      message: `e${seq}`,
      actor: { type: 'system' as const, id: 'x' },
      at: '2026-01-01T00:00:00.000Z',
      correlation_id: 'm1',
      causation_id: null,
      idempotency_key: `k${seq}`,
      data: {},
      prev_hash: prev,
    };
    const hash = chainHash(prev, body);
    events.push({ ...body, hash });
    prev = hash;
  }
  const mission = {
    mission_id: 'm1',
    tenant_id: 't1',
    policy_hash: 'p',
    prompt: 'x',
    options: { deploy: true, publish: true },
  } as Mission;
  const { bundle, digest } = buildEvidenceBundle({ mission, events, outcome: 'DEPLOYED', manifestSha256: null, sealedAt: 'now' });
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const signature = sign('sha256', Buffer.from(digest), { key: privateKey, dsaEncoding: 'der' }).toString('base64');
  return {
    sealed: { bundle, digest, signature, algorithm: 'ECDSA_SHA_256', key_id: 'k', public_key_pem: publicPem },
    publicPem,
  };
}

test('an untouched evidence file verifies, including against the trusted key', () => {
  const { sealed, publicPem } = sealedFixture();
  expect(verifyEvidence(sealed, publicPem).ok).toBe(true);
});

test('editing an event, the outcome or the signature is caught by the right check', () => {
  const { sealed } = sealedFixture();
  const edited = structuredClone(sealed);
  edited.bundle.events[1]!.message = 'changed';
  const v1 = verifyEvidence(edited);
  expect(v1.ok).toBe(false);
  expect(v1.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(expect.arrayContaining(['digest', 'event-chain']));

  const outcome = structuredClone(sealed);
  outcome.bundle.outcome = 'FAILED';
  expect(verifyEvidence(outcome).checks.find((c) => c.name === 'digest')!.ok).toBe(false);

  const sig = structuredClone(sealed);
  sig.signature = Buffer.from('nope').toString('base64');
  expect(verifyEvidence(sig).checks.find((c) => c.name === 'signature')!.ok).toBe(false);
});

test('a bundle re-signed with another key fails the trusted-key check', () => {
  const { sealed, publicPem } = sealedFixture();
  const other = sealedFixture();
  const forged = { ...other.sealed };
  expect(verifyEvidence(forged).ok).toBe(true);
  expect(verifyEvidence(forged, publicPem).checks.find((c) => c.name === 'trusted-key')!.ok).toBe(false);
  expect(verifyEvidence(sealed, publicPem).ok).toBe(true);
});
