/**
 * The console's own check of a mission's sealed evidence, in the browser with WebCrypto: the DSSE
 * signature (ECDSA P-256 / SHA-256 over the pre-authentication encoding of the payload) against
 * the key the stack publishes, never a key named in the file, and the signed statement's keyid
 * against that key. `gantry verify` runs the full set of checks (chain, decisions, branch, live
 * files); this is the part a page can do on its own.
 */

export interface DsseEnvelopeView {
  readonly payloadType: string;
  readonly payload: string;
  readonly signatures: ReadonlyArray<{ readonly keyid: string; readonly sig: string }>;
}

export interface EvidenceCheckResult {
  readonly verified: boolean;
  readonly reason: string;
}

const bytes = (b64: string): Uint8Array<ArrayBuffer> => {
  const text = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
const hex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
function pae(type: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`DSSEv1 ${new TextEncoder().encode(type).length} ${type} ${body.length} `);
  const out = new Uint8Array(new ArrayBuffer(head.length + body.length));
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/** A DER ECDSA signature (SEQUENCE of two INTEGERs) as the 64-byte r‖s WebCrypto verifies. */
function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (der[0] !== 0x30) return null;
  let i = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  const raw = new Uint8Array(new ArrayBuffer(64));
  for (let part = 0; part < 2; part++) {
    if (der[i] !== 0x02) return null;
    const len = der[i + 1]!;
    let int = der.slice(i + 2, i + 2 + len);
    while (int.length > 32 && int[0] === 0) int = int.slice(1);
    if (int.length > 32) return null;
    raw.set(int, part * 32 + (32 - int.length));
    i += 2 + len;
  }
  return raw;
}

function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  return bytes(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
}

export async function checkEvidence(envelope: DsseEnvelopeView, publicKeyPem: string): Promise<EvidenceCheckResult> {
  if (!globalThis.crypto?.subtle) return { verified: false, reason: 'this browser offers no WebCrypto here' };
  const spki = pemBody(publicKeyPem);
  const keyid = hex(await crypto.subtle.digest('SHA-256', spki));
  const signature = envelope.signatures?.find((s) => s.keyid === keyid);
  if (!signature) return { verified: false, reason: "no signature by the stack's evidence key" };
  const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const raw = derToRaw(bytes(signature.sig));
  const payload = bytes(envelope.payload);
  const ok =
    raw !== null &&
    (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, pae(envelope.payloadType, payload)));
  if (!ok) return { verified: false, reason: 'the signature does not match the signed statement' };
  const statement = JSON.parse(new TextDecoder().decode(payload)) as { predicate?: { gantry?: { signer?: { keyid?: string } } } };
  if (statement.predicate?.gantry?.signer?.keyid !== keyid)
    return { verified: false, reason: 'the statement names another signing key' };
  return { verified: true, reason: `signed by the stack's evidence key ${keyid.slice(0, 16)}…` };
}
