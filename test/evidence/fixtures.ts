import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createHash } from 'node:crypto';
import { publicKeyId } from '../../lambdas/domain/dsse';
import { chainHash, GENESIS_HASH } from '../../lambdas/domain/event-chain';
import { sealStatement } from '../../lambdas/domain/evidence-envelope';
import { buildMissionStatement, type MissionStatement } from '../../lambdas/domain/evidence-statement';
import type { DsseEnvelope } from '../../lambdas/domain/dsse';
import type { Mission, MissionEvent } from '../../lambdas/domain/mission';

export interface TestKey {
  readonly privateKey: KeyObject;
  readonly pem: string;
  readonly keyid: string;
}

export function testKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, pem, keyid: publicKeyId(pem) };
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Re-links a list of event bodies into a valid chain (what a forger would do after editing). */
export function rechain(events: Array<Omit<MissionEvent, 'hash' | 'prev_hash'> & Partial<MissionEvent>>): MissionEvent[] {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const body = { ...e, seq: i + 1, prev_hash: prev };
    delete (body as Partial<MissionEvent>).hash;
    const hash = chainHash(prev, body as unknown as Record<string, unknown>);
    prev = hash;
    return { ...body, hash } as MissionEvent;
  });
}

export const BUILT = { 'index.html': '<!doctype html><h1>Calculator</h1>', 'app.js': 'console.log(1 + 1);\n' } as const;

/** A DEPLOYED mission with an approval and a decision, sealed exactly as the product seals one. */
export function syntheticStatement(key: TestKey, deployUrl: string): MissionStatement {
  const base = { mission_id: 'm-1', tenant_id: 't-1', correlation_id: 'm-1', causation_id: null, at: '2026-01-01T00:00:00.000Z' };
  const events = rechain([
    {
      ...base,
      seq: 1,
      type: 'mission.created',
      status: 'QUEUED',
      message: 'queued',
      actor: { type: 'human', id: 'u-1' },
      idempotency_key: 'a',
      data: { deploy: true },
    },
    {
      ...base,
      seq: 2,
      type: 'status',
      status: 'BUILDING',
      message: 'building',
      actor: { type: 'agent', id: 'w' },
      idempotency_key: 'b',
      data: {},
    },
    {
      ...base,
      seq: 3,
      type: 'approval.requested',
      status: 'AWAITING_APPROVAL',
      message: 'waiting',
      actor: { type: 'system', id: 'gantry' },
      idempotency_key: 'c',
      data: { gate: 'before-deploy', roles: ['approver'], context_digest: 'sha256:00' },
    },
    {
      ...base,
      seq: 4,
      type: 'decision.recorded',
      status: 'DEPLOYING',
      message: 'approved',
      actor: { type: 'human', id: 'u-2' },
      idempotency_key: 'd',
      data: {
        gate: 'before-deploy',
        decision: 'APPROVE',
        actor: 'u-2',
        role: 'approver',
        justification: 'looks right',
        context_digest: 'sha256:00',
      },
    },
    {
      ...base,
      seq: 5,
      type: 'deploy.live',
      status: null,
      message: 'live',
      actor: { type: 'integration', id: 'local-static' },
      idempotency_key: 'e',
      data: { url: deployUrl, deployment_id: 'd-1' },
    },
    {
      ...base,
      seq: 6,
      type: 'status',
      status: 'SEALING',
      message: 'sealing',
      actor: { type: 'agent', id: 'w' },
      idempotency_key: 'f',
      data: {},
    },
  ]);
  const mission = {
    mission_id: 'm-1',
    tenant_id: 't-1',
    prompt: 'a calculator',
    options: { deploy: true, publish: false },
    created_at: '2026-01-01T00:00:00.000Z',
    policy_hash: 'p'.repeat(64),
    attempts: [],
    failure: null,
    url: deployUrl,
    pr_url: null,
    branch: null,
    slug: 'calc',
    kind: 'calculator',
    features: [],
    builder_isolation: 'sandboxed',
  } as unknown as Mission;
  return buildMissionStatement({
    mission,
    events,
    outcome: 'DEPLOYED',
    sourceFiles: [{ path: 'src/app.js', sha256: sha256(BUILT['app.js']) }],
    builtFiles: Object.entries(BUILT).map(([path, body]) => ({ path, sha256: sha256(body) })),
    manifestSha256: null,
    sealedAt: '2026-01-01T00:01:00.000Z',
    signerKeyid: key.keyid,
  });
}

/** Seals with `key` (the product's code path: canonical payload, PAE, ECDSA P-256). */
export function seal(statement: MissionStatement, key: TestKey): Promise<DsseEnvelope> {
  return sealStatement(statement, {
    keyid: key.keyid,
    sign: async (message) => sign('sha256', message, { key: key.privateKey, dsaEncoding: 'der' }).toString('base64'),
  });
}
