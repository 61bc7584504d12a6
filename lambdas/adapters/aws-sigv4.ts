import { createHmac, hash } from 'node:crypto';

/** An IAM role session's credentials, as Lambda hands them to a function. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Raised when no credentials are in the environment (outside Lambda, without a role session). */
export class MissingCredentialsError extends Error {
  readonly code = 'AWS_CREDENTIALS_MISSING';
  constructor() {
    super('AWS credentials are missing: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set');
    this.name = 'MissingCredentialsError';
  }
}

/**
 * The role credentials Lambda puts in a function's environment. Read on every request, not once:
 * the variables are the source of truth for the execution environment's current session.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new MissingCredentialsError();
  const sessionToken = env.AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Hex SHA-256, one call (no hash object made and dropped per digest: each request signs two). */
export const sha256Hex = (data: string | Uint8Array): string => hash('sha256', data, 'hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding, the only encoding SigV4 accepts (encodeURIComponent leaves `!'()*`). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical path of a request to a service other than S3: each segment of the path as sent
 * (already percent-encoded) is encoded once more. S3 signs the path as sent.
 */
export function doubleEncodedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

/** `20260102T030405Z`: the timestamp format of `X-Amz-Date`. */
export function amzDate(at: Date): string {
  // A request asks for it several times, and requests come many to a second: keep the last.
  const second = Math.floor(at.getTime() / 1000);
  if (second === lastAmzDate.second) return lastAmzDate.text;
  const text = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  lastAmzDate = { second, text };
  return text;
}
let lastAmzDate = { second: NaN, text: '' };

/** Where a signature is valid: the day, region and service it was derived for. */
export interface SigningScope {
  readonly region: string;
  readonly service: string;
  readonly at: Date;
}

const scopeOf = (s: SigningScope): string => `${amzDate(s.at).slice(0, 8)}/${s.region}/${s.service}/aws4_request`;

/**
 * Signing keys derived, by secret and scope: one holds for a whole day of one region and service.
 * A function calls several services in turn (the store, the WebSocket push, object storage…), so
 * one remembered key would be derived again (four HMACs) at nearly every switch. Keys of another
 * day are dropped when the day changes; the map never holds more than one day's keys.
 */
const signingKeys = new Map<string, Buffer>();
let signingKeysDate = '';

/** The SigV4 signing key: HMAC chain over date, region and service, starting from the secret. */
function signingKey(secret: string, s: SigningScope): Buffer {
  const date = amzDate(s.at).slice(0, 8);
  if (date !== signingKeysDate || signingKeys.size >= 64) {
    signingKeys.clear();
    signingKeysDate = date;
  }
  const id = `${secret}\n${s.region}\n${s.service}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), s.region), s.service), 'aws4_request');
    signingKeys.set(id, key);
  }
  return key;
}

/** `<access key id>/<date>/<region>/<service>/aws4_request`, the credential scope of a request or POST policy. */
export function credentialOf(credentials: AwsCredentials, scope: SigningScope): string {
  return `${credentials.accessKeyId}/${scopeOf(scope)}`;
}

/** Signs an arbitrary string (a POST policy, for one) with the scope's signing key; hex. */
export function signString(credentials: AwsCredentials, scope: SigningScope, text: string): string {
  return createHmac('sha256', signingKey(credentials.secretAccessKey, scope)).update(text, 'utf8').digest('hex');
}

/** A request to sign: the path as it goes on the wire (already encoded), the query decoded. */
export interface CanonicalInput {
  readonly method: string;
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Header names in lower case; each is signed. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  readonly payloadHash: string;
}

function canonicalQuery(query: CanonicalInput['query']): string {
  if (query.length === 0) return '';
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Leading and trailing spaces go and inner runs of them become one; most values have none. */
const SPACES_TO_TRIM = /^\s|\s$|\s\s|[\t\n\r\v\f]/;
const canonicalValue = (value: string): string => (SPACES_TO_TRIM.test(value) ? value.trim().replace(/\s+/g, ' ') : value);

/** Signature over the canonical request (AWS Signature Version 4), and the signed header list. */
function signRequest(
  credentials: AwsCredentials,
  scope: SigningScope,
  input: CanonicalInput,
): { signature: string; signedHeaders: string } {
  const names = Object.keys(input.headers).sort();
  let canonicalHeaders = '';
  for (const n of names) canonicalHeaders += `${n}:${canonicalValue(String(input.headers[n]))}\n`;
  const signedHeaders = names.join(';');
  const canonicalRequest = `${input.method}\n${input.path}\n${canonicalQuery(input.query)}\n${canonicalHeaders}\n${signedHeaders}\n${input.payloadHash}`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate(scope.at)}\n${scopeOf(scope)}\n${sha256Hex(canonicalRequest)}`;
  return { signature: signString(credentials, scope, stringToSign), signedHeaders };
}

/**
 * Header authentication: returns the headers to send (the given ones, `x-amz-date`,
 * `x-amz-security-token` and `authorization`). `headers` must hold `host` and every header the
 * request sends that should be covered.
 */
export function signedHeaders(credentials: AwsCredentials, scope: SigningScope, input: CanonicalInput): Record<string, string> {
  const headers: Record<string, string> = { ...input.headers, 'x-amz-date': amzDate(scope.at) };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const { signature, signedHeaders: names } = signRequest(credentials, scope, { ...input, headers });
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentialOf(credentials, scope)}, SignedHeaders=${names}, Signature=${signature}`;
  return headers;
}

/**
 * Query authentication (a presigned URL): returns the query to append, signature included. The
 * payload is unsigned; the signed headers (`host` and whatever else is given) must be sent as signed.
 */
export function presignedQuery(
  credentials: AwsCredentials,
  scope: SigningScope,
  input: Omit<CanonicalInput, 'payloadHash'>,
  expiresInSeconds: number,
): Array<[string, string]> {
  const query: Array<[string, string]> = [
    ...input.query.map(([k, v]) => [k, v] as [string, string]),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', credentialOf(credentials, scope)],
    ['X-Amz-Date', amzDate(scope.at)],
    ['X-Amz-Expires', String(expiresInSeconds)],
    ['X-Amz-SignedHeaders', Object.keys(input.headers).sort().join(';')],
  ];
  if (credentials.sessionToken) query.push(['X-Amz-Security-Token', credentials.sessionToken]);
  const { signature } = signRequest(credentials, scope, { ...input, query, payloadHash: 'UNSIGNED-PAYLOAD' });
  query.push(['X-Amz-Signature', signature]);
  return query;
}

/** A query list as a URL's search string (`?a=b&c=d`), encoded as it was signed. */
export function queryString(query: ReadonlyArray<readonly [string, string]>): string {
  return query.length ? `?${query.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&')}` : '';
}
