import { createHash } from 'node:crypto';
import { brokenMath, fileOf, mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The heal loop through the whole local stack (workflow, policy gate, sandboxed builder), with an
 * architect that follows a script per prompt:
 *   "fix"     attempt 1 fails (multiply is wrong), the heal fixes it.
 *   "regress" the first heal fixes multiply but breaks subtract (which passed): discarded; the
 *             second heal starts again from attempt 1 and fixes it properly.
 *   "hopeless" every heal changes the file but multiply stays wrong: three failing attempts.
 */
const architect = new ScriptedArchitect(
  () => mathApp({ math: brokenMath({ multiply: true }) }),
  (input, n) => {
    const math = (text: string) => ({
      ...input.manifest,
      files: input.manifest.files.map((f) => (f.path === 'src/math.js' ? { ...f, content: text } : f)),
    });
    if (input.prompt === 'fix') return math(brokenMath({}));
    if (input.prompt === 'regress')
      return n === 1 ? math(brokenMath({ subtract: true })) : math(brokenMath({}, 'fixed for real'));
    return math(brokenMath({ multiply: true }, `attempt ${n + 1}: still wrong`));
  },
);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ architect, policy: { mission: { max_attempts: 3 } } });
});
afterAll(async () => t?.stop());

const submit = async (prompt: string): Promise<string> => {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false });
  expect(res.status).toBe(202);
  return res.body.mission_id;
};

test('attempt 1 fails, the heal fixes it, attempt 2 passes and the mission is DEPLOYED', async () => {
  const id = await submit('fix');
  const status = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 90_000);
  expect(status.status).toBe('DEPLOYED');
  expect(status.url).toMatch(t.appUrlPattern);
  expect(status.attempts).toHaveLength(2);
  expect(status.attempts[0]).toMatchObject({
    attempt: 1,
    ok: false,
    outcome: 'failed',
    accepted: true,
    failed_phase: 'audit',
    tests_passed: 2,
    tests_failed: 1,
  });
  expect(status.attempts[1]).toMatchObject({
    attempt: 2,
    ok: true,
    outcome: 'passed',
    accepted: true,
    base_attempt: 1,
    tests_passed: 3,
    tests_failed: 0,
  });
  expect(status.attempts[1].diff).toMatchObject({ files_changed: 1, lines_added: 1, lines_removed: 1 });

  // The architect was shown the failing command, the failing test in the log tail, and attempt 1's files.
  const healed = architect.heals.filter((h) => h.prompt === 'fix');
  expect(healed).toHaveLength(1);
  expect(healed[0]!.failingCommand).toBe('npm test');
  expect(healed[0]!.logTail).toMatch(/multiplies/);
  expect(fileOf(healed[0]!.manifest, 'src/math.js')).toBe(brokenMath({ multiply: true }));

  // Each attempt is recorded with its diff, log digest and result; the full log is served.
  const failure = (await t.request('GET', `/gantry/missions/${id}/failure`)).body;
  expect(failure.failure).toBeNull();
  expect(failure.attempts[1].patch.text).toContain('-export const multiply = (a, b) => a + b;');
  expect(failure.attempts[1].patch.text).toContain('+export const multiply = (a, b) => a * b;');
  expect(failure.attempts[0].failing_tests).toEqual(['multiplies']);
  for (const attempt of failure.attempts) {
    const log = await t.request('GET', attempt.log_url);
    expect(log.status).toBe(200);
    expect(log.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(createHash('sha256').update(log.text).digest('hex')).toBe(attempt.log.sha256);
    expect(log.headers.get('x-log-sha256')).toBe(attempt.log.sha256);
  }
  expect((await t.request('GET', `/gantry/missions/${id}/attempts/3/log`)).status).toBe(404);
  expect((await t.request('GET', `/gantry/missions/${id}/attempts/x/log`)).status).toBe(400);
});

test('a fix that breaks a test that passed before is discarded; the next heal starts from the best attempt', async () => {
  const id = await submit('regress');
  const status = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 120_000);
  expect(status.attempts.map((a: any) => a.outcome)).toEqual(['failed', 'discarded', 'passed']);
  expect(status.attempts[1]).toMatchObject({ accepted: false, regressions: ['subtracts'], base_attempt: 1 });
  // Attempt 3 was healed from attempt 1, not from the discarded attempt 2.
  expect(status.attempts[2]).toMatchObject({ accepted: true, base_attempt: 1, ok: true });
  expect(status.status).toBe('DEPLOYED');
  const heals = architect.heals.filter((h) => h.prompt === 'regress');
  expect(heals).toHaveLength(2);
  expect(fileOf(heals[1]!.manifest, 'src/math.js')).toBe(brokenMath({ multiply: true }));
  expect(heals[1]!.logTail).toMatch(/attempt 2 was discarded: it broke tests that passed before \(subtracts\)/);
  const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
  const discarded = events.find((e: any) => e.event_type === 'audit.discarded');
  expect(discarded.message).toMatch(/Attempt 2 discarded: it broke 1 test\(s\) that passed before \(subtracts\)/);
  // Every heal went back through the policy gate.
  expect(events.filter((e: any) => e.event_type === 'policy.passed').map((e: any) => e.data.attempt)).toEqual([1, 2, 3]);
});

test('three failing attempts end FAILED with all three recorded', async () => {
  const id = await submit('hopeless');
  const status = await t.waitFor(id, ['DEPLOYED', 'FAILED'], 120_000);
  expect(status.status).toBe('FAILED');
  const failure = (await t.request('GET', `/gantry/missions/${id}/failure`)).body;
  expect(failure.failure).toMatchObject({ code: 'AUDIT_FAILED', step: 'AUDITING' });
  expect(failure.failure.message).toMatch(/All 3 attempts failed; the best was attempt \d \(2 of 3 tests passing\)/);
  expect(failure.attempts).toHaveLength(3);
  expect(failure.attempts.map((a: any) => a.outcome)).toEqual(['failed', 'failed', 'failed']);
  expect(failure.attempts.map((a: any) => a.base_attempt)).toEqual([null, 1, 2]);
  for (const attempt of failure.attempts) {
    expect(attempt).toMatchObject({ ok: false, failed_phase: 'audit', end_reason: 'exit', failing_command: 'npm test' });
    expect(attempt.log.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(attempt.log_tail).toMatch(/multiplies/);
  }
  expect(failure.attempts[0].patch).toBeNull();
  expect(failure.attempts[1].patch.text).toMatch(/^\+\/\/ attempt 2: still wrong$/m);
  expect(failure.attempts[2].patch.text).toMatch(/^\+\/\/ attempt 3: still wrong$/m);
  expect(failure.best_attempt).toBe(3);
  // The sealed evidence carries the attempts too.
  const evidence = (await t.request('GET', `/gantry/missions/${id}/evidence`)).body;
  expect(evidence.statement.predicate.gantry.outcome).toBe('FAILED');
  expect(evidence.statement.predicate.gantry.mission.attempts).toHaveLength(3);
});
