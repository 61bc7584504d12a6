import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { crc32 } from 'node:zlib';

/**
 * A path-style S3 endpoint that checks what real S3 checks on presigned requests, written from
 * the S3 SigV4 documentation (not with the SDK's signer, so it can disagree with it):
 *
 * - query-string SigV4 (GET/PUT): canonical request over the method, the exact path, every query
 *   parameter but the signature, the signed headers and UNSIGNED-PAYLOAD; X-Amz-Expires; a flexible
 *   checksum in the query must match the body (BadDigest);
 * - POST form uploads: the policy's signature, its expiration and every condition (exact fields,
 *   `starts-with`, `content-length-range`), and that every form field is covered by a condition.
 *
 * Objects live in memory. A missing key answers 404 NoSuchKey. What it cannot prove: IAM (the
 * signer's own permissions; see test/iam), bucket policies, Object Lock, KMS.
 */
export class S3SigningServer {
  readonly objects = new Map<string, { body: Buffer; type: string | undefined }>();
  /** `METHOD key` of every request that was accepted, in order. */
  readonly accepted: string[] = [];
  /** S3 error codes answered, in order. */
  readonly refused: string[] = [];
  private server: Server | null = null;

  constructor(
    readonly bucket: string,
    private readonly secrets: Readonly<Record<string, string>>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
          res.end(body);
        },
        (err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  object(key: string): string | undefined {
    return this.objects.get(key)?.body.toString('utf8');
  }

  private error(status: number, code: string, message = code) {
    this.refused.push(code);
    return {
      status,
      body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      headers: { 'content-type': 'application/xml' },
    };
  }

  private signingKey(secret: string, date: string, region: string): Buffer {
    const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
    return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
  }

  /** Parses `AKID/yyyymmdd/region/s3/aws4_request` and finds the secret. */
  private credential(value: string | undefined): { secret: string; date: string; region: string; scope: string } | null {
    const parts = (value ?? '').split('/');
    const [akid, date, region, service, terminator] = parts;
    if (parts.length !== 5 || !akid || !date || !region || service !== 's3' || terminator !== 'aws4_request') return null;
    const secret = this.secrets[akid];
    return secret ? { secret, date, region, scope: `${date}/${region}/s3/aws4_request` } : null;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string | Buffer; headers?: Record<string, string> }> {
    const rawUrl = req.url ?? '/';
    const [rawPath = '/', rawQuery = ''] = rawUrl.split('?', 2);
    const segments = rawPath.split('/').slice(1);
    if (segments[0] !== this.bucket) return this.error(404, 'NoSuchBucket');
    const key = segments.slice(1).map(decodeURIComponent).join('/');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);

    if (req.method === 'POST' && key === '') return this.postObject(req, body);
    if (!key) return this.error(400, 'InvalidRequest');
    const denied = this.checkQuerySignature(req, rawPath, rawQuery, body);
    if (denied) return denied;
    if (req.method === 'GET') {
      const object = this.objects.get(key);
      if (!object) return this.error(404, 'NoSuchKey');
      this.accepted.push(`GET ${key}`);
      return { status: 200, body: object.body, headers: { 'content-type': object.type ?? 'application/octet-stream' } };
    }
    if (req.method === 'PUT') {
      this.objects.set(key, { body, type: req.headers['content-type'] });
      this.accepted.push(`PUT ${key}`);
      return { status: 200, body: '', headers: { etag: `"${createHash('md5').update(body).digest('hex')}"` } };
    }
    return this.error(405, 'MethodNotAllowed');
  }

  private checkQuerySignature(req: IncomingMessage, rawPath: string, rawQuery: string, body: Buffer) {
    const pairs = rawQuery
      .split('&')
      .filter((p) => p.length > 0)
      .map((p) => {
        const [k = '', v = ''] = p.split('=', 2);
        return [decodeURIComponent(k), decodeURIComponent(v.replace(/\+/g, '%20'))] as const;
      });
    const query = new Map(pairs);
    // Header authentication (the functions' own SDK calls) or query authentication (presigned).
    const header = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!header && query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
      return this.error(403, 'AccessDenied', 'Anonymous requests are not served');
    const credential = this.credential(header ? header[1] : query.get('X-Amz-Credential'));
    if (!credential) return this.error(403, 'InvalidAccessKeyId');
    const amzDate = header ? String(req.headers['x-amz-date'] ?? '') : (query.get('X-Amz-Date') ?? '');
    const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!Number.isFinite(signedAt)) return this.error(403, 'AccessDenied', 'no valid X-Amz-Date');
    if (!header) {
      const expires = Number(query.get('X-Amz-Expires'));
      if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
        return this.error(400, 'AuthorizationQueryParametersError');
      if (this.now().getTime() > signedAt + expires * 1000) return this.error(403, 'AccessDenied', 'Request has expired');
    }
    let payloadHash = 'UNSIGNED-PAYLOAD';
    if (header) {
      payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex'))
        return this.error(400, 'XAmzContentSHA256Mismatch');
    }

