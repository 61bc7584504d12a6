import { execFileSync } from 'node:child_process';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { stacksAllowing, startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Through a real build (workflow → policy gate → sandboxed builder → audit): an app whose tests
 * ignore their time limit, fork without bound, allocate past the memory cap or try the network is
 * contained, the attempt is reported with the right reason, and nothing of it keeps running.
 */
const tag = `gcontain${process.pid}`;

const programs: Record<string, { file: string; code: string; reason: string }> = {
  timeout: { file: 'spin.js', code: 'for (;;) {}\n', reason: 'timeout' },
  'fork-bomb': { file: 'bomb.sh', code: 'bomb() { bomb | bomb & }; bomb; sleep 120\n', reason: 'pids' },
  memory: { file: 'hog.js', code: 'const keep = [];\nfor (;;) keep.push(Buffer.alloc(8 << 20, 1));\n', reason: 'memory' },
  network: {
    file: 'net.js',
    code: "await fetch('http://example.com/');\nconsole.log('reached the network');\n",
    reason: 'network',
  },
};

function appFor(prompt: string): GantryManifest {
  const program = programs[prompt]!;
  const runner = program.file.endsWith('.sh') ? 'sh' : 'node';
  const app = mathApp({ name: prompt });
  return {
    ...app,
    files: [...app.files, { path: program.file, content: program.code }],
    // The marker argument lets the test find every process of the build in `ps`.
    audit_command: `${runner} ${program.file} ${tag}-${prompt}`,
  };
}

const architect = new ScriptedArchitect(
  (prompt) => appFor(prompt),
  () => null,
);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    architect,
    policy: {
      // The command timeout leaves the memory hog room to reach its cap first: under the 50 % CPU
      // cap, on a slow machine busy with other tests, touching 160 MB took over 3 s.
      builder: { memory_mb: 160, max_pids: 48, command_timeout_seconds: 6, concurrency: 4 },
      mission: { max_attempts: 1 },
      // The gate refuses shell scripts in a static web app; this policy lets one through so the
      // test shows the sandbox contains a fork bomb even when the gate does not stop it first.
      stacks: stacksAllowing({ text_extensions: ['sh'] }),
    },
  });
});
afterAll(async () => t?.stop());

const cases = Object.entries(programs).map(([prompt, program]) => [prompt, program.reason, program] as const);

test.each(cases)('%s: contained, reported as %s, nothing left running', async (prompt, _reason, program) => {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false });
  expect(res.status).toBe(202);
  const status = await t.waitFor(res.body.mission_id, ['DEPLOYED', 'FAILED'], 60_000);
  expect(status.status).toBe('FAILED');
  expect(status.attempts).toHaveLength(1);
  expect(status.attempts[0]).toMatchObject({ ok: false, failed_phase: 'audit', end_reason: program.reason });
  expect(status.failure.message).toContain(`(${program.reason})`);
  const failure = (await t.request('GET', `/gantry/missions/${res.body.mission_id}/failure`)).body;
  expect(failure.attempts[0].failing_command).toBe(
    `${program.file.endsWith('.sh') ? 'sh' : 'node'} ${program.file} ${tag}-${prompt}`,
  );
  if (prompt === 'network') expect(failure.attempts[0].log_tail).toMatch(/EAI_AGAIN|ENOTFOUND|getaddrinfo/);
  if (prompt === 'fork-bomb') expect(failure.attempts[0].log_tail).toMatch(/Cannot fork|Resource temporarily unavailable/);
  const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`${tag}-${prompt}`));
  expect(left).toEqual([]);
  expect(t.stack.sandbox.activeRunCount()).toBe(0);
});
