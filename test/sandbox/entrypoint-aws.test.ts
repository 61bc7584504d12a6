import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SignedS3Client } from '../../lambdas/adapters/s3-client';
import { LocalBuildJobIssuer, S3BuildJobIssuer } from '../../lambdas/adapters/build-job-issuer';
import { BuildResultSchema } from '../../lambdas/domain/build-result';
import { buildLogKey, jobKey, limitsKey, manifestKey, outputKey, resultKey } from '../../builder-image/src/artifact-keys';
import { BuildJobDocumentSchema, MAX_JOB_URL_BYTES, type BuildJobDocument } from '../../builder-image/src/build-job-document';
import { parseBuilderMessage } from '../../builder-image/src/protocol';
import { S3SigningServer } from '../helpers/s3-signing-server';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs } from './sandbox-fixtures';

/**
 * The builder's AWS mode with no AWS identity: the policy gate's issuer presigns the attempt's
 * URLs with the function's credentials (a long session token, as Lambda has), the builder uses
 * them over plain HTTP, and an S3 endpoint that verifies SigV4 and POST policies the way S3 does
 * serves them. It proves the key layout, the upload order, the exit codes and that each URL
 * reaches only its own key; it cannot prove IAM (test/iam does) or S3's exact error texts.
 */
const SESSION_TOKEN = `IQoJb3JpZ2luX2VjE${'x'.repeat(1100)}`;
const s3 = new S3SigningServer('artifacts', { ASIAGATEFUNCTION: 'gate-secret' });
let issuer: S3BuildJobIssuer;
let client: SignedS3Client;

function runEntrypoint(jobUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(process.cwd(), 'builder-image', 'src', 'entrypoint.ts')], {
    // Nothing of AWS: the job URL is the builder's only way in.
    env: {
      PATH: process.env.PATH,
      HOME: openTempDir('gantry-home-'),
      GANTRY_BUILDER_MODE: 'aws',
      GANTRY_JOB_URL: jobUrl,
      GANTRY_WORK_DIR: openTempDir('gantry-work-'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function seedAttempt(tenant: string, mission: string, attempt: number): void {
  s3.objects.set(manifestKey(tenant, mission, attempt), {
    body: Buffer.from(JSON.stringify(appManifest())),
    type: 'application/json',
  });
  s3.objects.set(limitsKey(tenant, mission, attempt), {
    body: Buffer.from(JSON.stringify({ ...BUILDER_LIMITS, concurrency: 3 })),
    type: 'application/json',
  });
}

const issue = (tenantId: string, missionId: string, attempt: number) =>
  issuer.issue({ tenantId, missionId, attempt, validSeconds: 300 });

const jobOf = (tenant: string, mission: string, attempt: number): BuildJobDocument =>
  BuildJobDocumentSchema.parse(JSON.parse(s3.object(jobKey(tenant, mission, attempt)) ?? '{}'));

beforeAll(async () => {
  const endpoint = await s3.start();
  client = new SignedS3Client({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'ASIAGATEFUNCTION', secretAccessKey: 'gate-secret', sessionToken: SESSION_TOKEN },
  });
  issuer = new S3BuildJobIssuer(client, 'artifacts');
});
afterAll(async () => {
  await s3.stop();
  removeTempDirs();
});

describe('builder entrypoint, aws mode, through presigned URLs only', () => {
  it('reads the attempt through its job, builds, and uploads log, output and finally result.json', async () => {
    seedAttempt('t1', 'm1', 1);
    const url = await issue('t1', 'm1', 1);
    const run = await runEntrypoint(url);
    // (stderr in the comparison only so a failure shows it)
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });

    expect(s3.accepted.filter((a) => !a.startsWith('GET'))).toEqual([
      `PUT ${jobKey('t1', 'm1', 1)}`,
      `PUT ${buildLogKey('t1', 'm1', 1)}`,
      `POST ${outputKey('t1', 'm1', 1, 'index.html')}`,
      `PUT ${resultKey('t1', 'm1', 1)}`,
    ]);
    const result = BuildResultSchema.parse(JSON.parse(s3.object(resultKey('t1', 'm1', 1)) ?? ''));
    expect(result.ok).toBe(true);
    expect(result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(s3.objects.get(outputKey('t1', 'm1', 1, 'index.html'))).toEqual({
      body: Buffer.from('<h1>tiny</h1>'),
      type: 'text/html; charset=utf-8',
    });
    expect(s3.object(buildLogKey('t1', 'm1', 1))).toContain('ok 1 - adds');

    const messages = run.stdout.trim().split('\n').map(parseBuilderMessage);
    expect(messages.every((m) => m !== null)).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: { ok: true } });
    expect(messages.filter((m) => m?.type === 'phase').map((m) => (m as { phase: string }).phase)).toEqual(['audit', 'build']);
  });

  it('still writes a result (and exits 0) when the manifest is missing', async () => {
    const run = await runEntrypoint(await issue('t1', 'm1', 2));
    expect(run.code).toBe(0);
    const stored = JSON.parse(s3.object(resultKey('t1', 'm1', 2)) ?? '{}') as { ok: boolean; end_reason: string; error?: string };
    expect(stored).toMatchObject({ ok: false, end_reason: 'error' });
    expect(stored.error).toMatch(/cannot read the manifest: HTTP 404 NoSuchKey/);
  });

  it('exits non-zero when it cannot reach its job', async () => {
    const run = await runEntrypoint('http://127.0.0.1:9/artifacts/job.json');
    expect(run.code).not.toBe(0);
    expect(run.stdout.trim().split('\n').map(parseBuilderMessage).at(-1)).toMatchObject({ type: 'error' });
  });

  it('refuses to start without a job URL (the task has nothing else to go on)', async () => {
    const run = await runEntrypoint('');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/invalid environment: GANTRY_JOB_URL/);
  });
});