    const signedHeaders = (header ? (header[2] ?? '') : (query.get('X-Amz-SignedHeaders') ?? '')).split(';');
    if (!signedHeaders.includes('host')) return this.error(400, 'AuthorizationQueryParametersError');
    const canonicalHeaders = signedHeaders
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonicalQuery = pairs
      .filter(([k]) => k !== 'X-Amz-Signature')
      .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const canonicalRequest = [req.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join(
      '\n',
    );
    const stringToSign = [
      'AWS4-HMAC-SHA256',
      amzDate,
      credential.scope,
      createHash('sha256').update(canonicalRequest).digest('hex'),
    ].join('\n');
    const expected = createHmac('sha256', this.signingKey(credential.secret, credential.date, credential.region))
      .update(stringToSign)
      .digest('hex');
    const given = header ? (header[3] ?? '') : (query.get('X-Amz-Signature') ?? '');
    if (!sameHex(expected, given)) return this.error(403, 'SignatureDoesNotMatch');
    const checksum = query.get('x-amz-checksum-crc32');
    if (checksum !== undefined) {
      const actual = Buffer.alloc(4);
      actual.writeUInt32BE(crc32(body));
      if (actual.toString('base64') !== checksum) return this.error(400, 'BadDigest');
    }
    return null;
  }

  private async postObject(req: IncomingMessage, body: Buffer) {
    const form = await new Request('http://s3.local/', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      body,
    })
      .formData()
      .catch(() => null);
    if (!form) return this.error(400, 'MalformedPOSTRequest');
    const fields = new Map<string, string>();
    let file: Blob | null = null;
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields.set(name.toLowerCase(), value);
      else if (name === 'file') file = value;
    }
    if (!file) return this.error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    const policyBase64 = fields.get('policy') ?? '';
    const credential = this.credential(fields.get('x-amz-credential'));
    if (!credential || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') return this.error(403, 'InvalidAccessKeyId');
    const expected = createHmac('sha256', this.signingKey(credential.secret, credential.date, credential.region))
      .update(policyBase64)
      .digest('hex');
    if (!sameHex(expected, fields.get('x-amz-signature') ?? '')) return this.error(403, 'SignatureDoesNotMatch');
    const policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8')) as {
      expiration: string;
      conditions: Array<Record<string, string> | [string, string, string | number]>;
    };
    if (this.now().getTime() > Date.parse(policy.expiration))
      return this.error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

    const size = (await file.arrayBuffer()).byteLength;
    const values = new Map(fields);
    values.set('bucket', this.bucket);
    const covered = new Set<string>(['policy', 'x-amz-signature', 'file']);
    for (const condition of policy.conditions) {
      let ok: boolean;
      if (Array.isArray(condition)) {
        const [op, field, value] = condition;
        if (op === 'content-length-range') {
          ok = size >= Number(field) && size <= Number(value);
        } else {
          const name = String(field).replace(/^\$/, '').toLowerCase();
          covered.add(name);
          const actual = values.get(name);
          ok =
            actual !== undefined && (op === 'eq' ? actual === value : op === 'starts-with' && actual.startsWith(String(value)));
        }
      } else {
        const [[field, value] = ['', '']] = Object.entries(condition);
        covered.add(field.toLowerCase());
        ok = values.get(field.toLowerCase()) === value;
      }
      if (!ok)
        return this.error(
          403,
          'AccessDenied',
          `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`,
        );
    }
    for (const name of fields.keys()) {
      if (!covered.has(name) && !name.startsWith('x-ignore-'))
        return this.error(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
    }
    const key = fields.get('key') ?? '';
    if (!key) return this.error(400, 'InvalidArgument');
    this.objects.set(key, { body: Buffer.from(await file.arrayBuffer()), type: fields.get('content-type') });
    this.accepted.push(`POST ${key}`);
    return { status: 204, body: '' };
  }
}

/** SigV4's URI encoding: everything but unreserved characters, upper-case hex. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
