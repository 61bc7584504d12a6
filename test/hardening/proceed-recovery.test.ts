import { planSha256 } from '../../lambdas/domain/plan-digest';
import { removeStackDirs, startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * "Proceed" across a crash, in-process and deterministic (the kill test does it with real kills):
 * a consultation confirmed but not started is started by the next start-up, and one whose mission
 * item fell behind its log takes "proceed" again instead of answering 409 CONFLICT for ever.
 */

let t: TestStack | undefined;
afterEach(async () => {
  await t?.stop();
  // A stack started again on the same data directory leaves it to its maker.
  if (t) removeStackDirs(t.dataDir);
  t = undefined;
});

async function toPlan(stack: TestStack, answer: string): Promise<string> {
  const first = await stack.request('POST', '/gantry/consult', { message: 'build me an app' });
  const id = first.body.mission_id as string;
  const plan = await stack.request('POST', '/gantry/consult', { message: answer, mission_id: id });
  expect(plan.body.status).toBe('NEEDS_CONFIRMATION');
  return id;
}

test('confirmed but never started (the process stopped in between): the next start builds it; one left behind its log takes proceed again', async () => {
  t = await startTestStack();
  const dataDir = t.dataDir;
  const store = t.stack.services.store;
  const tenant = (await t.request('GET', '/gantry/auth/status')).body.tenant.tenant_id as string;
  const user = (await t.request('GET', '/gantry/auth/status')).body.user;

  // 1. The confirmation is in the log (READY_TO_BUILD), the start never happened.
  const confirmed = await toPlan(t, 'A task manager with priorities');
  const mission = await store.requireMission(tenant, confirmed);
  await store.appendEvent(tenant, confirmed, {
    type: 'consultation.confirmed',
    status: 'READY_TO_BUILD',
    message: 'confirmed',
    actor: { type: 'human', id: String(user?.email ?? user?.user_id ?? 'owner') },
    idempotencyKey: `${confirmed}:confirmed`,
    data: { decision: 'APPROVE', plan: mission.plan, plan_sha256: planSha256(mission.plan!) },
  });
  expect((await t.request('GET', `/gantry/status/${confirmed}`)).body.status).toBe('READY_TO_BUILD');

  // 2. "yes, proceed" was recorded in the log, but the mission item did not move with it.
  const behind = await toPlan(t, 'a notes app');
  const said = await store.appendEvent(tenant, behind, {
    type: 'consultation.message',
    message: 'yes, proceed',
    actor: { type: 'human', id: 'owner' },
  });
  await store.patchMission(tenant, behind, { seq: said.seq - 1 } as never);
  expect((await store.requireMission(tenant, behind)).seq).toBe(said.seq - 1);

  await t.stack.stop();
  t = await startTestStack({ dataDir });
  expect(t.stack.notices.join('\n')).toMatch(/Started 1 confirmed or queued mission/);

  const built = await t.waitFor(confirmed, ['DEPLOYED', 'FAILED'], 180_000);
  expect(built.status).toBe('DEPLOYED');
  const events = (await t.request('GET', `/gantry/missions/${confirmed}/events`)).body.events as Array<{ event_type: string }>;
  expect(events.filter((e) => e.event_type === 'mission.created')).toHaveLength(1);

  // The item was brought up to its log at start-up: the person's next "proceed" is taken.
  expect((await t.stack.services.store.requireMission(tenant, behind)).seq).toBe(said.seq);
  const proceed = await t.request('POST', '/gantry/consult', { message: 'yes, proceed', mission_id: behind });
  expect(proceed.status).toBe(202);
  expect((await t.waitFor(behind, ['DEPLOYED', 'FAILED'], 180_000)).status).toBe('DEPLOYED');

  // Lists and status agree.
  const list = (await t.request('GET', '/gantry/missions?limit=10')).body.missions as Array<{
    mission_id: string;
    status: string;
  }>;
  for (const id of [confirmed, behind]) {
    expect(list.find((m) => m.mission_id === id)?.status).toBe((await t.request('GET', `/gantry/status/${id}`)).body.status);
  }
}, 400_000);

test('a consultation left READY_TO_BUILD with no build (no restart needed, as on AWS): the next message starts it, once', async () => {
  t = await startTestStack();
  const store = t.stack.services.store;
  const tenant = (await t.request('GET', '/gantry/auth/status')).body.tenant.tenant_id as string;
  const id = await toPlan(t, 'a pomodoro timer');
  const mission = await store.requireMission(tenant, id);
  await store.appendEvent(tenant, id, {
    type: 'consultation.confirmed',
    status: 'READY_TO_BUILD',
    message: 'confirmed',
    actor: { type: 'human', id: 'owner' },
    idempotencyKey: `${id}:confirmed`,
    data: { decision: 'APPROVE', plan: mission.plan, plan_sha256: planSha256(mission.plan!) },
  });
  const [a, b] = await Promise.all([
    t.request('POST', '/gantry/consult', { message: 'yes, proceed', mission_id: id }),
    t.request('POST', '/gantry/consult', { message: 'proceed', mission_id: id }),
  ]);
  expect([a.status, b.status]).toEqual([202, 202]);
  expect(a.body).toMatchObject({ started: true, consultant_status: 'READY_TO_BUILD' });
  expect((await t.waitFor(id, ['DEPLOYED', 'FAILED'], 180_000)).status).toBe('DEPLOYED');
  const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events as Array<{ event_type: string }>;
  expect(events.filter((e) => e.event_type === 'mission.created')).toHaveLength(1);
  expect(events.filter((e) => e.event_type === 'deploy.live')).toHaveLength(1);
  // Once it builds, the consultation is closed as before.
  expect((await t.request('POST', '/gantry/consult', { message: 'proceed', mission_id: id })).status).toBe(409);
}, 300_000);
