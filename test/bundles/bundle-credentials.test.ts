import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction } from '../helpers/function-bundles';

/**
 * Lambda functions sign their AWS calls with the role credentials Lambda puts in the environment
 * and look nowhere else: the table is reached through the project's own signed client
 * (lambdas/adapters/dynamo-client.ts), and where an SDK client remains the default credential
 * chain is replaced by its environment provider (lib/constructs/function-bundling.ts). This loads
 * a real bundle the way Lambda does, in a fresh process, and checks the request it signs.
 */

let dir: string;
let server: Server;
let seen: IncomingHttpHeaders[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-bundle-credentials-'));
  seen = [];
  // DynamoDB's JSON protocol: `{}` is a GetItem that found nothing.
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the authorizer bundle once with `env`; resolves with its exit code and output. */
function invokeAuthorizer(file: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const script =
    'require(process.argv[1]).handler({ methodArn: "arn", headers: { authorization: "Bearer gs_unknown" } })' +
    '.then((r) => console.log("ALLOWED", JSON.stringify(r)), (e) => console.log("REFUSED", e.message));';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, file], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const lambdaEnv = (): Record<string, string> => ({
  GANTRY_RUNTIME: 'aws',
  GANTRY_ARTIFACT_BUCKET: 'artifacts',
  GANTRY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:111122223333:stateMachine:m',
  AWS_REGION: 'eu-west-1',
  AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});

test('a bundled function signs its SDK calls with the credentials Lambda puts in the environment', async () => {
  const bundle = await bundleFunction('authorizer', dir);
  expect([...bundle.packages].filter((p) => p.startsWith('@aws-sdk/'))).toEqual([]);

  const { out } = await invokeAuthorizer(bundle.file!, {
    ...lambdaEnv(),
    AWS_ACCESS_KEY_ID: 'AKIDLAMBDAROLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'session-token-of-the-role',
  });
  expect(out).toContain('REFUSED Unauthorized');
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAMBDAROLE\/\d{8}\/eu-west-1\/dynamodb\/aws4_request/);
  expect(seen[0]!['x-amz-security-token']).toBe('session-token-of-the-role');
});

test('without credentials in the environment the bundle looks nowhere else and makes no request', async () => {
  const bundle = await bundleFunction('authorizer', dir);
  seen = [];
  // A home folder with no profile either way: the bundle never reads one.
  const { out } = await invokeAuthorizer(bundle.file!, { ...lambdaEnv(), HOME: dir });
  expect(out).toMatch(/REFUSED AWS credentials are missing: AWS_ACCESS_KEY_ID/);
  expect(seen).toEqual([]);
});
