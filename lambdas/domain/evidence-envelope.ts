import { canonicalBytes } from './canonical-json';
import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding, type DsseEnvelope } from './dsse';
import type { MissionStatement } from './evidence-statement';

/**
 * Wraps a statement in a DSSE envelope: the payload is the statement's RFC 8785 canonical JSON,
 * and `sign` signs the PAE bytes (ECDSA P-256 / SHA-256, DER signature in base64).
 */
export async function sealStatement(
  statement: MissionStatement,
  signer: { keyid: string; sign(message: Buffer): Promise<string> },
): Promise<DsseEnvelope> {
  const payload = canonicalBytes(statement);
  const sig = await signer.sign(preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload));
  return { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: payload.toString('base64'), signatures: [{ keyid: signer.keyid, sig }] };
}
