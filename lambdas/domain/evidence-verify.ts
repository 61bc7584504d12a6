import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { canonicalize } from './canonical-json';
import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding, publicKeyId } from './dsse';
import { verifyChain } from './event-chain';
import {
  DECISION_EVENT,
  EVIDENCE_SIGNATURE_SCHEME,
  GANTRY_EVIDENCE_FORMAT,
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE,
  type MissionStatement,
} from './evidence-statement';
import { parseStrictJson } from './strict-json';

/** One check an auditor can re-run offline, with its outcome (`skip`: could not be checked here). */
export interface EvidenceCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly skipped?: boolean;
  readonly detail: string;
}

export interface EvidenceVerdict {
  readonly ok: boolean;
  readonly checks: EvidenceCheck[];
  /** The decoded statement, when the envelope could be decoded (for further checks of its subjects). */
  readonly statement: MissionStatement | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: unknown): Buffer | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  // Only the one canonical base64 spelling of the bytes is accepted (no ignored bits).
  return bytes.toString('base64') === text ? bytes : null;
}

const verdict = (checks: EvidenceCheck[], statement: MissionStatement | null): EvidenceVerdict => ({
  ok: checks.every((c) => c.ok || c.skipped === true) && checks.some((c) => c.name === 'signature' && c.ok),
  checks,
  statement,
});

/**
 * Re-checks a sealed evidence file (a DSSE envelope of an in-toto statement) against a key the
 * auditor trusts, never one named or embedded in the file: the JSON (no duplicate keys), the
 * keyid, the ECDSA signature over the DSSE PAE, the payload's RFC 8785 canonical form, the
 * statement and predicate types, the event chain (every hash and link, no event removed or
 * reordered), its head and count, and the decisions against the decision events.
 */
