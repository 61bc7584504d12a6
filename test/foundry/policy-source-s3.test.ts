import { SignedS3Client } from '../../lambdas/adapters/s3-client';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { PolicyPublisher } from '../../lambdas/adapters/policy-publisher';
import { POLICY_ITEM_KEY, TablePolicySource } from '../../lambdas/adapters/policy-table';
import { loadPolicyFile, PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { MemoryDocumentClient } from '../helpers/memory-document-client';

/**
 * The operator's policy override on AWS: an upload of config/policy.yaml is validated once by the
 * policy publisher (the real S3 client against a minimal S3 endpoint: path-style GetObject with
 * ETag, NoSuchKey → 404) and stored in the table, where each function's policy source finds it
 * with a short cache. Functions parse no YAML and need no S3 client to follow the policy.
 *
 * The endpoint (path-style GetObject with ETag,
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
const itemId = JSON.stringify(['gantry', POLICY_ITEM_KEY.PK, POLICY_ITEM_KEY.SK]);

let bucket: PolicyBucket;
let s3: SignedS3Client;
let table: MemoryDocumentClient;
let publisher: PolicyPublisher;
let now = 0;
let source: TablePolicySource;
beforeAll(async () => {
  bucket = new PolicyBucket();
  const endpoint = await bucket.start();
  s3 = new SignedS3Client({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  table = new MemoryDocumentClient();
  publisher = new PolicyPublisher(s3, 'artifacts', 'config/policy.yaml', table, 'gantry');
  source = new TablePolicySource(table, 'gantry', bundled, 30_000, () => now);
});
afterAll(() => {
  bucket.stop();
});

test('with no object uploaded nothing is published and the bundled policy is in force', async () => {
  expect(await publisher.publish()).toEqual({ outcome: 'withdrawn' });
  expect(bucket.requests.at(-1)).toMatchObject({ status: 404 });
  expect((await source.refresh()).hash).toBe(bundled.hash);
  expect(table.commands.filter((c) => c === 'Get')).toHaveLength(1);
});

test('a published upload is picked up once the cache expires, with one table read per period', async () => {
  const changed = shippedText.replace('max_attempts: 3', 'max_attempts: 2');
  expect(changed).not.toBe(shippedText);
  bucket.object = changed;
  const published = await publisher.publish();
  expect(published).toEqual({ outcome: 'published', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // Stored as validated JSON with the hash of the uploaded text, as a mission records it.
  expect(table.items.get(itemId)).toMatchObject({
    policy: { mission: { max_attempts: 2 } },
    source_etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
  });
  const seen: string[] = [];
  source.onChange((p) => seen.push(p.hash));
  now += 10_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
  now += 30_000;
  const reloaded = await source.refresh();
  expect(reloaded.policy.mission.max_attempts).toBe(2);
  expect(published).toMatchObject({ hash: reloaded.hash });
  expect(seen).toEqual([reloaded.hash]);
  now += 30_000;
  expect((await source.refresh()).hash).toBe(reloaded.hash);
  expect(seen).toHaveLength(1);
  expect(table.commands.filter((c) => c === 'Get')).toHaveLength(3);
});

test('an invalid upload is refused: recorded with its reason, the last good policy stays', async () => {
  const before = source.current().hash;
  bucket.object = 'version: 1\nbuilder: {}\n';
  const refused = await publisher.publish();
  expect(refused).toEqual({ outcome: 'refused', error: expect.stringMatching(/builder\./) });
  expect(table.items.get(itemId)).toMatchObject({ hash: before, last_error: expect.stringMatching(/builder\./) });
  now += 30_000;
  expect((await source.refresh()).hash).toBe(before);
  expect(source.lastError).toMatch(/builder\./);
  bucket.object = 'not: [valid yaml';
  expect(await publisher.publish()).toEqual({ outcome: 'refused', error: expect.stringMatching(/not valid YAML/) });
  bucket.object = shippedText;
  expect(await publisher.publish()).toEqual({ outcome: 'published', hash: bundled.hash });
  expect(table.items.get(itemId)).not.toHaveProperty('last_error');
  now += 30_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
  expect(source.lastError).toBeNull();
});

test('a stored policy that fails the schema is refused by the function too', async () => {
  const good = source.current().hash;
  table.items.set(itemId, { ...POLICY_ITEM_KEY, hash: 'f'.repeat(64), policy: { version: 1 } });
  now += 30_000;
  expect((await source.refresh()).hash).toBe(good);
  expect(source.lastError).toMatch(/^policy\.yaml: builder: /);
});

test('a deleted override is withdrawn: the bundled policy governs again', async () => {
  bucket.object = shippedText.replace('max_attempts: 3', 'max_attempts: 4');
  await publisher.publish();
  now += 30_000;
  expect((await source.refresh()).policy.mission.max_attempts).toBe(4);
  bucket.object = null;
  expect(await publisher.publish()).toEqual({ outcome: 'withdrawn' });
  now += 30_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
});

test('concurrent refreshes share one read; an unreachable table keeps the policy in force', async () => {
  now += 30_000;
  const count = table.commands.length;
  await Promise.all([source.refresh(), source.refresh(), source.refresh()]);
  expect(table.commands.length).toBe(count + 1);
  table.failWith = new Error('connect ECONNREFUSED');
  now += 30_000;
  expect((await source.refresh()).hash).toBe(bundled.hash);
  table.failWith = null;
});
