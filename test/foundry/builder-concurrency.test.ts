import { diffRecords, replayMission } from '../../lambdas/domain/mission-replay';
import { mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Ten missions submitted at once with two builders (policy `builder.concurrency: 2`): every one
 * finishes, never more than two builds run at once (counted three ways: the build task, the
 * sandbox's live runs and the builders' line), and the ones waiting are QUEUED and show their
 * queue position in GET /gantry/status.
 */
// Each build's tests take a little while, so builds overlap and a queue forms.
const architect = new ScriptedArchitect(
  () =>
    mathApp({
      tests: [
        "import { test } from 'node:test';",
        "import assert from 'node:assert/strict';",
        "import { add } from '../src/math.js';",
        "test('adds slowly', async () => { await new Promise((r) => setTimeout(r, 400)); assert.equal(add(2, 3), 5); });",
        '',
      ].join('\n'),
    }),
  () => null,
);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ architect, policy: { builder: { concurrency: 2 } } });
});
afterAll(async () => t?.stop());

test('10 missions with 2 builders: all finish, at most 2 builds at once, the waiting ones QUEUED with their positions', async () => {
  expect(t.stack.slots.capacity).toBe(2);
  const samples = { builds: 0, sandboxRuns: 0, holders: 0, waitingMax: 0 };
  const sampler = setInterval(() => {
    samples.builds = Math.max(samples.builds, t.stack.builds.active);
    samples.sandboxRuns = Math.max(samples.sandboxRuns, t.stack.sandbox.activeRunCount());
  }, 10);
  let sampling = true;
  const lineSampler = (async () => {
    while (sampling) {
      const line = await t.stack.services.builderLine.read();
      samples.holders = Math.max(samples.holders, line.holders.length);
      samples.waitingMax = Math.max(samples.waitingMax, line.waiting.length);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  const responses = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      t.request('POST', '/gantry/architect', { voice_memo: `concurrent mission ${i}`, publish: false, deploy: false }),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
  const ids: string[] = responses.map((r) => r.body.mission_id);

  // Poll every status until all end, keeping the queue positions each mission showed.
  const positions = new Map<string, Set<number>>(ids.map((id) => [id, new Set<number>()]));
  const final = new Map<string, any>();
  const deadline = Date.now() + 150_000;
  while (final.size < ids.length && Date.now() < deadline) {
    await Promise.all(
      ids
        .filter((id) => !final.has(id))
        .map(async (id) => {
          const s = (await t.request('GET', `/gantry/status/${id}`)).body;
          if (typeof s.queue_position === 'number' && s.queue_position > 0) {
            positions.get(id)!.add(s.queue_position);
            // A position is shown only while the mission waits in line.
            expect(s.status).toBe('QUEUED');
          }
          if (['DEPLOYED', 'FAILED', 'CANCELLED'].includes(s.status)) final.set(id, s);
        }),
    );
    await new Promise((r) => setTimeout(r, 40));
  }
  clearInterval(sampler);
  sampling = false;
  await lineSampler;

  expect([...final.values()].map((s) => s.status)).toEqual(Array(10).fill('DEPLOYED'));
  // Never more than two at once, and the two builders were really used together.
  expect(samples.builds).toBe(2);
  expect(t.stack.builds.peak).toBe(2);
  expect(samples.holders).toBe(2);
  expect(samples.sandboxRuns).toBeLessThanOrEqual(2);
  expect(samples.sandboxRuns).toBeGreaterThanOrEqual(1);
  // Most missions had to wait, and GET /gantry/status showed where they were in line.
  expect(samples.waitingMax).toBeGreaterThanOrEqual(5);
  const queued = [...positions.values()].filter((seen) => seen.size > 0);
  expect(queued.length).toBeGreaterThanOrEqual(5);
  const highest = Math.max(...[...positions.values()].flatMap((seen) => [...seen]));
  expect(highest).toBeGreaterThanOrEqual(4);
  // Once running or done, a mission no longer shows a position, and the line is empty.
  for (const s of final.values()) expect(s.queue_position).toBeNull();
  const line = await t.stack.services.builderLine.read();
  expect([line.holders.length, line.waiting.length]).toEqual([0, 0]);
  // A mission that waited went QUEUED after its draft and before its policy check, once.
  let waitedInLog = 0;
  for (const id of ids) {
    const log = (await t.request('GET', `/gantry/missions/${id}/log`)).body;
    // Places in line are no part of the record: each mission item is still its log replayed.
    expect(diffRecords(replayMission(log.events), log.record)).toEqual([]);
    const statuses = log.events.filter((e: any) => e.type === 'status').map((e: any) => e.status);
    const queuedAt = statuses.indexOf('QUEUED', 1);
    if (queuedAt === -1) continue;
    waitedInLog++;
    expect(statuses.lastIndexOf('QUEUED')).toBe(queuedAt);
    expect(statuses[queuedAt - 1]).toBe('ARCHITECTING');
    expect(statuses[queuedAt + 1]).toBe('POLICY_CHECK');
  }
  expect(waitedInLog).toBeGreaterThanOrEqual(queued.length);
});
