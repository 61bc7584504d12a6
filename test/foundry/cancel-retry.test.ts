import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { stacksAllowing, startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * Cancel stops the workflow and the builder at once, leaves no process and no cgroup behind, and
 * nothing can move the mission on afterwards; retry starts the request again as a new mission
 * linked to the old one. One builder slot, so a second mission waits in the queue.
 */
const tag = `gcancel${process.pid}`;
const markerOf = (prompt: string): string => `${tag}-${prompt.replace(/\W+/g, '-')}`;

/** An app whose tests start three processes that never end (only a cancel or the dead man's switch stops them). */
function hangingApp(marker: string): GantryManifest {
  const app = mathApp({
    name: 'forever',
    test: `node hang.js ${marker} & node hang.js ${marker} & node hang.js ${marker}; wait`,
  });
  return { ...app, files: [...app.files, { path: 'hang.js', content: 'setInterval(() => {}, 1000);\n' }] };
}

// The first draft of a prompt hangs; any later draft (a retry) is a good app.
const architect = new ScriptedArchitect(
  (prompt, n) => (n === 1 ? hangingApp(markerOf(prompt)) : mathApp({})),
  () => null,
);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    architect,
    policy: {
      builder: { concurrency: 1, dead_man_switch_seconds: 90, command_timeout_seconds: 90 },
      mission: { max_attempts: 1 },
      // The hanging app's test script backgrounds three processes and waits for them.
      stacks: stacksAllowing({ script_programs: ['wait'] }),
    },
  });
});
afterAll(async () => t?.stop());

const processesWith = (marker: string): string[] =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function submit(prompt: string): Promise<string> {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false, deploy: false });
  expect(res.status).toBe(202);
  return res.body.mission_id;
}

const ids: Record<string, string> = {};

test('cancel stops a running build within 2 s: CANCELLED, no process and no cgroup left, never resurrected', async () => {
  const prompt = 'hang running';
  const id = (ids.running = await submit(prompt));
  await until('the build processes', () => (processesWith(markerOf(prompt)).length >= 3 ? true : undefined));
  const cgroups = t.stack.sandbox.activeCgroupDirs();
  expect(cgroups.length).toBeGreaterThan(0);
  expect((await t.request('GET', `/gantry/status/${id}`)).body.status).toBe('BUILDING');

  const started = Date.now();
  const res = await t.request('POST', `/gantry/missions/${id}/cancel`, { reason: 'changed my mind' });
  const elapsed = Date.now() - started;
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ mission_id: id, status: 'CANCELLED', cancelled_from: 'BUILDING', workflow_stopped: true });
  expect(elapsed).toBeLessThan(2000);
  expect(res.body.stopped_ms).toBeLessThan(2000);

  // At once: the status, no process of the build, no cgroup of it.
  expect((await t.request('GET', `/gantry/status/${id}`)).body.status).toBe('CANCELLED');
  expect(processesWith(markerOf(prompt))).toEqual([]);
  for (const dir of cgroups) expect(existsSync(dir)).toBe(false);
  expect(t.stack.builds.active).toBe(0);

  // The event says who cancelled; the stopped build's result cannot move the mission on.
  const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events;
  const cancelled = events.find((e: any) => e.status === 'CANCELLED');
  expect(cancelled.actor).toMatchObject({ type: 'human' });
  expect(cancelled.actor.id).toMatch(/\S/);
  expect(cancelled.message).toMatch(/changed my mind/);
  expect(events.some((e: any) => e.event_type === 'cancel.stopped' && e.data.workflow_stopped === true)).toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  const later = (await t.request('GET', `/gantry/missions/${id}/events`)).body;
  expect(later.status).toBe('CANCELLED');
  expect(later.events.filter((e: any) => e.status && e.seq > cancelled.seq)).toEqual([]);
  const execution = JSON.parse(readFileSync(join(t.dataDir, 'executions', `${id}.json`), 'utf8'));
  expect(execution.status).toBe('ABORTED');

  const evidence = (await t.request('GET', `/gantry/missions/${id}/evidence`)).body;
  expect(evidence.statement.predicate.gantry.outcome).toBe('CANCELLED');
  const again = await t.request('POST', `/gantry/missions/${id}/cancel`);
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('MISSION_ENDED');
});

