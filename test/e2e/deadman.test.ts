import { execFileSync } from 'node:child_process';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import type { ArchitectPort } from '../../lambdas/domain/ports';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/** An architect whose app's tests never finish: only the dead man's switch can end the build. */
const hangingArchitect: ArchitectPort = {
  name: 'scripted-hang',
  async draft(): Promise<GantryManifest> {
    return {
      project_name: 'forever',
      stack: 'static-web',
      description: 'tests that never end',
      features: [],
      files: [
        {
          path: 'package.json',
          content: JSON.stringify({
            name: 'forever',
            private: true,
            scripts: { test: 'node hang.js gantry-hang-marker', build: 'node build.mjs' },
          }),
        },
        { path: 'hang.js', content: 'setInterval(() => {}, 1000);\n' },
        { path: 'build.mjs', content: "import { mkdirSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\n" },
        { path: 'index.html', content: '<h1>never</h1>' },
      ],
      audit_command: 'npm test',
      build_command: 'npm run build',
      output_dir: 'dist',
      run_command: '',
    };
  },
  async heal() {
    return null;
  },
};

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    architect: hangingArchitect,
    policy: { builder: { dead_man_switch_seconds: 4, command_timeout_seconds: 60 }, mission: { max_attempts: 1 } },
  });
});
afterAll(async () => t?.stop());

test('a build that hangs is killed at the dead man switch and the mission FAILS, never stuck', async () => {
  const started = Date.now();
  const res = await t.request('POST', '/gantry/architect', { voice_memo: 'anything' });
  expect(res.status).toBe(202);
  const status = await t.waitFor(res.body.mission_id, ['FAILED', 'DEPLOYED'], 60_000);
  expect(status.status).toBe('FAILED');
  expect(status.attempts[0]).toMatchObject({ ok: false, failed_phase: 'audit', end_reason: 'deadman' });
  expect(status.failure.message).toMatch(/deadman/);
  expect(status.failure.step).toBe('AUDITING');
  expect(Date.now() - started).toBeLessThan(40_000);
  // Nothing of the build is left running.
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  expect(ps).not.toMatch(/gantry-hang-marker/);
  const failure = (await t.request('GET', `/gantry/missions/${res.body.mission_id}/failure`)).body;
  expect(failure.failure.code).toBe('AUDIT_FAILED');
  expect(failure.attempts).toHaveLength(1);
});
