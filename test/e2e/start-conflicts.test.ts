import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { startTestStack, type TestStack } from '../helpers/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t?.stop());

function start(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const out = spawnSync(process.execPath, [join(PROJECT_ROOT, 'local', 'gantry-cli.js'), 'start'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: out.status, stderr: out.stderr, stdout: out.stdout };
}

test('a second stack on the same data directory is refused with a clear message, not a crash', () => {
  const second = start({ PORT: '0', GANTRY_DATA_DIR: t.dataDir });
  expect(second.status).toBe(1);
  expect(second.stderr).toMatch(/data directory .* is in use by another Gantry stack \(pid \d+\)/);
  expect(second.stderr).not.toMatch(/\n\s+at /);
});

test('a port in use is named, with how to pick another', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-port-'));
  try {
    const port = new URL(t.url).port;
    const second = start({ PORT: port, GANTRY_DATA_DIR: dir });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Port ${port} .* already in use; set PORT`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
