import { MissionListSchema, MissionStatusViewSchema } from '../../lambdas/api/schemas';
import type { MissionStatus } from '../../lambdas/domain/mission';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * `GET /gantry/search` and `POST /gantry/missions/clear` over the caller's tenant. Missions are
 * written through the stack's own store (no builds needed to have records to search).
 */
let t: TestStack;
let tenantA: string;
let tenantB: string;
let tokenB: string;

async function seed(
  tenant: string,
  id: string,
  prompt: string,
  status: MissionStatus,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await t.stack.services.store.createMission({
    tenantId: tenant,
    missionId: id,
    prompt,
    options: { deploy: false, publish: false },
    policyHash: 'test',
    speech: 'Gantry assumes control.',
    status,
    extra: extra as never,
  });
}

beforeAll(async () => {
  t = await startTestStack();
  tenantA = (await t.request('GET', '/gantry/auth/status')).body.tenant.tenant_id;
  const created = await t.request('POST', '/gantry/tenants', {
    name: 'Tenant B',
    owner_email: 'owner@search-b.test',
    owner_password: 'tenant-b-password-1',
  });
  expect(created.status).toBe(201);
  tenantB = created.body.tenant.tenant_id;
  tokenB = await t.login('owner@search-b.test', 'tenant-b-password-1');

  await seed(tenantA, 'm-todo', 'Build a todo list with due dates', 'DEPLOYED');
  await seed(tenantA, 'm-habit', 'Something to keep me on track', 'DEPLOYED', {
    project_name: 'habit-tracker',
    plan: {
      kind: 'custom',
      title: 'Habit Tracker',
      features: ['streaks'],
      design_target: null,
      proposed_stack: 'static-web',
      build_prompt: 'A habit tracker with daily check-ins',
      app_spec: {
        title: 'Habit Tracker',
        phrase: 'a habit tracker',
        entities: [{ id: 'checkin', name: 'Check-in', plural: 'Check-ins', fields: [{ id: 'mood', label: 'Mood' }] }],
      },
    },
  });
  await seed(tenantA, 'm-broken', 'A recipe book', 'FAILED', {
    failure: {
      code: 'TESTS_FAILED',
      message: 'npm test exited 1: expected 3 recipes',
      step: 'Audit',
      at: new Date().toISOString(),
    },
  });
  await seed(tenantA, 'm-running', 'A todo board still building', 'BUILDING');
  await seed(tenantB, 'm-b-todo', 'Build a todo list for tenant B', 'DEPLOYED');
});

afterAll(async () => t?.stop());

const ids = (body: { missions: Array<{ mission_id: string }> }): string[] => body.missions.map((m) => m.mission_id);

