import { brokenMath, mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The per-mission budget, with a 2-builder-second budget. Prompts pick the script:
 *   "slow-fail" tests take over a second and fail: with a 2 s builder budget there is no second try.
 *   "hang"      tests never end: the dead man's switch is cut to the budget left.
 */
const architect = new ScriptedArchitect(
  (prompt) => {
    if (prompt === 'slow-fail') {
      return mathApp({
        tests:
          "import { test } from 'node:test';\ntest('slow and wrong', async () => { await new Promise((r) => setTimeout(r, 1200)); throw new Error('wrong'); });\n",
      });
    }
    const app = mathApp({ test: 'node hang.js' });
    return { ...app, files: [...app.files, { path: 'hang.js', content: 'setInterval(() => {}, 1000);\n' }] };
  },
  (input) => ({
    ...input.manifest,
    files: input.manifest.files.map((f) => (f.path === 'src/math.js' ? { ...f, content: brokenMath({}) } : f)),
  }),
);

let budgeted: TestStack;
beforeAll(async () => {
  budgeted = await startTestStack({ architect, policy: { budget: { max_builder_seconds: 2 } } });
});
afterAll(async () => budgeted?.stop());

async function run(prompt: string, on: TestStack): Promise<any> {
  const res = await on.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false });
  expect(res.status).toBe(202);
  return on.waitFor(res.body.mission_id, ['DEPLOYED', 'FAILED'], 60_000);
}

test('a mission that would pass its builder-time budget stops with BUDGET_EXCEEDED instead of healing', async () => {
  const healsBefore = architect.heals.length;
  const status = await run('slow-fail', budgeted);
  expect(status.status).toBe('FAILED');
  expect(status.failure.code).toBe('BUDGET_EXCEEDED');
  expect(status.failure.message).toMatch(
    /^Budget exceeded: [\d.]+ builder seconds spent.*past budget\.max_builder_seconds \(2 builder seconds\)/,
  );
  expect(status.attempts).toHaveLength(1);
  expect(architect.heals.length).toBe(healsBefore);
  const events = (await budgeted.request('GET', `/gantry/missions/${status.mission_id}/events`)).body.events;
  expect(events.find((e: any) => e.event_type === 'budget.exceeded').data).toMatchObject({
    resource: 'builder_seconds',
    limit: 2,
  });
});

test('the dead man switch of a build is cut to the builder time left in the budget', async () => {
  const started = Date.now();
  const status = await run('hang', budgeted);
  expect(status.status).toBe('FAILED');
  expect(status.attempts[0]).toMatchObject({ end_reason: 'deadman' });
  expect(status.failure.code).toBe('BUDGET_EXCEEDED');
  expect(Date.now() - started).toBeLessThan(15_000);
  const events = (await budgeted.request('GET', `/gantry/missions/${status.mission_id}/events`)).body.events;
  expect(events.find((e: any) => e.event_type === 'policy.passed').data.dead_man_switch_seconds).toBe(2);
});
