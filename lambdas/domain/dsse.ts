import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Dead Simple Signing Envelope (DSSE v1, github.com/secure-systems-lab/dsse): the signature is
 * over the pre-authentication encoding of the payload type and the payload bytes, so neither can
 * be swapped without breaking it.
 */
export interface DsseSignature {
  readonly keyid: string;
  /** Base64 of the DER-encoded ECDSA signature. */
  readonly sig: string;
}

export interface DsseEnvelope {
  readonly payloadType: string;
  /** Base64 of the payload bytes. */
  readonly payload: string;
  readonly signatures: readonly DsseSignature[];
}

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes as decimal ASCII. */
export function preAuthEncoding(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type, Buffer.from(` ${body.length} `, 'utf8'), body]);
}

/**
 * The keyid Gantry puts in each signature: hex SHA-256 of the key's DER SubjectPublicKeyInfo.
 * A verifier computes it from the key it trusts; the keyid in a file is only compared, never used.
 */
export function publicKeyId(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}
