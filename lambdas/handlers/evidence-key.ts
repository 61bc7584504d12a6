import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PolicyServices } from '../app/services';
import { publicKeyId } from '../domain/dsse';
import { EVIDENCE_SIGNATURE_SCHEME } from '../domain/evidence-statement';
import type { EvidenceSigner } from '../domain/ports';
import { json, restHandler } from '../http';

/** What this handler uses: the public half of the evidence key, never a signature. */
export type EvidenceKeyHandlerServices = PolicyServices & { readonly signer: Pick<EvidenceSigner, 'publicKeyPem'> };

/**
 * GET /gantry/evidence/public-key: the key that signs sealed evidence, for auditors to pin. Public
 * (no session), like any public key: an auditor without an account must be able to fetch it.
 */
export const createHandler = restHandler(async (_event: APIGatewayProxyEvent, svc: EvidenceKeyHandlerServices) => {
  const pem = await svc.signer.publicKeyPem();
  return json(200, { keyid: publicKeyId(pem), algorithm: EVIDENCE_SIGNATURE_SCHEME, public_key_pem: pem });
});
