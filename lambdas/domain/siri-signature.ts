import { createHash, randomBytes } from 'node:crypto';
import { safeEqual } from './identity';

/**
 * GANTRY-SIRI-V1: how a Siri Shortcut (or a script) signs `POST /gantry/siri`.
 *
 * iOS Shortcuts has "Generate Hash" (MD5, SHA-1, SHA-256, SHA-512 of text, as hex) but no HMAC
 * and no way to XOR or hash raw bytes, so textbook HMAC cannot be computed there. The scheme
 * below uses only SHA-256 over text and keeps HMAC's nested shape, which is what defeats length
 * extension:
 *
 *   body_sha256 = SHA256(body)
 *   canonical   = METHOD "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" body_sha256
 *   inner       = SHA256(SECRET "\ngantry-siri-inner\n" canonical)
 *   signature   = SHA256(SECRET "\ngantry-siri-outer\n" inner)
 *
 * all lowercase hex. SECRET is 64 hex characters, so it fills exactly one SHA-256 block and the
 * key is absorbed before any caller-chosen byte, as in HMAC/NMAC. Length extension needs the
 * digest of the very input being extended: the inner digest is never sent, and an extension of
 * the (sent) outer digest yields an outer input longer than the fixed 64+19+64 bytes the server
 * ever hashes, or one that does not start with the inner label. The two labels keep the inner
 * and the outer inputs from ever being equal.
 */
export const SIRI_SCHEME = 'GANTRY-SIRI-V1';
export const SIRI_PATH = '/gantry/siri';
export const SIRI_METHOD = 'POST';

/** Request headers of a signed Siri call (lowercase, as HTTP/2 and API Gateway deliver them). */
export const SIRI_HEADERS = {
  key: 'x-gantry-key',
  timestamp: 'x-gantry-timestamp',
  nonce: 'x-gantry-nonce',
  contentSha256: 'x-gantry-content-sha256',
  signature: 'x-gantry-signature',
} as const;

const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

export const bodySha256 = (body: string | Uint8Array): string => sha256(body);

/** A device secret: 64 lowercase hex characters (256 bits). */
export const newDeviceSecret = (): string => randomBytes(32).toString('hex');
export const DEVICE_SECRET_PATTERN = /^[0-9a-f]{64}$/;

/** Key ids are public (sent in a header); `dk_` + 20 base32-ish characters. */
export const newDeviceKeyId = (): string => `dk_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;
export const DEVICE_KEY_ID_PATTERN = /^dk_[A-Za-z0-9]{20}$/;

/** Nonces: what a Shortcut can make (a random number, a UUID) — 8 to 128 URL-safe characters. */
export const NONCE_PATTERN = /^[A-Za-z0-9._:+-]{8,128}$/;

export interface SignedParts {
  readonly method: string;
  readonly path: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly bodySha256: string;
}

export function canonicalString(parts: SignedParts): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.bodySha256.toLowerCase()].join('\n');
}

export function signCanonical(secret: string, canonical: string): string {
  const inner = sha256(`${secret}\ngantry-siri-inner\n${canonical}`);
  return sha256(`${secret}\ngantry-siri-outer\n${inner}`);
}

export function sign(secret: string, parts: SignedParts): string {
  return signCanonical(secret, canonicalString(parts));
}

/** Constant-time check of a presented signature (hex, any case). */
export function signatureMatches(secret: string, parts: SignedParts, presented: string): boolean {
  return safeEqual(sign(secret, parts), presented.trim().toLowerCase());
}

/**
 * A timestamp as Shortcuts or scripts send it: Unix seconds (`1714567890`) or ISO 8601 with an
 * offset (`2024-05-01T12:34:56+02:00`, what Shortcuts' Format Date → ISO 8601 gives).
 * Returns epoch milliseconds, or null when it is neither.
 */
export function parseTimestamp(value: string): number | null {
  const text = value.trim();
  if (/^\d{9,11}$/.test(text)) return Number(text) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Whether `timestampMs` is within ±`toleranceSeconds` of `nowMs`. */
export const withinWindow = (timestampMs: number, nowMs: number, toleranceSeconds: number): boolean =>
  Math.abs(nowMs - timestampMs) <= toleranceSeconds * 1000;

/** Everything a client needs to send one signed request (used by `gantry siri-sign` and tests). */
export function signRequest(input: {
  keyId: string;
  secret: string;
  body: string;
  timestamp?: string;
  nonce?: string;
  path?: string;
}): Record<string, string> {
  const timestamp = input.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const contentSha256 = bodySha256(input.body);
  const signature = sign(input.secret, {
    method: SIRI_METHOD,
    path: input.path ?? SIRI_PATH,
    timestamp,
    nonce,
    bodySha256: contentSha256,
  });
  return {
    [SIRI_HEADERS.key]: input.keyId,
    [SIRI_HEADERS.timestamp]: timestamp,
    [SIRI_HEADERS.nonce]: nonce,
    [SIRI_HEADERS.contentSha256]: contentSha256,
    [SIRI_HEADERS.signature]: signature,
  };
}
