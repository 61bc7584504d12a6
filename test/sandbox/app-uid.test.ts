import { spawn } from 'node:child_process';
import { chownSync } from 'node:fs';
import { SignedS3Client } from '../../lambdas/adapters/s3-client';
import { APP_UID, BUILDER_UID, builderLaunchArgv } from '../../builder-image/src/app-identity';
import { limitsKey, manifestKey, outputKey, resultKey } from '../../builder-image/src/artifact-keys';
import { parseBuilderMessage } from '../../builder-image/src/protocol';
import { S3BuildJobIssuer } from '../../lambdas/adapters/build-job-issuer';
import { BuildResultSchema } from '../../lambdas/domain/build-result';
import { ensureBuilderBundle } from '../../local/sandbox/builder-bundle';
import { S3SigningServer } from '../helpers/s3-signing-server';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs } from './sandbox-fixtures';

/**
 * The builder started the way the task definition starts it (root → setpriv → uid 1000 with four
 * ambient capabilities), with the variables ECS injects into a container, and an app whose test
 * script looks for them. Needs root, as the container's entry point does.
 */
const PROBE = `
const fs = require('node:fs');
const out = { uid: process.getuid(), gid: process.getgid(), env: Object.keys(process.env).filter((k) => /^(AWS_|ECS_)|GANTRY_JOB/.test(k)), builder: [] };
for (const entry of fs.readdirSync('/proc')) {
  if (!/^\\d+$/.test(entry)) continue;
  let status;
  try { status = fs.readFileSync('/proc/' + entry + '/status', 'utf8'); } catch { continue; }
  if (Number(/^Uid:\\s+(\\d+)/m.exec(status)[1]) !== ${BUILDER_UID}) continue;
  let environ;
  try { environ = fs.readFileSync('/proc/' + entry + '/environ', 'utf8').includes('GANTRY_JOB_URL') ? 'LEAKED' : 'read'; } catch (err) { environ = err.code; }
  let signal;
  try { process.kill(Number(entry), 0); signal = 'allowed'; } catch (err) { signal = err.code; }
  out.builder.push({ pid: Number(entry), environ, signal });
}
console.log('PROBE ' + JSON.stringify(out));
`;

interface Probe {
  uid: number;
  gid: number;
  env: string[];
  builder: Array<{ pid: number; environ: string; signal: string }>;
}

const s3 = new S3SigningServer('artifacts', { ASIAGATE: 'gate-secret' });
let issuer: S3BuildJobIssuer;
let client: SignedS3Client;
let bundle: string;

beforeAll(async () => {
  const endpoint = await s3.start();
  client = new SignedS3Client({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'ASIAGATE', secretAccessKey: 'gate-secret', sessionToken: 'token' },
  });
  issuer = new S3BuildJobIssuer(client, 'artifacts');
  bundle = await ensureBuilderBundle(openTempDir('gantry-bundle-'));
});
afterAll(async () => {
  await s3.stop();
  removeTempDirs();
});

async function build(attempt: number, appUid: number | null): Promise<{ pid: number; probe: Probe; code: number | null }> {
  const manifest = appManifest({ audit_command: 'node probe.js', build_command: 'node build.mjs' });
  manifest.files.push({ path: 'probe.js', content: PROBE });
  // The app leaves its output readable by itself only: the builder must still upload it.
  manifest.files = manifest.files.map((f) =>
    f.path === 'build.mjs'
      ? {
          ...f,
          content:
            "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\nwriteFileSync('dist/index.html', '<h1>tiny</h1>', { mode: 0o600 });\n",
        }
      : f,
  );
  s3.objects.set(manifestKey('t1', 'm1', attempt), { body: Buffer.from(JSON.stringify(manifest)), type: 'application/json' });
  s3.objects.set(limitsKey('t1', 'm1', attempt), { body: Buffer.from(JSON.stringify(BUILDER_LIMITS)), type: 'application/json' });
  const jobUrl = await issuer.issue({ tenantId: 't1', missionId: 'm1', attempt, validSeconds: 300 });
  const work = openTempDir('gantry-work-');
  chownSync(work, BUILDER_UID, BUILDER_UID);
  const [file, ...args] = builderLaunchArgv({ setpriv: '/usr/bin/setpriv', node: process.execPath, entrypoint: bundle }) as [
    string,
    ...string[],
  ];
  const child = spawn(file, args, {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      GANTRY_BUILDER_MODE: 'aws',
      GANTRY_JOB_URL: jobUrl,
      GANTRY_WORK_DIR: work,
      ...(appUid === null ? {} : { GANTRY_APP_UID: String(appUid) }),
      // What ECS puts into every container of a task with a role:
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc',
      ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/abc',
      AWS_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const lines = stdout.trim().split('\n').map(parseBuilderMessage);
  const probeLine = lines.find((m) => m?.type === 'log' && m.line.startsWith('PROBE '));
  if (!probeLine || probeLine.type !== 'log') throw new Error(`no probe output; builder said:\n${stdout}`);
  return { pid: child.pid ?? -1, probe: JSON.parse(probeLine.line.slice('PROBE '.length)) as Probe, code };
}

describe('the app runs under its own uid, with nothing of AWS', () => {
  test('the app (uid 1001) sees no AWS variable and cannot read or signal the builder (uid 1000)', async () => {
    const { pid, probe, code } = await build(1, APP_UID);
    expect(code).toBe(0);
    expect(probe).toMatchObject({ uid: APP_UID, gid: APP_UID, env: [] });
    expect(probe.builder).toContainEqual({ pid, environ: 'EACCES', signal: 'EPERM' });
    expect(probe.builder.every((b) => b.environ === 'EACCES' && b.signal === 'EPERM')).toBe(true);
    // The output the app made unreadable to others was still taken back and uploaded.
    const result = BuildResultSchema.parse(JSON.parse(s3.object(resultKey('t1', 'm1', 1)) ?? '{}'));
    expect(result.ok).toBe(true);
    expect(s3.object(outputKey('t1', 'm1', 1, 'index.html'))).toBe('<h1>tiny</h1>');
  });

  test('control: under the builder uid the same script reads the builder environment', async () => {
    const { pid, probe } = await build(2, null);
    expect(probe.uid).toBe(BUILDER_UID);
    expect(probe.env).toEqual([]);
    expect(probe.builder).toContainEqual({ pid, environ: 'LEAKED', signal: 'allowed' });
  });
});
