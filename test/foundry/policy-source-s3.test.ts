import { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { S3PolicySource } from '../../lambdas/adapters/policy-source';
import { loadPolicyFile, PROJECT_ROOT } from '../../lambdas/domain/policy';

/**
 * The AWS policy source against a minimal S3 endpoint (path-style GetObject with ETag,
 * If-None-Match → 304, NoSuchKey → 404): the real S3 client talks to it over HTTP. It shows the
 * caching and fallback logic on the wire; it cannot prove IAM (the CDK tests check the grant).
 */
class PolicyBucket {
  object: string | null = null;
  readonly requests: Array<{ key: string; ifNoneMatch: string | undefined; status: number }> = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const { status, body, headers } = this.handle(req);
      res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
      res.end(body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
  }

  stop(): void {
    this.server?.close();
  }

  private handle(req: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [, bucket, ...rest] = decodeURIComponent(url.pathname).split('/');
    const key = rest.join('/');
    const ifNoneMatch = req.headers['if-none-match'] as string | undefined;
    const reply = (status: number, body = '', headers: Record<string, string> = {}) => {
      this.requests.push({ key, ifNoneMatch, status });
      return { status, body, headers };
    };
    if (req.method !== 'GET' || bucket !== 'artifacts') return reply(400, '<Error><Code>InvalidRequest</Code></Error>');
    if (this.object === null || key !== 'config/policy.yaml') {
      return reply(404, '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>', {
        'content-type': 'application/xml',
      });
    }
    const etag = `"${createHash('md5').update(this.object).digest('hex')}"`;
    if (ifNoneMatch === etag) return reply(304, '', { etag });
    return reply(200, this.object, { etag, 'content-type': 'application/yaml' });
  }
}

const shippedText = readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8');
const bundled = loadPolicyFile(join(PROJECT_ROOT, 'policy.yaml'));

let bucket: PolicyBucket;
let s3: S3Client;
let now = 0;
let source: S3PolicySource;
beforeAll(async () => {
  bucket = new PolicyBucket();
  const endpoint = await bucket.start();
  s3 = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  source = new S3PolicySource(s3, 'artifacts', 'config/policy.yaml', bundled, 30_000, () => now);
});
afterAll(() => {
  s3.destroy();
  bucket.stop();
});

test('with no object uploaded the bundled policy is in force', async () => {
  expect((await source.refresh()).hash).toBe(bundled.hash);
  expect(bucket.requests.at(-1)).toMatchObject({ status: 404 });
});

test('an uploaded policy is picked up once the cache expires, then revalidated with If-None-Match', async () => {
  const changed = shippedText.replace('max_attempts: 3', 'max_attempts: 2');
  bucket.object = changed;
  const seen: string[] = [];
  source.onChange((p) => seen.push(p.hash));
  now += 10_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
  expect(bucket.requests).toHaveLength(1);
  now += 30_000;
  const reloaded = await source.refresh();
  expect(reloaded.policy.mission.max_attempts).toBe(2);
  expect(seen).toEqual([reloaded.hash]);
  now += 30_000;
  expect((await source.refresh()).hash).toBe(reloaded.hash);
  expect(bucket.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"[0-9a-f]{32}"$/) });
  expect(seen).toHaveLength(1);
});

test('an invalid upload is refused: the last good policy stays and the error is kept', async () => {
  const before = source.current().hash;
  bucket.object = 'version: 1\nbuilder: {}\n';
  now += 30_000;
  expect((await source.refresh()).hash).toBe(before);
  expect(source.lastError).toMatch(/builder\./);
  bucket.object = shippedText;
  now += 30_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
  expect(source.lastError).toBeNull();
});

test('concurrent refreshes share one request; an unreachable bucket keeps the policy in force', async () => {
  now += 30_000;
  const count = bucket.requests.length;
  await Promise.all([source.refresh(), source.refresh(), source.refresh()]);
  expect(bucket.requests.length).toBe(count + 1);
  bucket.stop();
  now += 30_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
});