export function verifyEvidenceText(text: string, trustedPublicKeyPem: string): EvidenceVerdict {
  const checks: EvidenceCheck[] = [];
  let envelope: unknown;
  try {
    envelope = parseStrictJson(text);
    checks.push({ name: 'envelope-json', ok: true, detail: 'valid JSON, no duplicate keys' });
  } catch (err) {
    checks.push({ name: 'envelope-json', ok: false, detail: (err as Error).message });
    return verdict(checks, null);
  }
  const payload = isRecord(envelope) ? decodeBase64(envelope.payload) : null;
  const sigs = isRecord(envelope) && Array.isArray(envelope.signatures) ? envelope.signatures : [];
  const shapeOk =
    isRecord(envelope) &&
    envelope.payloadType === IN_TOTO_PAYLOAD_TYPE &&
    payload !== null &&
    sigs.length > 0 &&
    sigs.every(isRecord);
  checks.push({
    name: 'envelope',
    ok: shapeOk,
    detail: shapeOk
      ? `DSSE envelope, payloadType ${IN_TOTO_PAYLOAD_TYPE}, ${sigs.length} signature(s)`
      : `not a DSSE envelope of ${IN_TOTO_PAYLOAD_TYPE} with a base64 payload and signatures`,
  });
  if (!shapeOk || !payload) return verdict(checks, null);

  const trustedKeyid = publicKeyId(createPublicKey(trustedPublicKeyPem));
  const signatures = sigs as Array<Record<string, unknown>>;
  const mine = signatures.filter((s) => s.keyid === trustedKeyid);
  checks.push({
    name: 'keyid',
    ok: mine.length > 0,
    detail:
      mine.length > 0
        ? `a signature names the trusted key ${trustedKeyid.slice(0, 16)}…`
        : `no signature names the trusted key ${trustedKeyid.slice(0, 16)}… (file names ${signatures.map((s) => String(s.keyid)).join(', ')})`,
  });
  // Every signature is checked with the trusted key, whatever keyid it claims: the keyid is a
  // label, and a label never selects the key.
  const pae = preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
  const signed = signatures.some((s) => {
    const sig = decodeBase64(s.sig);
    try {
      return sig !== null && verifySignature('sha256', pae, { key: trustedPublicKeyPem, dsaEncoding: 'der' }, sig);
    } catch {
      return false;
    }
  });
  checks.push({
    name: 'signature',
    ok: signed,
    detail: signed
      ? `${EVIDENCE_SIGNATURE_SCHEME} over the DSSE PAE verifies with the trusted key`
      : 'no signature verifies with the trusted key over the DSSE PAE (changed payload or another key)',
  });

  let statement: unknown;
  const payloadText = payload.toString('utf8');
  try {
    statement = parseStrictJson(payloadText);
    checks.push({ name: 'payload-json', ok: true, detail: 'valid JSON, no duplicate keys' });
  } catch (err) {
    checks.push({ name: 'payload-json', ok: false, detail: (err as Error).message });
    return verdict(checks, null);
  }
  let canonical = false;
  try {
    canonical = Buffer.from(canonicalize(statement), 'utf8').equals(payload);
  } catch {
    canonical = false;
  }
  checks.push({
    name: 'canonical-form',
    ok: canonical,
    detail: canonical ? 'payload is RFC 8785 canonical JSON' : 'payload bytes are not the RFC 8785 canonical form of their JSON',
  });

  const st = statement as Partial<MissionStatement>;
  const g = isRecord(st.predicate) && isRecord(st.predicate.gantry) ? st.predicate.gantry : null;
  const shape =
    isRecord(statement) &&
    st._type === STATEMENT_TYPE &&
    st.predicateType === SLSA_PROVENANCE_V1 &&
    Array.isArray(st.subject) &&
    st.subject.every((s) => isRecord(s) && isRecord(s.digest)) &&
    g !== null &&
    g.format === GANTRY_EVIDENCE_FORMAT &&
    Array.isArray(g.events) &&
    g.events.every(isRecord) &&
    Array.isArray(g.decisions) &&
    isRecord(g.chain) &&
    isRecord(g.signer);
  checks.push({
    name: 'statement',
    ok: shape,
    detail: shape
      ? `in-toto ${STATEMENT_TYPE}, predicate ${SLSA_PROVENANCE_V1}, ${st.subject!.length} subject(s)`
      : `not an in-toto Statement v1 with a SLSA provenance v1 predicate and a ${GANTRY_EVIDENCE_FORMAT} record`,
  });
  if (!shape || !g) return verdict(checks, null);
  const signedStatement = statement as MissionStatement;

  const signerOk = g.signer.keyid === trustedKeyid && g.signer.algorithm === EVIDENCE_SIGNATURE_SCHEME;
  checks.push({
    name: 'signed-keyid',
    ok: signerOk,
    detail: signerOk
      ? `the statement names the trusted key and ${EVIDENCE_SIGNATURE_SCHEME}`
      : `the statement names key ${String(g.signer.keyid)} (${String(g.signer.algorithm)}), not the trusted key`,
  });

  const events = g.events;
  const chain = verifyChain(events as unknown as Parameters<typeof verifyChain>[0]);
  checks.push({
    name: 'event-chain',
    ok: chain.ok,
    detail: chain.ok
      ? `${events.length} events link up from the genesis hash`
      : `chain breaks at event seq ${chain.brokenAt} (an event was changed, removed or reordered)`,
  });
  const summaryOk = g.chain.head === chain.head && g.chain.count === events.length && chain.ok;
  checks.push({
    name: 'chain-head',
    ok: summaryOk,
    detail: summaryOk
      ? `head ${chain.head.slice(0, 16)}…, ${events.length} events`
      : `the predicate says head ${String(g.chain.head).slice(0, 16)}… / ${String(g.chain.count)} events; the events give ${chain.head.slice(0, 16)}… / ${events.length}`,
  });
  const sameMission = events.every((e) => e.mission_id === g.mission_id && e.tenant_id === g.tenant_id);
  checks.push({
    name: 'single-mission',
    ok: sameMission,
    detail: sameMission ? `every event belongs to mission ${g.mission_id}` : 'events of another mission are mixed in',
  });
  const decisionEvents = events.filter((e) => e.type === DECISION_EVENT);
  const decisionsOk = canonicalize(decisionEvents) === canonicalize(g.decisions);
  checks.push({
    name: 'decisions',
    ok: decisionsOk,
    detail: decisionsOk
      ? `${decisionEvents.length} decision(s) match the ${DECISION_EVENT} events`
      : `the predicate's decisions differ from the ${DECISION_EVENT} events of the log`,
  });
  const invocationOk = signedStatement.predicate.runDetails?.metadata?.invocationId === g.mission_id;
  checks.push({
    name: 'invocation',
    ok: invocationOk,
    detail: invocationOk ? `invocationId is mission ${g.mission_id}` : 'the provenance names another invocation than the mission',
  });
  return verdict(checks, signedStatement);
}
