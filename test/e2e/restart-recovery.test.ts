import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

const RUNNING = [
  'QUEUED',
  'ARCHITECTING',
  'POLICY_CHECK',
  'BUILDING',
  'AUDITING',
  'HEALING',
  'DEPLOYING',
  'PUBLISHING',
  'SEALING',
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startChild(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'local', 'gantry-cli.js'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      GANTRY_DATA_DIR: dataDir,
      GANTRY_ADMIN_EMAIL: TEST_ADMIN.email,
      GANTRY_ADMIN_PASSWORD: TEST_ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d.toString();
      if (out.includes('Gantry local stack is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`stack exited ${code}: ${out}`)));
  });
  return child;
}

test('a stack killed mid-mission leaves no mission running after it starts again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-restart-'));
  const port = await freePort();
  const child = await startChild(dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/gantry/auth`, { method: 'POST', body: JSON.stringify(TEST_ADMIN) });
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const ids: string[] = [];
  for (const prompt of ['Build a calculator', 'Build a task manager with local storage']) {
    const res = await fetch(`${base}/gantry/architect`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ voice_memo: prompt }),
    });
    expect(res.status).toBe(202);
    ids.push(((await res.json()) as { mission_id: string }).mission_id);
  }
  // Wait until the first mission is past QUEUED, then kill the process without any chance to clean up.
  for (let i = 0; i < 400; i++) {
    const s = (await (await fetch(`${base}/gantry/status/${ids[0]}`, { headers: auth })).json()) as { status: string };
    if (s.status !== 'QUEUED') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const before = (await (await fetch(`${base}/gantry/status/${ids[0]}`, { headers: auth })).json()) as { status: string };
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  let t: TestStack | undefined;
  try {
    t = await startTestStack({ dataDir });
    for (const id of ids) {
      const status = (await t.request('GET', `/gantry/status/${id}`)).body;
      expect(RUNNING).not.toContain(status.status);
      if (status.status === 'FAILED') {
        expect(status.failure.code).toBe('INTERRUPTED');
        expect(status.failure.message).toMatch(/interrupted/);
        // The failure is sealed like any other ending.
        const evidence = await t.request('GET', `/gantry/missions/${id}/evidence`);
        expect(evidence.status).toBe(200);
        expect(evidence.body.bundle.outcome).toBe('FAILED');
      }
    }
    // At least the mission that was caught mid-flight was interrupted (unless it had already finished).
    if (RUNNING.includes(before.status)) {
      expect((await t.request('GET', `/gantry/status/${ids[0]}`)).body.status).toBe('FAILED');
    }
  } finally {
    await t?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
