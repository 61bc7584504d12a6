import { createHash } from 'node:crypto';
import {
  amzDate,
  credentialOf,
  credentialsFromEnv,
  presignedQuery,
  queryString,
  sha256Hex,
  signedHeaders,
  signString,
  uriEncode,
  type AwsCredentials,
  type SigningScope,
} from './aws-sigv4';

/**
 * The S3 operations Gantry's functions use, as one small client signed with SigV4 by our own code
 * (aws-sigv4.ts). The SDK's S3 client carries every operation's schema, the flexible-checksum
 * and XML machinery: about 150 KB of each function's bundle for four calls.
 *
 * Every request goes through {@link SignedS3Client.send}, one operation with its SDK-named input,
 * so a test can observe the calls a function makes (the IAM check records them there).
 */

/** One request, named and shaped as in the S3 API (and the SDK), so its IAM action is plain. */
export type S3Command =
  | { readonly operation: 'GetObject'; readonly input: { readonly Bucket: string; readonly Key: string } }
  | { readonly operation: 'HeadObject'; readonly input: { readonly Bucket: string; readonly Key: string } }
  | {
      readonly operation: 'ListObjectsV2';
      readonly input: { readonly Bucket: string; readonly Prefix: string; readonly ContinuationToken?: string };
    }
  | {
      readonly operation: 'PutObject';
      readonly input: {
        readonly Bucket: string;
        readonly Key: string;
        readonly Body: Uint8Array | string;
        readonly ContentType?: string;
        /** `*`: refuse the write when the key exists (412). */
        readonly IfNoneMatch?: '*';
        readonly ObjectLockMode?: 'COMPLIANCE' | 'GOVERNANCE';
        readonly ObjectLockRetainUntilDate?: Date;
        /** Sends `x-amz-checksum-sha256` (S3 requires a checksum on a PUT with Object Lock parameters). */
        readonly ChecksumAlgorithm?: 'SHA256';
      };
    };

/** What S3 answered to a successful request. */
export interface S3Response {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

/**
 * An S3 error response. `name` is S3's error code (`NoSuchKey`, `AccessDenied`…; for a HEAD,
 * which has no body, `NotFound`/`Forbidden` from the status), as the SDK names its exceptions.
 */
export class S3Error extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(
    readonly Code: string,
    message: string,
    status: number,
  ) {
    super(message);
    this.name = Code;
    this.$metadata = { httpStatusCode: status };
  }
}

export interface SignedS3ClientOptions {
  readonly region: string;
  /**
   * An S3-compatible endpoint (path-style addressing), as `AWS_ENDPOINT_URL_S3` gives it.
   * @default `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` from the environment, else AWS's
   * virtual-hosted endpoint of the region
   */
  readonly endpoint?: string;
  /** @default the role credentials in the environment, read on every request */
  readonly credentials?: AwsCredentials | (() => AwsCredentials);
  readonly now?: () => Date;
}

/** Transient answers S3 asks a client to retry (throttling, internal errors). */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 3;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an XML element's content, entities decoded. */
function xmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e.toLowerCase()] ?? ''),
  );
}

const elements = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => xmlText(m[1] ?? ''));

export class SignedS3Client {
  constructor(private readonly options: SignedS3ClientOptions) {}

  private credentials(): AwsCredentials {
    const c = this.options.credentials;
    return typeof c === 'function' ? c() : (c ?? credentialsFromEnv());
  }

  private scope(): SigningScope {
    return { region: this.options.region, service: 's3', at: this.options.now?.() ?? new Date() };
  }

