import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStackProcess } from '../helpers/stack-process';
import { startTestStack, TEST_ADMIN, type TestStack, removeStackDirs } from '../helpers/test-stack';

const RUNNING = [
  'QUEUED',
  'ARCHITECTING',
  'POLICY_CHECK',
  'BUILDING',
  'AUDITING',
  'HEALING',
  'DEPLOYING',
  'PUBLISHING',
  'SEALING',
];

test('a stack killed mid-mission carries every interrupted mission on after it starts again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-restart-'));
  const stack = await startStackProcess(dataDir);
  const base = stack.base;
  const login = await fetch(`${base}/gantry/auth`, { method: 'POST', body: JSON.stringify(TEST_ADMIN) });
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const ids: string[] = [];
  for (const prompt of ['Build a calculator', 'Build a task manager with local storage']) {
    const res = await fetch(`${base}/gantry/architect`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ voice_memo: prompt }),
    });
    expect(res.status).toBe(202);
    ids.push(((await res.json()) as { mission_id: string }).mission_id);
  }
  // Wait until the first mission is building, then kill the process without any chance to clean up.
  for (let i = 0; i < 800; i++) {
    const s = (await (await fetch(`${base}/gantry/status/${ids[0]}`, { headers: auth })).json()) as { status: string };
    if (!['QUEUED', 'ARCHITECTING', 'POLICY_CHECK'].includes(s.status)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const before = (await (await fetch(`${base}/gantry/status/${ids[0]}`, { headers: auth })).json()) as { status: string };
  await stack.kill();

  let t: TestStack | undefined;
  try {
    t = await startTestStack({ dataDir });
    if (RUNNING.includes(before.status)) {
      expect(t.stack.notices.join('\n')).toMatch(/Resumed \d+ interrupted execution/);
    }
    for (const id of ids) {
      // Resumed, not failed: each mission goes on to its end.
      const status = await t.waitFor(id, ['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'], 180_000);
      expect(status.status).toBe('DEPLOYED');
      expect(status.url).toBeTruthy();
      expect(status.pr_url).toBeTruthy();
      const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events as Array<{
        event_type: string;
        status: string | null;
      }>;
      // Work done before the kill is not done again: one draft, one deploy, one pull request.
      expect(events.filter((e) => e.event_type === 'architect.drafted')).toHaveLength(1);
      expect(events.filter((e) => e.event_type === 'deploy.live')).toHaveLength(1);
      expect(events.filter((e) => e.event_type === 'publish.opened')).toHaveLength(1);
      expect(events.filter((e) => e.status === 'DEPLOYED')).toHaveLength(1);
      // The sealed evidence verifies like any other.
      const evidence = await t.request('GET', `/gantry/missions/${id}/evidence`);
      expect(evidence.status).toBe(200);
      expect(evidence.body.statement.predicate.gantry.outcome).toBe('DEPLOYED');
    }
  } finally {
    await t?.stop();
    removeStackDirs(dataDir);
  }
});
