import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnStack } from '../helpers/stack-process';
import { TEST_ADMIN, removeStackDirs } from '../helpers/test-stack';

/**
 * What a new user's script does after `gantry start` on a fresh data directory: wait for /ready,
 * then log in as the first owner. /ready once answered before that owner existed, and a login
 * sent at that moment was refused (one start in eight).
 */
test('on a fresh data directory, the first owner can log in the moment /ready answers, and nothing before it answers 500', async () => {
  const answersBeforeReady = new Map<number, string>();
  for (let start = 0; start < 3; start++) {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-ready-'));
    const { child, port } = await spawnStack(dir);
    let output = '';
    child.stdout!.on('data', (d) => (output += d.toString()));
    child.stderr!.on('data', (d) => (output += d.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null);
        if (res?.status === 200) break;
        if (res) answersBeforeReady.set(res.status, await res.text());
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the stack never answered /ready: ${output}`);
        await new Promise((r) => setTimeout(r, 2));
      }
      const login = await fetch(`http://127.0.0.1:${port}/gantry/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TEST_ADMIN),
      });
      expect({ start, status: login.status }).toEqual({ start, status: 200 });
    } finally {
      child.kill('SIGTERM');
      await exited;
      removeStackDirs(dir);
    }
  }
  // While it starts, the gateway says so in the one error shape (when a poll fell in that moment).
  for (const [status, body] of answersBeforeReady) {
    expect(status).toBe(503);
    expect(JSON.parse(body)).toEqual({ error: { code: 'STARTING', message: expect.any(String) } });
  }
}, 180_000);
