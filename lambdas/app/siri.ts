import * as z from '../domain/zod';
import type { Services } from './services';
import type { DeviceKeyRecord } from '../adapters/identity-store';
import { ForbiddenError, SiriRequestError, ValidationError } from '../domain/errors';
import { can, headerValue, safeEqual, type Principal } from '../domain/identity';
import type { Actor } from '../domain/mission';
import {
  bodySha256,
  DEVICE_KEY_ID_PATTERN,
  NONCE_PATTERN,
  parseTimestamp,
  signatureMatches,
  SIRI_HEADERS,
  SIRI_METHOD,
  SIRI_PATH,
  withinWindow,
} from '../domain/siri-signature';
import { recordAudit, tallyRefusal } from './audit';
import { enforceGuardrails, type GuardServices } from './content-guard';
import { enforceRateLimit, type RateLimitServices } from './rate-limit';
import { continueConsultation, isConsulting, type ConsultationServices } from './consultation';

export type SiriServices = Pick<Services, 'identity' | 'secretBox'> & GuardServices & RateLimitServices & ConsultationServices;
import { normalizePromptText } from '../domain/prompt-text';

export interface SiriRequest {
  readonly headers: Record<string, string | undefined> | null;
  readonly body: Buffer;
  readonly sourceIp: string;
}

export interface SiriAnswer {
  readonly status: number;
  readonly body: {
    readonly speech: string;
    readonly mission_id: string;
    readonly status: string;
    readonly status_url: string;
  };
}

/** JSON body for scripts; a Shortcut may instead send the sentence itself as text/plain. */
const SiriJsonSchema = z.strictObject({
  message: z.string(),
  mission_id: z.optional(z.string().check(z.maxLength(100))),
  deploy: z._default(z.boolean(), true),
  publish: z._default(z.boolean(), true),
});

/**
 * `POST /gantry/siri`, signed with GANTRY-SIRI-V1 (see domain/siri-signature.ts). The checks run
 * cheapest and least revealing first; each refusal has its own code and is recorded in the audit
 * log (of the key's tenant, or unattributed for an unknown key): counted in an hourly tally per
 * code and source network while the request is unproven (anyone can send those), as an item of
 * its own once it is signed, fresh and not a replay:
 *
 *   413 SIRI_BODY_TOO_LARGE · 400 SIRI_MISSING_HEADERS · 401 SIRI_UNKNOWN_KEY ·
 *   401 SIRI_KEY_REVOKED · 401 SIRI_BAD_TIMESTAMP · 401 SIRI_STALE_TIMESTAMP · 400 SIRI_BAD_NONCE ·
 *   401 SIRI_BAD_SIGNATURE · 401 SIRI_BODY_TAMPERED · 401 SIRI_REPLAYED_NONCE
 *
 * The nonce is claimed only after the signature verifies, so nobody can burn a device's nonces.
 * Then the request is what any other: rate limit (`siri` bucket), content guardrail, and a turn
 * of the consultation (a new one, or the one this device left open, or `mission_id` from a JSON
 * body), answered with the consultant's short `speech` for Siri to say; 202 once a confirmed plan
 * started the build.
 */
