import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { identityBanner } from '../../local/cli-identity';
import { startLocalStack } from '../../local/stack';
import { startTestStack, TEST_ADMIN, type TestStack, removeStackDirs } from '../helpers/test-stack';

const CLI = join(PROJECT_ROOT, 'local', 'gantry-cli.js');

let t: TestStack;
let configDir: string;
let env: NodeJS.ProcessEnv;

/** Runs the CLI with `input` on stdin (asynchronously: the stack under test runs in this process). */
function gantry(
  args: string[],
  input = '',
  extra: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  t = await startTestStack();
  configDir = mkdtempSync(join(tmpdir(), 'gantry-cli-config-'));
  env = { ...process.env, GANTRY_URL: t.url, GANTRY_CONFIG_DIR: configDir, GANTRY_TOKEN: '' };
});
afterAll(async () => {
  await t?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

test('without a login the CLI is refused; after `gantry login` it works and the token file is 0600', async () => {
  const before = await gantry(['missions']);
  expect(before.code).toBe(1);
  expect(before.stderr).toMatch(/UNAUTHORIZED.*Run: gantry login/);
  const login = await gantry(['login', '--email', TEST_ADMIN.email, '--password-stdin'], `${TEST_ADMIN.password}\n`);
  expect(login.stderr).toBe('');
  expect(login.code).toBe(0);
  expect(statSync(join(configDir, 'credentials.json')).mode & 0o777).toBe(0o600);
  expect((await gantry(['missions'])).code).toBe(0);
  const wrong = await gantry(['login', '--email', TEST_ADMIN.email, '--password-stdin'], 'nope\n');
  expect(wrong.code).toBe(1);
});

test('device keys and siri-sign: a signed request sent by the CLI is accepted', async () => {
  const added = await gantry(['device', 'add', 'CLI', 'phone']);
  expect(added.code).toBe(0);
  const device = JSON.parse(added.stdout.slice(0, added.stdout.lastIndexOf('}') + 1));
  expect(device.secret).toMatch(/^[0-9a-f]{64}$/);
  const signed = await gantry(['siri-sign', '--key', device.key_id, 'Build a timer'], '', { GANTRY_SIRI_SECRET: device.secret });
  expect(signed.code).toBe(0);
  expect(signed.stdout).toMatch(/^x-gantry-signature: [0-9a-f]{64}$/m);
  expect(signed.stdout).toMatch(/curl -s -X POST/);
  const sent = await gantry(['siri-sign', '--key', device.key_id, '--send', 'Build a timer'], '', {
    GANTRY_SIRI_SECRET: device.secret,
  });
  expect(sent.code).toBe(0);
  expect(JSON.parse(sent.stdout)).toMatchObject({ speech: expect.any(String), mission_id: expect.any(String) });
  const wrongSecret = await gantry(['siri-sign', '--key', device.key_id, '--send', 'Build a timer'], '', {
    GANTRY_SIRI_SECRET: '0'.repeat(64),
  });
  expect(wrongSecret.code).toBe(1);
  expect(wrongSecret.stdout).toMatch(/SIRI_BAD_SIGNATURE/);
});

test('`gantry user add --api` adds a user as the logged-in owner; logout ends the session', async () => {
  const add = await gantry(
    ['user', 'add', '--email', 'cli-member@gantry.test', '--role', 'member', '--api', '--password-stdin'],
    'cli-member-password\n',
  );
  expect(add.code).toBe(0);
  expect(JSON.parse(add.stdout).user).toMatchObject({ email: 'cli-member@gantry.test', role: 'member' });
  expect((await gantry(['logout'])).code).toBe(0);
  expect((await gantry(['missions'])).code).toBe(1);
});

test('`gantry user add` writes to a stopped stack’s data store; the next start needs no bootstrap', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-cli-data-'));
  try {
    const added = await gantry(
      ['user', 'add', '--email', 'first@gantry.test', '--role', 'owner', '--tenant-name', 'First', '--password-stdin'],
      'first-owner-password\n',
      { GANTRY_DATA_DIR: dataDir },
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Added first@gantry.test \(owner\) to tenant t-\S+ \(First\)/);
    const stack = await startLocalStack({
      env: { ...process.env, PORT: '0', GANTRY_DATA_DIR: dataDir, GANTRY_ADMIN_EMAIL: '', GANTRY_ADMIN_PASSWORD: '' },
    });
    try {
      expect(stack.identity).toEqual({ kind: 'users-exist', userCount: 1 });
      const res = await fetch(`${stack.url}/gantry/auth`, {
        method: 'POST',
        body: JSON.stringify({ email: 'first@gantry.test', password: 'first-owner-password' }),
      });
      expect(res.status).toBe(200);
    } finally {
      await stack.stop();
    }
  } finally {
    removeStackDirs(dataDir);
  }
});

test('a fresh stack with no user and no bootstrap variables says how to create one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-cli-empty-'));
  try {
    const stack = await startLocalStack({
      env: { ...process.env, PORT: '0', GANTRY_DATA_DIR: dataDir, GANTRY_ADMIN_EMAIL: '', GANTRY_ADMIN_PASSWORD: '' },
    });
    try {
      expect(stack.identity).toEqual({ kind: 'no-users' });
      expect(identityBanner(stack.identity).join('\n')).toMatch(/GANTRY_ADMIN_EMAIL=.*npm start[\s\S]*gantry user add/);
      const res = await fetch(`${stack.url}/gantry/auth`, {
        method: 'POST',
        body: JSON.stringify({ email: 'x@gantry.test', password: 'anything-at-all' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).error.code).toBe('NO_USERS_YET');
    } finally {
      await stack.stop();
    }
  } finally {
    removeStackDirs(dataDir);
  }
});