test("a mission waiting for a builder is withdrawn from the builders' line by cancel", async () => {
  const running = await submit('hang first');
  await until('the first build', () => (processesWith(markerOf('hang first')).length >= 3 ? true : undefined));
  const queued = await submit('hang second');
  const waiting = await until('a queue position', async () => {
    const s = (await t.request('GET', `/gantry/status/${queued}`)).body;
    return s.queue_position >= 1 ? s : undefined;
  });
  expect(waiting).toMatchObject({ status: 'QUEUED', queue_position: 1 });

  const res = await t.request('POST', `/gantry/missions/${queued}/cancel`);
  expect(res.body).toMatchObject({ status: 'CANCELLED', cancelled_from: 'QUEUED' });
  expect(res.body.stopped_ms).toBeLessThan(2000);
  const after = (await t.request('GET', `/gantry/status/${queued}`)).body;
  expect(after).toMatchObject({ status: 'CANCELLED', queue_position: null });
  // The stopped execution takes it out of the line (the rule on its ABORTED status, locally the runner's call).
  const line = await until('the line without it', async () => {
    const l = await t.stack.services.builderLine.read();
    return l.waiting.length === 0 ? l : undefined;
  });
  expect(line.holders.map((h) => h.mission_id)).toEqual([running]);
  // Its build never started; the other one is untouched.
  expect(processesWith(markerOf('hang second'))).toEqual([]);
  expect((await t.request('GET', `/gantry/status/${running}`)).body.status).toBe('BUILDING');
  expect(processesWith(markerOf('hang first')).length).toBeGreaterThanOrEqual(3);

  await t.request('POST', `/gantry/missions/${running}/cancel`);
  expect(processesWith(markerOf('hang first'))).toEqual([]);
  ids.first = running;
});

test('retry starts a new mission linked to the cancelled one; only ended-without-app missions can be retried', async () => {
  const old = ids.running!;
  const res = await t.request('POST', `/gantry/missions/${old}/retry`, undefined, { 'idempotency-key': 'retry-1' });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ retry_of: old, status: 'QUEUED' });
  const fresh = res.body.mission_id;
  expect(fresh).not.toBe(old);
  const same = await t.request('POST', `/gantry/missions/${old}/retry`, undefined, { 'idempotency-key': 'retry-1' });
  expect(same.status).toBe(200);
  expect(same.body.mission_id).toBe(fresh);

  const done = await t.waitFor(fresh, ['DEPLOYED', 'FAILED'], 60_000);
  expect(done).toMatchObject({ status: 'DEPLOYED', retry_of: old, prompt: 'hang running' });
  const previous = (await t.request('GET', `/gantry/status/${old}`)).body;
  expect(previous).toMatchObject({ status: 'CANCELLED', retried_by: fresh });
  const oldEvents = (await t.request('GET', `/gantry/missions/${old}/events`)).body.events;
  expect(oldEvents.at(-1)).toMatchObject({ event_type: 'mission.retried', data: { retry_mission_id: fresh } });
  const newEvents = (await t.request('GET', `/gantry/missions/${fresh}/events`)).body.events;
  expect(newEvents[0].data.retry_of).toBe(old);

  const deployed = await t.request('POST', `/gantry/missions/${fresh}/retry`);
  expect(deployed.status).toBe(409);
  expect(deployed.body.error.code).toBe('RETRY_NOT_ALLOWED');
  expect((await t.request('POST', '/gantry/missions/m-unknown/retry')).status).toBe(404);
  expect((await t.request('POST', '/gantry/missions/m-unknown/cancel')).status).toBe(404);
  expect((await t.requestAs(null, 'POST', `/gantry/missions/${old}/retry`)).status).toBe(401);
});
