import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStackProcess, type StackProcess } from '../helpers/stack-process';
import { TEST_ADMIN, writePolicy, removeStackDirs } from '../helpers/test-stack';

/**
 * The builders' line under a crash: the stack (one builder) is killed with SIGKILL while one
 * mission holds the builder and others wait QUEUED. After the restart the holder's build is
 * carried on, the waiting missions keep their places (their waits are entered again), and every
 * mission ends DEPLOYED with no position left, one build at a time.
 */
let stack: StackProcess | undefined;
let token = '';

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack!.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function login(): Promise<void> {
  const res = await fetch(`${stack!.base}/gantry/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  expect(res.status).toBe(200);
  token = ((await res.json()) as { token: string }).token;
}

test('killed while missions wait in line, the restarted stack builds each in turn: all DEPLOYED, none left in line', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-line-crash-'));
  const env = { GANTRY_POLICY_PATH: writePolicy(dataDir, { builder: { concurrency: 1 } }) };
  try {
    stack = await startStackProcess(dataDir, env);
    await login();
    const ids: string[] = [];
    for (const prompt of ['Build a calculator', 'Build a notes app', 'Build a habit tracker']) {
      const res = await api('POST', '/gantry/architect', { voice_memo: prompt, deploy: false, publish: false });
      expect(res.status).toBe(202);
      ids.push(res.body.mission_id as string);
    }
    // Kill once two missions wait in line behind the one holding the builder.
    const until = Date.now() + 60_000;
    let seen: Array<{ status: string; queue_position: number | null }> = [];
    for (;;) {
      seen = await Promise.all(ids.map(async (id) => (await api('GET', `/gantry/status/${id}`)).body));
      if (seen.filter((s) => s.status === 'QUEUED' && (s.queue_position ?? 0) >= 1).length === 2) break;
      if (Date.now() > until) throw new Error(`no line formed: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen.map((s) => s.queue_position).sort()).toEqual([1, 2, null]);
    await stack.kill();

    stack = await startStackProcess(dataDir, env);
    expect(stack.output()).toMatch(/Resumed 3 interrupted execution/);
    await login();
    const final = new Map<string, any>();
    const deadline = Date.now() + 150_000;
    while (final.size < ids.length && Date.now() < deadline) {
      for (const id of ids.filter((i) => !final.has(i))) {
        const s = (await api('GET', `/gantry/status/${id}`)).body;
        if (['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED'].includes(s.status)) final.set(id, s);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ids.map((id) => [final.get(id)?.status, final.get(id)?.queue_position])).toEqual(ids.map(() => ['DEPLOYED', null]));
    // One build at a time: each build began after the one before it had ended (its audit began).
    const spans: Array<{ building: number; auditing: number }> = [];
    for (const id of ids) {
      const events = (await api('GET', `/gantry/missions/${id}/events`)).body.events as Array<any>;
      const at = (status: string): number => Date.parse(events.filter((e) => e.status === status).at(-1)?.at ?? '');
      spans.push({ building: at('BUILDING'), auditing: at('AUDITING') });
    }
    spans.sort((a, b) => a.building - b.building);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.building).toBeGreaterThanOrEqual(spans[i - 1]!.auditing);
  } finally {
    await stack?.kill();
    removeStackDirs(dataDir);
  }
}, 300_000);