  /** The URL of a bucket (`key` omitted) or an object, and the path exactly as signed. */
  private locate(bucket: string, key?: string): URL {
    const endpoint = this.options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
    const objectPath = key === undefined ? '' : key.split('/').map(uriEncode).join('/');
    // An endpoint override is an S3-compatible server: path-style. Bucket names with dots do not
    // match the wildcard certificate of virtual-hosted names, so they go path-style too.
    if (endpoint || bucket.includes('.')) {
      const base = new URL(endpoint || `https://s3.${this.options.region}.amazonaws.com`);
      return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/${uriEncode(bucket)}/${objectPath}`);
    }
    return new URL(`https://${bucket}.s3.${this.options.region}.amazonaws.com/${objectPath}`);
  }

  /** Sends one operation, signed; throws {@link S3Error} on an error answer. */
  async send(command: S3Command): Promise<S3Response> {
    const url = this.locate(command.input.Bucket, command.operation === 'ListObjectsV2' ? undefined : command.input.Key);
    const query: Array<[string, string]> = [];
    let method = 'GET';
    let body: Buffer | undefined;
    const headers: Record<string, string> = {};
    switch (command.operation) {
      case 'HeadObject':
        method = 'HEAD';
        break;
      case 'ListObjectsV2':
        query.push(['list-type', '2'], ['prefix', command.input.Prefix]);
        if (command.input.ContinuationToken) query.push(['continuation-token', command.input.ContinuationToken]);
        break;
      case 'PutObject': {
        const p = command.input;
        method = 'PUT';
        body = typeof p.Body === 'string' ? Buffer.from(p.Body, 'utf8') : Buffer.from(p.Body);
        headers['content-type'] = p.ContentType ?? 'application/octet-stream';
        if (p.IfNoneMatch) headers['if-none-match'] = p.IfNoneMatch;
        if (p.ObjectLockMode) headers['x-amz-object-lock-mode'] = p.ObjectLockMode;
        if (p.ObjectLockRetainUntilDate)
          headers['x-amz-object-lock-retain-until-date'] = p.ObjectLockRetainUntilDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
        if (p.ChecksumAlgorithm === 'SHA256')
          headers['x-amz-checksum-sha256'] = createHash('sha256').update(body).digest('base64');
        break;
      }
    }
    const payloadHash = sha256Hex(body ?? '');
    for (let attempt = 1; ; attempt++) {
      const signed = signedHeaders(this.credentials(), this.scope(), {
        method,
        path: url.pathname,
        query,
        headers: { ...headers, host: url.host, 'x-amz-content-sha256': payloadHash },
        payloadHash,
      });
      // fetch sets Host from the URL (the value signed); it may not be passed as a header.
      const { host: _host, ...sent } = signed;
      let res: Response;
      try {
        res = await fetch(`${url.origin}${url.pathname}${queryString(query)}`, {
          method,
          headers: sent,
          ...(body ? { body } : {}),
        });
      } catch (err) {
        if (attempt < MAX_ATTEMPTS) {
          await backoff(attempt);
          continue;
        }
        throw err;
      }
      const bytes = Buffer.from(await res.arrayBuffer());
      if (res.ok) return { status: res.status, headers: res.headers, body: bytes };
      if (RETRYABLE.has(res.status) && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      throw errorOf(res.status, bytes.toString('utf8'), method);
    }
  }

  async getObject(bucket: string, key: string): Promise<{ body: Buffer; etag?: string }> {
    const res = await this.send({ operation: 'GetObject', input: { Bucket: bucket, Key: key } });
    const etag = res.headers.get('etag');
    return { body: res.body, ...(etag ? { etag } : {}) };
  }

  /** Whether the key exists (HEAD); a missing key is S3Error `NotFound`, as the SDK names it. */
  async headObject(bucket: string, key: string): Promise<void> {
    await this.send({ operation: 'HeadObject', input: { Bucket: bucket, Key: key } });
  }

  async putObject(input: Extract<S3Command, { operation: 'PutObject' }>['input']): Promise<void> {
    await this.send({ operation: 'PutObject', input });
  }

  /** Every key under the prefix, all pages. */
  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const res = await this.send({
        operation: 'ListObjectsV2',
        input: { Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) },
      });
      const xml = res.body.toString('utf8');
      for (const contents of xml.match(/<Contents>[\s\S]*?<\/Contents>/g) ?? []) keys.push(...elements(contents, 'Key'));
      token = elements(xml, 'IsTruncated')[0] === 'true' ? elements(xml, 'NextContinuationToken')[0] : undefined;
    } while (token);
    return keys;
  }

  /**
   * A presigned GET or PUT of one object, signed with the current credentials (query
   * authentication, unsigned payload). A PUT's content type is a signed header: an upload with
   * another type is refused.
   */
  presignedUrl(method: 'GET' | 'PUT', bucket: string, key: string, expiresInSeconds: number, contentType?: string): string {
    const url = this.locate(bucket, key);
    const headers: Record<string, string> = { host: url.host };
    if (contentType !== undefined) headers['content-type'] = contentType;
    const query = presignedQuery(
      this.credentials(),
      this.scope(),
      { method, path: url.pathname, query: [], headers },
      expiresInSeconds,
    );
    return `${url.origin}${url.pathname}${queryString(query)}`;
  }

  /**
   * A presigned POST form (browser-based upload, SigV4 POST policy). A key ending in
   * `${filename}` makes the policy admit any key under the part before it.
   */
  presignedPost(
    bucket: string,
    key: string,
    conditions: ReadonlyArray<readonly unknown[] | Readonly<Record<string, string>>>,
    expiresInSeconds: number,
  ): { url: string; fields: Record<string, string> } {
    const credentials = this.credentials();
    const scope = this.scope();
    const fields: Record<string, string> = {
      bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': credentialOf(credentials, scope),
      'X-Amz-Date': amzDate(scope.at),
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const placeholder = '${filename}';
    const policy = {
      expiration: new Date(scope.at.getTime() + expiresInSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      conditions: [
        ...conditions,
        ...Object.entries(fields).map(([k, v]) => ({ [k]: v })),
        key.endsWith(placeholder) ? ['starts-with', '$key', key.slice(0, -placeholder.length)] : { key },
      ],
    };
    const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
    const url = this.locate(bucket);
    return {
      url: `${url.origin}${url.pathname}`,
      fields: { ...fields, key, Policy: encoded, 'X-Amz-Signature': signString(credentials, scope, encoded) },
    };
  }
}

const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random())));

function errorOf(status: number, text: string, method: string): S3Error {
  const code = elements(text, 'Code')[0];
  const message = elements(text, 'Message')[0];
  if (code) return new S3Error(code, message || code, status);
  // HEAD answers carry no body; the SDK names them after the status.
  const name = status === 404 ? 'NotFound' : status === 403 ? 'Forbidden' : status === 412 ? 'PreconditionFailed' : 'S3Error';
  return new S3Error(name, `S3 answered ${method} with HTTP ${status}`, status);
}