describe('GET /gantry/search', () => {
  test('matches the prompt, case-insensitively, in the list item shape, only in the caller’s tenant', async () => {
    const res = await t.request('GET', '/gantry/search?q=TODO');
    expect(res.status).toBe(200);
    expect(MissionListSchema.safeParse(res.body).success).toBe(true);
    expect(ids(res.body).sort()).toEqual(['m-running', 'm-todo']);
    const b = await t.requestAs(tokenB, 'GET', '/gantry/search?q=todo');
    expect(ids(b.body)).toEqual(['m-b-todo']);
    // The same item shape as the mission list.
    const list = await t.request('GET', '/gantry/missions');
    const row = list.body.missions.find((m: { mission_id: string }) => m.mission_id === 'm-todo');
    expect(res.body.missions.find((m: { mission_id: string }) => m.mission_id === 'm-todo')).toEqual(row);
  });

  test('matches the plan (title, entities, features), the status and the failure text', async () => {
    expect(ids((await t.request('GET', '/gantry/search?q=habit')).body)).toEqual(['m-habit']);
    expect(ids((await t.request('GET', '/gantry/search?q=check-ins')).body)).toEqual(['m-habit']);
    expect(ids((await t.request('GET', '/gantry/search?q=streaks')).body)).toEqual(['m-habit']);
    expect(ids((await t.request('GET', '/gantry/search?q=failed')).body)).toEqual(['m-broken']);
    expect(ids((await t.request('GET', '/gantry/search?q=expected%203%20recipes')).body)).toEqual(['m-broken']);
    expect(ids((await t.request('GET', '/gantry/search?q=building')).body)).toEqual(['m-running']);
    // Every word must be found somewhere.
    expect(ids((await t.request('GET', '/gantry/search?q=todo%20recipe')).body)).toEqual([]);
  });

  test('ranks a whole-word match in the prompt above a part-word one', async () => {
    await seed(tenantA, 'm-todos', 'Track todos and chores', 'DEPLOYED');
    const res = await t.request('GET', '/gantry/search?q=todo');
    expect(ids(res.body).indexOf('m-todo')).toBeLessThan(ids(res.body).indexOf('m-todos'));
    const limited = await t.request('GET', '/gantry/search?q=todo&limit=1');
    expect(ids(limited.body)).toHaveLength(1);
  });

  test('bad input is a named 400', async () => {
    for (const query of [
      '',
      '?q=',
      '?q=%20%20',
      `?q=${'x'.repeat(201)}`,
      '?q=todo&limit=0',
      '?q=todo&limit=51',
      '?q=todo&tenant=x',
    ]) {
      const res = await t.request('GET', `/gantry/search${query}`);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({ query, status: 400, code: 'VALIDATION_ERROR' });
      expect(res.body.error.message).toMatch(/q is|200|limit|unknown field/);
    }
    expect((await t.requestAs(null, 'GET', '/gantry/search?q=todo')).status).toBe(401);
  });
});

describe('POST /gantry/missions/clear', () => {
  test('a running mission is refused with a named 409, and nothing in the request is cleared', async () => {
    const res = await t.request('POST', '/gantry/missions/clear', { mission_ids: ['m-broken', 'm-running'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MISSION_NOT_FINAL');
    expect(res.body.error.message).toContain('m-running (BUILDING)');
    expect(ids((await t.request('GET', '/gantry/missions')).body)).toContain('m-broken');
  });

  test('another tenant’s mission is not found, and stays listed for its tenant', async () => {
    const res = await t.request('POST', '/gantry/missions/clear', { mission_ids: ['m-b-todo'] });
    expect(res.status).toBe(404);
    expect(ids((await t.requestAs(tokenB, 'GET', '/gantry/missions')).body)).toEqual(['m-b-todo']);
  });

  test('clears final missions from lists and search; the record stays readable by id', async () => {
    const res = await t.request('POST', '/gantry/missions/clear', { mission_ids: ['m-todo', 'm-broken'] });
    expect(res.status).toBe(200);
    expect(res.body.cleared.map((c: { mission_id: string }) => c.mission_id)).toEqual(['m-todo', 'm-broken']);
    const listed = ids((await t.request('GET', '/gantry/missions')).body);
    expect(listed).not.toContain('m-todo');
    expect(listed).not.toContain('m-broken');
    expect(listed).toContain('m-habit');
    expect(ids((await t.request('GET', '/gantry/search?q=todo')).body)).not.toContain('m-todo');
    expect(ids((await t.request('GET', '/gantry/search?q=failed')).body)).toEqual([]);
    const status = await t.request('GET', '/gantry/status/m-broken');
    expect(status.status).toBe(200);
    expect(MissionStatusViewSchema.safeParse(status.body).success).toBe(true);
    expect(status.body.cleared_at).toBe(res.body.cleared[1].cleared_at);
    expect(status.body.failure.code).toBe('TESTS_FAILED');
    // Clearing again keeps the first time.
    const again = await t.request('POST', '/gantry/missions/clear', { mission_ids: ['m-broken'] });
    expect(again.body.cleared[0].cleared_at).toBe(res.body.cleared[1].cleared_at);
  });

  test('bad bodies are named 400s', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `m-${i}`);
    for (const body of [
      {},
      { mission_ids: [] },
      { mission_ids: many },
      { mission_ids: ['../x'] },
      { mission_ids: ['m-todo'], tenant: 'x' },
    ]) {
      const res = await t.request('POST', '/gantry/missions/clear', body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code: 'VALIDATION_ERROR' });
    }
  });
});
