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
 * - header-signed requests (the SDK's own GetObject, HeadObject, PutObject): the same canonical
 *   request with the payload hash of `x-amz-content-sha256`, and a flexible checksum header
 *   (`x-amz-checksum-sha256`/`-crc32`) must match the body; a PUT with Object Lock parameters needs
 *   a bucket created with Object Lock and a Content-MD5 or checksum header, as S3 requires.
 *
 * Objects live in memory, one map per bucket. A missing key answers 404 NoSuchKey (S3 answers 403
 * unless the caller may list the bucket; IAM is not this server's business). What it cannot
 * prove: IAM (the signer's own permissions; see test/iam), bucket policies, retention enforcement,
 * KMS.
 */
export class S3SigningServer {
  /** The first bucket's objects. */
  readonly objects: Map<string, S3Object>;
  /** `METHOD key` of every request that was accepted, in order. */
  readonly accepted: string[] = [];
  /** S3 error codes answered, in order. */
  readonly refused: string[] = [];
  /** Called for every accepted request, with who signed it and how (e.g. to record it). */
  onAccepted: ((request: AcceptedS3Request) => void) | undefined;
  readonly bucket: string;
  private readonly buckets = new Map<string, Map<string, S3Object>>();
  private readonly objectLockBuckets: ReadonlySet<string>;
  private server: Server | null = null;
  /** Every object's Last-Modified (the server keeps no write times; nothing here depends on them). */
  private readonly started = new Date();

  constructor(
    bucket: string | readonly string[],
    private readonly secrets: Readonly<Record<string, string>>,
    private readonly now: () => Date = () => new Date(),
    options: { readonly objectLockBuckets?: readonly string[] } = {},
  ) {
    const names = typeof bucket === 'string' ? [bucket] : [...bucket];
    if (names.length === 0) throw new Error('S3SigningServer needs at least one bucket');
    for (const name of names) this.buckets.set(name, new Map());
    this.bucket = names[0] as string;
    this.objects = this.buckets.get(this.bucket) as Map<string, S3Object>;
    this.objectLockBuckets = new Set(options.objectLockBuckets ?? []);
  }

  /** The objects of one bucket. */
  bucketObjects(name: string): Map<string, S3Object> {
    const objects = this.buckets.get(name);
    if (!objects) throw new Error(`No bucket ${name}`);
    return objects;
  }

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

  object(key: string, bucket = this.bucket): string | undefined {
    return this.buckets.get(bucket)?.get(key)?.body.toString('utf8');
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
  private credential(
    value: string | undefined,
  ): { accessKeyId: string; secret: string; date: string; region: string; scope: string } | null {
    const parts = (value ?? '').split('/');
    const [akid, date, region, service, terminator] = parts;
    if (parts.length !== 5 || !akid || !date || !region || service !== 's3' || terminator !== 'aws4_request') return null;
    const secret = this.secrets[akid];
    return secret ? { accessKeyId: akid, secret, date, region, scope: `${date}/${region}/s3/aws4_request` } : null;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string | Buffer; headers?: Record<string, string> }> {
    const rawUrl = req.url ?? '/';
    const [rawPath = '/', rawQuery = ''] = rawUrl.split('?', 2);
    const segments = rawPath.split('/').slice(1);
    const bucket = decodeURIComponent(segments[0] ?? '');
    const objects = this.buckets.get(bucket);
    if (!objects) return this.error(404, 'NoSuchBucket');
    const key = segments.slice(1).map(decodeURIComponent).join('/');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);

    if (req.method === 'POST' && key === '') return this.postObject(req, body, bucket, objects);
    const signer = this.checkQuerySignature(req, rawPath, rawQuery, body);
    if ('status' in signer) return signer;
    if (!key) {
      const query = new URLSearchParams(rawQuery);
      if (req.method !== 'GET' || query.get('list-type') !== '2') return this.error(400, 'InvalidRequest');
      this.onAccepted?.({
        method: 'LIST',
        bucket,
        key: query.get('prefix') ?? '',
        accessKeyId: signer.accessKeyId,
        auth: signer.auth,
      });
      return this.listObjectsV2(bucket, objects, query);
    }
    const accept = (method: string): void => {
      this.accepted.push(`${method} ${key}`);
      this.onAccepted?.({ method, bucket, key, accessKeyId: signer.accessKeyId, auth: signer.auth });
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      const object = objects.get(key);
      if (!object) return req.method === 'HEAD' ? { status: 404, body: '' } : this.error(404, 'NoSuchKey');
      accept(req.method);
      const headers = {
        'content-type': object.type ?? 'application/octet-stream',
        etag: `"${createHash('md5').update(object.body).digest('hex')}"`,
        'last-modified': this.started.toUTCString(),
      };
      // HEAD: the headers of a GET, the length of the object, no body.
      if (req.method === 'HEAD')
        return { status: 200, body: '', headers: { ...headers, 'content-length': String(object.body.length) } };
      return { status: 200, body: object.body, headers };
    }
    if (req.method === 'PUT') {
      const lock = req.headers['x-amz-object-lock-mode'] ?? req.headers['x-amz-object-lock-retain-until-date'];
      if (lock !== undefined) {
        if (!this.objectLockBuckets.has(bucket))
          return this.error(400, 'InvalidRequest', 'Bucket is missing Object Lock Configuration');
        if (!req.headers['content-md5'] && !Object.keys(req.headers).some((h) => h.startsWith('x-amz-checksum-')))
          return this.error(
            400,
            'InvalidRequest',
            'Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters',
          );
      }
      const checksum = req.headers['x-amz-checksum-sha256'];
      if (checksum !== undefined && createHash('sha256').update(body).digest('base64') !== checksum)
        return this.error(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
      objects.set(key, {
        body,
        type: req.headers['content-type'],
        ...(lock !== undefined
          ? {
              retention: {
                mode: String(req.headers['x-amz-object-lock-mode'] ?? ''),
                until: String(req.headers['x-amz-object-lock-retain-until-date'] ?? ''),
              },
            }
          : {}),
      });
      accept('PUT');
      return { status: 200, body: '', headers: { etag: `"${createHash('md5').update(body).digest('hex')}"` } };
    }
    if (req.method === 'DELETE') {
      // A versioned (Object Lock) bucket would keep the object under a delete marker; not modelled here.
      if (this.objectLockBuckets.has(bucket)) return this.error(501, 'NotImplemented', 'Deletes in a versioned bucket');
      objects.delete(key);
      accept('DELETE');
      // S3 answers 204 whether or not the key existed.
      return { status: 204, body: '' };
    }
    return this.error(405, 'MethodNotAllowed');
  }

  /** Checks the request's signature; answers the S3 error, or who signed it and how. */
  private checkQuerySignature(
    req: IncomingMessage,
    rawPath: string,
    rawQuery: string,
    body: Buffer,
  ): ReturnType<S3SigningServer['error']> | { accessKeyId: string; auth: 'header' | 'query' } {
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
    const checksum = query.get('x-amz-checksum-crc32') ?? (req.headers['x-amz-checksum-crc32'] as string | undefined);
    if (checksum !== undefined) {
      const actual = Buffer.alloc(4);
      actual.writeUInt32BE(crc32(body));
      if (actual.toString('base64') !== checksum) return this.error(400, 'BadDigest');
    }
    return { accessKeyId: credential.accessKeyId, auth: header ? 'header' : 'query' };
  }

  /** ListObjectsV2: keys in UTF-8 binary order after the continuation token, at most max-keys (≤ 1000). */
  private listObjectsV2(bucket: string, objects: Map<string, S3Object>, query: URLSearchParams) {
    const prefix = query.get('prefix') ?? '';
    const maxKeys = Math.min(1000, Number(query.get('max-keys') ?? 1000));
    if (!Number.isInteger(maxKeys) || maxKeys < 0) return this.error(400, 'InvalidArgument');
    const token = query.get('continuation-token');
    const after = token !== null ? Buffer.from(token, 'base64').toString('utf8') : (query.get('start-after') ?? '');
    const keys = [...objects.keys()]
      .filter((k) => k.startsWith(prefix) && Buffer.compare(Buffer.from(k), Buffer.from(after)) > 0)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const page = keys.slice(0, maxKeys);
    const truncated = keys.length > page.length;
    const xml = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const contents = page
      .map((k) => {
        const o = objects.get(k) as S3Object;
        return `<Contents><Key>${xml(k)}</Key><LastModified>${this.started.toISOString()}</LastModified><ETag>"${createHash('md5').update(o.body).digest('hex')}"</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join('');
    const next = truncated
      ? `<NextContinuationToken>${Buffer.from(page.at(-1) ?? '').toString('base64')}</NextContinuationToken>`
      : '';
    const body = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xml(bucket)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`;
    return { status: 200, body, headers: { 'content-type': 'application/xml' } };
  }

  private async postObject(req: IncomingMessage, body: Buffer, bucket: string, objects: Map<string, S3Object>) {
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
    values.set('bucket', bucket);
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
    objects.set(key, { body: Buffer.from(await file.arrayBuffer()), type: fields.get('content-type') });
    this.accepted.push(`POST ${key}`);
    this.onAccepted?.({ method: 'POST', bucket, key, accessKeyId: credential.accessKeyId, auth: 'post-policy' });
    return { status: 204, body: '' };
  }
}

export interface S3Object {
  readonly body: Buffer;
  readonly type: string | undefined;
  /** Object Lock parameters it was written with. */
  readonly retention?: { readonly mode: string; readonly until: string };
}

/** One request the server accepted: its object, who signed it (access key id) and how. */
export interface AcceptedS3Request {
  /** GET, HEAD, PUT, POST (a form upload), DELETE or LIST (ListObjectsV2; `key` is the prefix). */
  readonly method: string;
  readonly bucket: string;
  readonly key: string;
  readonly accessKeyId: string;
  /** `header`: the SDK's Authorization header; `query`: a presigned URL; `post-policy`: a presigned POST form. */
  readonly auth: 'header' | 'query' | 'post-policy';
}

/** SigV4's URI encoding: everything but unreserved characters, upper-case hex. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
