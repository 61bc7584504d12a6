import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { spawnStack } from '../helpers/stack-process';
import { startTestStack, type TestStack, removeStackDirs } from '../helpers/test-stack';

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
    removeStackDirs(dir);
  }
});

test('a stop asked for as soon as /ready answers stops the stack cleanly, not halfway through its start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-early-stop-'));
  try {
    const { child, port } = await spawnStack(dir);
    let output = '';
    child.stdout!.on('data', (d) => (output += d.toString()));
    child.stderr!.on('data', (d) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the stack never answered /ready: ${output}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGTERM');
    const end = await exited;
    expect(end).toEqual({ code: 0, signal: null });
    expect(output).toContain('Gantry local stack is up');
    expect(output).toContain('Stopping Gantry');
    // Stopped cleanly: the data directory's lock was released, not left for the next start to take over.
    expect(existsSync(join(dir, 'gantry.pid'))).toBe(false);
  } finally {
    removeStackDirs(dir);
  }
}, 120_000);
