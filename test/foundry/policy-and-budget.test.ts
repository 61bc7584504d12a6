import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { brokenMath, mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * The policy gate as a workflow state (the draft and every heal), the per-mission budget, and a
 * policy edited on disk taking effect without a restart. Prompts pick the script:
 *   "eval"      the draft evaluates fetched code: refused before any build.
 *   "heal-eval" the draft fails its tests; the heal fixes them but adds eval: refused at attempt 2.
 *   anything else: a good app.
 */
const architect = new ScriptedArchitect(
  (prompt) => {
    if (prompt === 'eval') {
      return mathApp({
        files: [{ path: 'src/plugin.js', content: "fetch('/p.js')\n  .then((r) => r.text())\n  .then((code) => eval(code));\n" }],
      });
    }
    if (prompt === 'heal-eval') return mathApp({ math: brokenMath({ multiply: true }) });
    return mathApp({});
  },
  (input) => ({
    ...input.manifest,
    files: [
      ...input.manifest.files.map((f) => (f.path === 'src/math.js' ? { ...f, content: brokenMath({}) } : f)),
      { path: 'src/extra.js', content: 'export const run = (code) => eval(code);\n' },
    ],
  }),
);

// The gate and the policy edit run under the project's budget, so a slow machine cannot turn a
// good build into a budget failure; the budget's own tests are in budget.test.ts.
let t: TestStack;
let policyPath: string;
beforeAll(async () => {
  t = await startTestStack({ architect, policy: { budget: {} } }); // writes an editable copy of policy.yaml
  policyPath = join(t.dataDir, 'policy.yaml');
});
afterAll(async () => t?.stop());

async function run(prompt: string): Promise<any> {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false });
  expect(res.status).toBe(202);
  return t.waitFor(res.body.mission_id, ['DEPLOYED', 'FAILED'], 60_000);
}

test('a violating draft fails at the gate with the rule, file and line, before any build', async () => {
  const status = await run('eval');
  expect(status.status).toBe('FAILED');
  expect(status.failure).toMatchObject({ code: 'POLICY_VIOLATION', step: 'POLICY_CHECK' });
  expect(status.failure.message).toMatch(/^dynamic-code-execution \(src\/plugin\.js:3\): /);
  expect(status.attempts).toEqual([]);
  const events = (await t.request('GET', `/gantry/missions/${status.mission_id}/events`)).body.events;
  const rejected = events.find((e: any) => e.event_type === 'policy.rejected');
  expect(rejected.data.violations).toEqual([
    expect.objectContaining({ rule: 'dynamic-code-execution', file: 'src/plugin.js', line: 3 }),
  ]);
  expect(rejected.data.policy_hash).toBe(status.policy_hash);
});

test('a healed manifest goes through the gate again and is refused there too', async () => {
  const status = await run('heal-eval');
  expect(status.status).toBe('FAILED');
  expect(status.attempts).toHaveLength(1);
  expect(status.failure.step).toBe('POLICY_CHECK');
  expect(status.failure.message).toMatch(/^dynamic-code-execution \(src\/extra\.js:1\)/);
  const events = (await t.request('GET', `/gantry/missions/${status.mission_id}/events`)).body.events;
  expect(events.find((e: any) => e.event_type === 'policy.rejected').data.attempt).toBe(2);
});

test('an edited policy file applies without a restart; an invalid edit is refused and the last good policy stays', async () => {
  const before = t.stack.services.policy.hash;
  const good = await run('a good app');
  expect(good).toMatchObject({ status: 'DEPLOYED', policy_hash: before });

  const doc = parse(readFileSync(policyPath, 'utf8'));
  doc.forbidden_patterns.push({
    name: 'no-multiplication',
    reason: 'This deployment does not multiply (a rule added while the stack runs).',
    regex: '\\bmultiply\\b',
    files: ['src/**'],
  });
  doc.builder.concurrency = 5;
  writeFileSync(policyPath, stringify(doc));
  const deadline = Date.now() + 5000;
  while (t.stack.services.policy.hash === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const after = t.stack.services.policy.hash;
  expect(after).not.toBe(before);
  expect(t.stack.slots.capacity).toBe(5);

  const refused = await run('a good app');
  expect(refused).toMatchObject({ status: 'FAILED', policy_hash: after });
  expect(refused.failure.message).toMatch(/^no-multiplication \(src\/math\.js:3\)/);
  const evidence = (await t.request('GET', `/gantry/missions/${refused.mission_id}/evidence`)).body;
  expect(evidence.statement.predicate.buildDefinition.internalParameters.policy_hash).toBe(after);

  writeFileSync(policyPath, 'version: 1\nbuilder: { memory_mb: "lots" }\n');
  await new Promise((r) => setTimeout(r, 500));
  expect(t.stack.services.policy.hash).toBe(after);
  expect(t.stack.policySource.lastError).toMatch(/builder/);
  expect((await run('a good app')).failure.message).toMatch(/^no-multiplication/);
});
