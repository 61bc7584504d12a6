import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, summarizeMetrics, type MetricPoint } from '../../lambdas/domain/ops-metrics';
import { brokenMath, mathApp, ScriptedArchitect } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * `/ops` on the local stack: the dashboard's metrics computed from the records the handlers
 * emitted (kept in the data directory), checked against what the missions' own event logs say.
 */
describe('summarizeMetrics', () => {
  const at = (minutesAgo: number) => new Date(Date.parse('2026-01-01T12:00:00Z') - minutesAgo * 60_000).toISOString();
  const point = (name: string, value: number, dimensions: Record<string, string> = {}, minutesAgo = 1): MetricPoint => ({
    name,
    value,
    dimensions,
    at: at(minutesAgo),
  });

  test('percentiles are nearest-rank; empty is null', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 95)).toBe(5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(hundred, 50), percentile(hundred, 95)]).toEqual([50, 95]);
  });

  test('adds up statuses, heals, spend and errors, and keeps to the window', () => {
    const points = [
      point('MissionStatusChanges', 1, { status: 'QUEUED' }),
      point('MissionStatusChanges', 1, { status: 'HEALING' }),
      point('MissionStatusChanges', 1, { status: 'HEALING' }),
      point('MissionStatusChanges', 1, { status: 'QUEUED' }, 120),
      point('TimeToLiveUrl', 4000),
      point('TimeToLiveUrl', 2000),
      point('ModelTokens', 1500, { purpose: 'draft' }),
      point('ModelCostUsd', 0.0125, { purpose: 'draft' }),
      point('MissionErrors', 1, { step: 'Audit' }),
    ];
    const s = summarizeMetrics(points, { since: new Date(at(60)), now: new Date(at(0)) });
    expect(s.missions_by_status).toEqual({ QUEUED: 1, HEALING: 2 });
    expect(s.heal_attempts).toBe(2);
    expect(s.time_to_live_url_ms).toEqual({ count: 2, p50: 2000, p95: 4000, max: 4000 });
    expect(s.builder_queue_wait_ms).toEqual({ count: 0, p50: null, p95: null, max: null });
    expect([s.model_tokens, s.model_cost_usd]).toEqual([1500, 0.0125]);
    expect(s.errors).toEqual({ total: 1, by_step: { Audit: 1 } });
    expect(summarizeMetrics(points).missions_by_status.QUEUED).toBe(2);
  });
});

describe('the /ops page of a running stack', () => {
  const architect = new ScriptedArchitect(
    () => mathApp({ math: brokenMath({ multiply: true }) }),
    (input) => ({
      ...input.manifest,
      files: input.manifest.files.map((f) =>
        f.path === 'src/math.js'
          ? { ...f, content: input.prompt === 'fix' ? brokenMath({}) : brokenMath({ multiply: true }, 'still wrong') }
          : f,
      ),
    }),
  );
  let t: TestStack;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestStack({ architect, policy: { mission: { max_attempts: 2 } } });
    for (const prompt of ['fix', 'hopeless']) {
      const res = await t.request('POST', '/gantry/architect', { voice_memo: prompt, publish: false });
      expect(res.status).toBe(202);
      ids.push(res.body.mission_id);
    }
    await t.waitFor(ids[0]!, ['DEPLOYED', 'FAILED'], 240_000);
    await t.waitFor(ids[1]!, ['DEPLOYED', 'FAILED'], 240_000);
  }, 300_000);
  afterAll(async () => t?.stop());

  test('metrics.json agrees with the missions’ event logs and records', async () => {
    const statusCounts: Record<string, number> = {};
    for (const id of ids) {
      for (const e of (await t.request('GET', `/gantry/missions/${id}/events`)).body.events as Array<{ status?: string }>) {
        if (e.status) statusCounts[e.status] = (statusCounts[e.status] ?? 0) + 1;
      }
    }
    const [fixed, hopeless] = await Promise.all(ids.map(async (id) => (await t.request('GET', `/gantry/status/${id}`)).body));
    expect([fixed.status, hopeless.status]).toEqual(['DEPLOYED', 'FAILED']);

    const res = await t.request('GET', '/ops/metrics.json?window=all');
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.missions_by_status).toEqual(statusCounts);
    expect(s.heal_attempts).toBe(statusCounts.HEALING);
    expect(s.heal_attempts).toBe(2);
    expect(s.time_to_live_url_ms.count).toBe(1);
    const lifetime = Date.parse(fixed.updated_at) - Date.parse(fixed.created_at);
    expect(s.time_to_live_url_ms.p50).toBeGreaterThan(0);
    expect(s.time_to_live_url_ms.p50).toBeLessThanOrEqual(lifetime + 1000);
    // One queue wait per build attempt.
    expect(s.builder_queue_wait_ms.count).toBe(fixed.attempts.length + hopeless.attempts.length);
    expect(s.errors).toEqual({ total: 1, by_step: { [hopeless.failure.step]: 1 } });
    expect(s.model_tokens).toBe(0);
    // The records are in the data directory, one JSON line each.
    const lines = readFileSync(join(t.dataDir, 'metrics', 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBe(s.window.points);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      name: expect.any(String),
      unit: expect.any(String),
      value: expect.any(Number),
    });
  });

  test('the page shows every panel of the dashboard; operators only', async () => {
    const page = await t.request('GET', '/ops');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const id of ['missions', 'time-to-live', 'heal', 'queue', 'spend', 'errors']) expect(page.text).toContain(`id="${id}"`);
    expect(page.text).toMatch(/DEPLOYED<\/td>/);
    expect((await t.requestAs(null, 'GET', '/ops')).status).toBe(401);
    expect((await t.requestAs(null, 'GET', '/ops/metrics.json')).status).toBe(401);
    const added = await t.request('POST', '/gantry/users', {
      email: 'member@ops.test',
      password: 'member-password-1',
      role: 'member',
    });
    expect(added.status).toBe(201);
    const member = await t.login('member@ops.test', 'member-password-1');
    const refused = await t.requestAs(member, 'GET', '/ops/metrics.json');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.request('GET', '/ops/metrics.json?window=1y')).status).toBe(400);
  });
});
