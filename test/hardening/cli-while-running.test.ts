import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/** `gantry user add` works while the stack runs: it writes through the running stack's store. */

const CLI = join(PROJECT_ROOT, 'local', 'gantry-cli.js');
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 60_000);
afterAll(async () => t?.stop());

function gantry(
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('`gantry user add` on the data directory of a running stack adds a user who can sign in at once', async () => {
  const added = await gantry(
    ['user', 'add', '--email', 'while-running@gantry.test', '--role', 'member', '--tenant-name', 'Live', '--password-stdin'],
    'while-running-password\n',
    { GANTRY_DATA_DIR: t.dataDir },
  );
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
  expect(added.stdout).toMatch(/Added while-running@gantry.test \(member\)/);
  const token = await t.login('while-running@gantry.test', 'while-running-password');
  expect((await t.requestAs(token, 'GET', '/gantry/auth/status')).status).toBe(200);
  // The stack is still serving.
  expect((await t.requestAs(null, 'GET', '/health')).status).toBe(200);
});