describe('the attempt job: what its URLs reach', () => {
  let job: BuildJobDocument;
  beforeAll(async () => {
    seedAttempt('tenantA', 'm1', 1);
    seedAttempt('tenantB', 'm9', 1);
    s3.objects.set(resultKey('tenantB', 'm9', 1), { body: Buffer.from('{"secret":true}'), type: 'application/json' });
    await issue('tenantA', 'm1', 1);
    job = jobOf('tenantA', 'm1', 1);
  });

  it('fits into the RunTask overrides (8 KB) with a Lambda-sized session token', async () => {
    const url = await issue('tenantA', 'm1', 1);
    expect(url).toContain('X-Amz-Security-Token=');
    const overrides = JSON.stringify({
      containerOverrides: [
        {
          name: 'builder',
          environment: [
            { name: 'GANTRY_TENANT_ID', value: 'x'.repeat(128) },
            { name: 'GANTRY_MISSION_ID', value: 'x'.repeat(128) },
            { name: 'GANTRY_ATTEMPT', value: '9999' },
            { name: 'GANTRY_JOB_URL', value: url },
          ],
        },
      ],
    });
    expect(Buffer.byteLength(url)).toBeLessThanOrEqual(MAX_JOB_URL_BYTES);
    expect(Buffer.byteLength(overrides)).toBeLessThan(8192);
  });

  it('signs each URL for exactly its key and method, for the Build state only', () => {
    expect(new URL(job.inputs.manifest).pathname).toBe(`/artifacts/${manifestKey('tenantA', 'm1', 1)}`);
    expect(new URL(job.outputs.result.url).pathname).toBe(`/artifacts/${resultKey('tenantA', 'm1', 1)}`);
    expect(new URL(job.inputs.manifest).searchParams.get('X-Amz-Expires')).toBe('300');
    // No checksum of an empty body baked into the upload URL (it would refuse every real upload).
    expect(job.outputs.result.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    expect(new URL(job.outputs.result.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
  });

  it("tenant A's URLs cannot be pointed at tenant B's keys (signature mismatch)", async () => {
    const retarget = (url: string, key: string): string => {
      const u = new URL(url);
      u.pathname = `/artifacts/${key}`;
      return u.toString();
    };
    s3.refused.length = 0;
    const read = await fetch(retarget(job.inputs.manifest, resultKey('tenantB', 'm9', 1)));
    expect(read.status).toBe(403);
    expect(await read.text()).toContain('SignatureDoesNotMatch');
    const write = await fetch(retarget(job.outputs.result.url, resultKey('tenantB', 'm9', 1)), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(write.status).toBe(403);
    // Its own GET URL used to write, and its result URL used with another content type: refused too.
    expect((await fetch(job.inputs.manifest, { method: 'PUT', body: '{}' })).status).toBe(403);
    const otherType = await fetch(job.outputs.result.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: '<p>',
    });
    expect(otherType.status).toBe(403);
    expect(s3.refused).toEqual([
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
    ]);
    expect(s3.object(resultKey('tenantB', 'm9', 1))).toBe('{"secret":true}');
  });

  it('the output form takes keys under the attempt output/ prefix only', async () => {
    const post = (key: string, extra: Record<string, string> = {}) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(job.outputs.files.fields)) data.append(name, value);
      data.set('key', key);
      data.append('Content-Type', 'text/html');
      for (const [name, value] of Object.entries(extra)) data.append(name, value);
      data.append('file', new Blob(['<p>x</p>']), 'x.html');
      return fetch(job.outputs.files.url, { method: 'POST', body: data });
    };
    expect((await post(outputKey('tenantA', 'm1', 1, 'a/b.html'))).status).toBe(204);
    for (const key of [
      resultKey('tenantA', 'm1', 1),
      outputKey('tenantB', 'm9', 1, 'index.html'),
      outputKey('tenantA', 'm1', 2, 'index.html'),
    ]) {
      const response = await post(key);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Invalid according to Policy');
    }
    // A field the policy does not name (e.g. an ACL) is refused as well.
    expect((await post(outputKey('tenantA', 'm1', 1, 'c.html'), { acl: 'public-read' })).status).toBe(403);
    expect(s3.objects.has(outputKey('tenantB', 'm9', 1, 'index.html'))).toBe(false);
  });

  it('expired URLs are refused', async () => {
    const later = new S3SigningServer('artifacts', { ASIAGATEFUNCTION: 'gate-secret' }, () => new Date(Date.now() + 301_000));
    const endpoint = await later.start();
    try {
      const u = new URL(job.inputs.manifest);
      const response = await fetch(`${endpoint}${u.pathname}${u.search}`);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Request has expired');
    } finally {
      await later.stop();
    }
  });

  it('locally the value only names the attempt job (the sandbox reads its job folder)', async () => {
    await expect(
      new LocalBuildJobIssuer().issue({ tenantId: 't1', missionId: 'm1', attempt: 2, validSeconds: 300 }),
    ).resolves.toBe(`gantry-local:${jobKey('t1', 'm1', 2)}`);
  });
});
