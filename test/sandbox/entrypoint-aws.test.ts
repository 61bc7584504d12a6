import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { BuildResultSchema } from '../../lambdas/domain/build-result';
import { manifestKey, limitsKey, outputKey, resultKey, buildLogKey } from '../../builder-image/src/artifact-keys';
import { parseBuilderMessage } from '../../builder-image/src/protocol';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs } from './sandbox-fixtures';

/**
 * The builder's AWS mode against a minimal path-style S3 endpoint: the real S3 client talks to it
 * over HTTP. It proves the key layout, the upload order and the exit codes; it cannot prove IAM
 * permissions, Object Lock or KMS behaviour.
 */
class TinyS3 {
  readonly objects = new Map<string, { body: Buffer; type: string | undefined }>();
  readonly puts: string[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): void {
    this.server?.close();
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string | Buffer; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [, bucket, ...rest] = decodeURIComponent(url.pathname).split('/');
    const key = rest.join('/');
    if (bucket !== 'artifacts' || !key) return { status: 400, body: '<Error><Code>InvalidRequest</Code></Error>' };
    if (req.method === 'PUT') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      this.objects.set(key, { body: Buffer.concat(chunks), type: req.headers['content-type'] });
      this.puts.push(key);
      return { status: 200, body: '', headers: { etag: '"0"' } };
    }
    if (req.method === 'GET') {
      const object = this.objects.get(key);
      if (!object) {
        return {
          status: 404,
          body: `<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>no ${key}</Message></Error>`,
          headers: { 'content-type': 'application/xml' },
        };
      }
      return { status: 200, body: object.body, headers: { 'content-type': object.type ?? 'application/octet-stream' } };
    }
    return { status: 405, body: '' };
  }
}

function runEntrypoint(endpoint: string, attempt: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(process.cwd(), 'builder-image', 'src', 'entrypoint.ts')], {
    env: {
      PATH: process.env.PATH,
      HOME: openTempDir('gantry-home-'),
      GANTRY_BUILDER_MODE: 'aws',
      GANTRY_ARTIFACT_BUCKET: 'artifacts',
      GANTRY_TENANT_ID: 't1',
      GANTRY_MISSION_ID: 'm1',
      GANTRY_ATTEMPT: String(attempt),
      GANTRY_WORK_DIR: openTempDir('gantry-work-'),
      GANTRY_S3_FORCE_PATH_STYLE: 'true',
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('builder entrypoint, aws mode', () => {
  const s3 = new TinyS3();
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await s3.start();
  });
  afterAll(() => {
    s3.stop();
    removeTempDirs();
  });

  it('reads the attempt from S3, builds, and uploads log, output and finally result.json', async () => {
    s3.objects.set(manifestKey('t1', 'm1', 1), { body: Buffer.from(JSON.stringify(appManifest())), type: 'application/json' });
    s3.objects.set(limitsKey('t1', 'm1', 1), {
      body: Buffer.from(JSON.stringify({ ...BUILDER_LIMITS, concurrency: 3 })),
      type: 'application/json',
    });
    const run = await runEntrypoint(endpoint, 1);
    // (stderr in the comparison only so a failure shows it; the SDK may print a runtime notice there)
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });

    expect(s3.puts).toEqual([buildLogKey('t1', 'm1', 1), outputKey('t1', 'm1', 1, 'index.html'), resultKey('t1', 'm1', 1)]);
    const result = BuildResultSchema.parse(JSON.parse(s3.objects.get(resultKey('t1', 'm1', 1))?.body.toString() ?? ''));
    expect(result.ok).toBe(true);
    expect(result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(s3.objects.get(outputKey('t1', 'm1', 1, 'index.html'))).toEqual({
      body: Buffer.from('<h1>tiny</h1>'),
      type: 'text/html; charset=utf-8',
    });
    expect(s3.objects.get(buildLogKey('t1', 'm1', 1))?.body.toString()).toContain('ok 1 - adds');

    const messages = run.stdout.trim().split('\n').map(parseBuilderMessage);
    expect(messages.every((m) => m !== null)).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: { ok: true } });
    expect(messages.filter((m) => m?.type === 'phase').map((m) => (m as { phase: string }).phase)).toEqual(['audit', 'build']);
  });

  it('still writes a result (and exits 0) when the manifest is missing', async () => {
    const run = await runEntrypoint(endpoint, 2);
    expect(run.code).toBe(0);
    const stored = JSON.parse(s3.objects.get(resultKey('t1', 'm1', 2))?.body.toString() ?? '{}') as {
      ok: boolean;
      end_reason: string;
      error?: string;
    };
    expect(stored.ok).toBe(false);
    expect(stored.end_reason).toBe('error');
    expect(stored.error).toMatch(/NoSuchKey/);
  });

  it('exits non-zero when it cannot write a result', async () => {
    const run = await runEntrypoint('http://127.0.0.1:9', 3);
    expect(run.code).not.toBe(0);
    expect(run.stdout.trim().split('\n').map(parseBuilderMessage).at(-1)).toMatchObject({ type: 'error' });
  });
});