export async function handleSiri(svc: SiriServices, request: SiriRequest): Promise<SiriAnswer> {
  const siri = svc.policy.policy.siri;
  const header = (name: string): string | undefined => headerValue(request.headers, name)?.trim() || undefined;
  const keyId = header(SIRI_HEADERS.key);
  let device: DeviceKeyRecord | null = null;
  if (keyId && DEVICE_KEY_ID_PATTERN.test(keyId)) device = await svc.identity.getDevice(keyId);

  // Until the request is proven fresh and signed by the device (signature, body hash and a new
  // nonce), a refusal is counted in a tally, not stored one item each: anyone can send those.
  let authenticated = false;
  const refuse = async (code: string, message: string, status = 401): Promise<never> => {
    const entry = {
      tenantId: device?.tenant_id ?? null,
      type: 'siri.refused',
      code,
      message,
      actor: { type: 'integration', id: device ? `siri/${device.key_id}` : 'siri/unknown' } as const,
    };
    const data = { key_id: keyId?.slice(0, 40) ?? null, body_bytes: request.body.length };
    if (authenticated) await recordAudit(svc, { ...entry, data: { ...data, source_ip: request.sourceIp } });
    else await tallyRefusal(svc, { ...entry, data, sourceIp: request.sourceIp, keyId: device?.key_id ?? null });
    throw new SiriRequestError(code, message, status);
  };

  if (request.body.length > siri.max_body_bytes) {
    return refuse('SIRI_BODY_TOO_LARGE', `The request body is over ${siri.max_body_bytes} bytes (siri.max_body_bytes)`, 413);
  }
  const timestamp = header(SIRI_HEADERS.timestamp);
  const nonce = header(SIRI_HEADERS.nonce);
  const declaredSha = header(SIRI_HEADERS.contentSha256)?.toLowerCase();
  const signature = header(SIRI_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !declaredSha || !signature) {
    const missing = Object.values(SIRI_HEADERS).filter((h) => !header(h));
    return refuse('SIRI_MISSING_HEADERS', `Missing signature headers: ${missing.join(', ')}`, 400);
  }
  if (!device) return refuse('SIRI_UNKNOWN_KEY', 'Unknown device key');
  if (device.revoked_at) return refuse('SIRI_KEY_REVOKED', 'This device key has been revoked');
  const at = parseTimestamp(timestamp);
  if (at === null) return refuse('SIRI_BAD_TIMESTAMP', 'The timestamp is neither Unix seconds nor ISO 8601 with an offset');
  if (!withinWindow(at, Date.now(), siri.timestamp_tolerance_seconds)) {
    return refuse(
      'SIRI_STALE_TIMESTAMP',
      `The timestamp is more than ${siri.timestamp_tolerance_seconds} s away from the server's clock`,
    );
  }
  if (!NONCE_PATTERN.test(nonce)) return refuse('SIRI_BAD_NONCE', 'The nonce must be 8 to 128 letters, digits or ._:+-', 400);

  const secret = await svc.secretBox.open(device.secret_sealed, device.key_id);
  const signed = { method: SIRI_METHOD, path: SIRI_PATH, timestamp, nonce, bodySha256: declaredSha };
  if (!signatureMatches(secret, signed, signature)) return refuse('SIRI_BAD_SIGNATURE', 'The signature does not match');
  // The signature covers the declared body hash; a body that does not hash to it was changed in transit.
  if (!safeEqual(bodySha256(request.body), declaredSha)) {
    return refuse('SIRI_BODY_TAMPERED', 'The body does not match the signed content hash');
  }
  if (!(await svc.identity.claimNonce(device.key_id, nonce, siri.nonce_ttl_seconds))) {
    return refuse('SIRI_REPLAYED_NONCE', 'This nonce was already used: the request is a replay');
  }
  authenticated = true;

  const user = await svc.identity.getUser(device.email);
  if (!user || user.user_id !== device.user_id || user.tenant_id !== device.tenant_id) {
    return refuse('SIRI_KEY_REVOKED', 'The owner of this device key no longer exists');
  }
  const principal: Principal = { tenantId: user.tenant_id, userId: user.user_id, role: user.role, email: user.email };
  if (!can(principal.role, 'mission:create')) throw new ForbiddenError(`Your role (${principal.role}) may not start builds`);

  const input = parseSiriBody(request, svc.policy.policy.api.max_prompt_chars);
  const actor: Actor = { type: 'integration', id: `siri/${device.key_id}` };
  await enforceRateLimit(svc, principal, 'siri');
  await enforceGuardrails(svc, { tenantId: principal.tenantId, actor, source: 'siri', texts: [input.message] });

  // A follow-up ("yes, proceed") continues the consultation this device started last, while it is open.
  let missionId = input.missionId;
  if (!missionId && device.last_mission_id) {
    const last = await svc.store.getMission(principal.tenantId, device.last_mission_id);
    if (last && isConsulting(last.status)) missionId = last.mission_id;
  }
  const result = await continueConsultation(svc, {
    tenantId: principal.tenantId,
    actor,
    message: input.message,
    missionId,
    deploy: input.deploy,
    publish: input.publish,
    channel: 'siri',
  });
  await svc.identity.touchDevice(device.key_id, result.mission.mission_id);
  return {
    status: result.started ? 202 : 200,
    body: {
      speech: result.speech,
      mission_id: result.mission.mission_id,
      status: result.mission.status,
      status_url: `/gantry/status/${result.mission.mission_id}`,
    },
  };
}

function parseSiriBody(
  request: SiriRequest,
  maxPromptChars: number,
): { message: string; missionId?: string; deploy: boolean; publish: boolean } {
  const text = request.body.toString('utf8');
  const type = headerValue(request.headers, 'content-type') ?? '';
  let input: { message: string; missionId?: string; deploy: boolean; publish: boolean };
  if (/json/i.test(type) || /^\s*\{/.test(text)) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ValidationError('The body is not valid JSON; send {"message": "..."} or the sentence as text/plain');
    }
    const parsed = SiriJsonSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError('Send {"message": "...", "mission_id"?: "..."} or the sentence as text/plain');
    input = {
      message: parsed.data.message,
      missionId: parsed.data.mission_id,
      deploy: parsed.data.deploy,
      publish: parsed.data.publish,
    };
  } else {
    input = { message: text, deploy: true, publish: true };
  }
  const message = normalizePromptText(input.message, 'message').trim();
  if (!message) throw new ValidationError('The message is empty: say what Gantry should build');
  if (message.length > maxPromptChars) {
    throw new ValidationError(`The message is longer than api.max_prompt_chars (${maxPromptChars})`);
  }
  return { ...input, message };
}
