import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runDebugger, DebuggerUnavailableError } from '../../lambdas/app/debugger';
import type { Services } from '../../lambdas/composition-root';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * POST /gantry/debugger/run through the local stack: snippets run in the builder's sandbox with
 * the policy's debugger limits; what breaks a limit is contained and reported with its reason,
 * and nothing of it keeps running. Runs are stored per tenant and can be listed and searched.
 */
let t: TestStack;
const marker = `gdbg${process.pid}x${Date.now() % 100000}`;

beforeAll(async () => {
  t = await startTestStack({
    policy: {
      builder: { concurrency: 2, disk_mb: 16 },
      // A generous time limit: the builders' group weighs little against a busy host's other work
      // (the rest of the suite), and a snippet that must reach its memory cap needs its CPU first.
      debugger: { timeout_seconds: 20, memory_mb: 96, max_pids: 24 },
      rate_limits: { default: { capacity: 50, refill_per_minute: 2 } },
    },
  });
});
afterAll(async () => t?.stop());

const run = (body: unknown) => t.request('POST', '/gantry/debugger/run', body);

function leftovers(): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker));
}

async function runWatched(body: unknown): Promise<{ res: Awaited<ReturnType<typeof run>>; cgroups: Set<string> }> {
  const cgroups = new Set<string>();
  const timer = setInterval(() => {
    for (const dir of t.stack.sandbox.activeCgroupDirs()) cgroups.add(dir);
  }, 20);
  try {
    return { res: await run(body), cgroups };
  } finally {
    clearInterval(timer);
  }
}

function expectNothingLeft(cgroups: Set<string>): void {
  expect(leftovers()).toEqual([]);
  expect(t.stack.sandbox.activeRunCount()).toBe(0);
  for (const dir of cgroups) expect(existsSync(dir)).toBe(false);
}

test('a snippet runs in the sandbox and returns stdout, stderr, exit code and reason', async () => {
  const res = await run({
    language: 'javascript',
    code: `console.log('hello ${marker}'); console.error('warn'); process.exit(3);`,
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    stdout: `hello ${marker}\n`,
    stderr: 'warn\n',
    exit_code: 3,
    end_reason: 'exit',
    timeout_ms: 20000,
  });
  expect(res.body.limits).toEqual({ memory_mb: 96, cpu_percent: 50, max_pids: 24 });
  const shell = await run({
    language: 'shell',
    code: 'id -u; ls / | tr "\\n" " "; echo; cat /etc/hostname 2>/dev/null || hostname',
  });
  expect(shell.body.exit_code).toBe(0);
  expect(shell.body.stdout.split('\n')[0]).not.toBe('0');
  expect(shell.body.stdout).not.toMatch(/\bhome\b.*\broot\b/);
});

test('code that ignores its time limit is stopped at it: end_reason timeout, nothing left', async () => {
  const started = Date.now();
  const { res, cgroups } = await runWatched({
    language: 'javascript',
    code: `process.title = '${marker}-spin'; for (;;) {}`,
    timeout_seconds: 2,
  });
  expect(res.body).toMatchObject({ end_reason: 'timeout', exit_code: null, timeout_ms: 2000 });
  expect(Date.now() - started).toBeLessThan(6000);
  expect(cgroups.size).toBeGreaterThan(0);
  expectNothingLeft(cgroups);
});

test('a fork bomb stops at the process limit: end_reason pids, nothing left', async () => {
  const { res, cgroups } = await runWatched({
    language: 'shell',
    code: `bomb() { bomb | bomb & }; bomb; sleep 3${marker.length}71${process.pid}`,
  });
  expect(res.body.end_reason).toBe('pids');
  expect(res.body.stderr).toMatch(/Cannot fork|Resource temporarily unavailable/);
  expectNothingLeft(cgroups);
  expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(`sleep 3${marker.length}71${process.pid}`);
});

test('allocating past the memory cap is killed: end_reason memory', async () => {
  const { res, cgroups } = await runWatched({
    language: 'javascript',
    code: `process.title = '${marker}-hog'; const keep = []; for (;;) keep.push(Buffer.alloc(8 << 20, 1));`,
  });
  expect(res.body.end_reason).toBe('memory');
  expect(res.body.exit_code === null || res.body.exit_code === 137).toBe(true);
  expectNothingLeft(cgroups);
});

test('writing past the disk quota (builder.disk_mb) is stopped: end_reason disk', async () => {
  const res = await run({ language: 'shell', code: 'head -c 64000000 /dev/zero > /job/fill.bin; echo wrote' });
  expect(res.body.end_reason).toBe('disk');
  expect(res.body.stderr).toMatch(/No space left on device/);
});

test('trying the network fails inside the sandbox: end_reason network', async () => {
  const byName = await run({ language: 'javascript', code: `await fetch('http://example.com/${marker}');` });
  expect(byName.body.end_reason).toBe('network');
  expect(byName.body.stderr).toMatch(/EAI_AGAIN|ENOTFOUND|getaddrinfo/);
  const byAddress = await run({
    language: 'javascript',
    code: "require('node:net').connect(443, '1.1.1.1').on('error', (e) => { console.error(e.code); process.exit(2); });",
  });
  expect(byAddress.body).toMatchObject({ end_reason: 'network', exit_code: 2 });
  expect(byAddress.body.stderr).toMatch(/ENETUNREACH/);
});

test('bad input is a 400 naming the problem; a longer limit than the policy is refused', async () => {
  expect((await run({ language: 'python', code: 'print(1)' })).status).toBe(400);
  expect((await run({ language: 'shell', code: '' })).body.error.code).toBe('VALIDATION_ERROR');
  const tooLong = await run({ language: 'shell', code: 'true', timeout_seconds: 30 });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.error.message).toMatch(/timeout_seconds/);
  expect((await run({ language: 'shell', code: 'x'.repeat(40_000) })).body.error.message).toMatch(/max_code_bytes/);
  expect((await run({ language: 'shell', code: 'true', extra: 1 })).status).toBe(400);
});

test('runs are stored per tenant: listed newest first, searched by code or output, invisible to other tenants', async () => {
  const token = `needle-${marker}`;
  const mine = await run({ language: 'shell', code: `echo found-${token}` });
  expect(mine.body.stdout).toBe(`found-${token}\n`);
  const logs = (await t.request('GET', '/gantry/debugger/logs?limit=100')).body.runs;
  expect(logs[0]).toMatchObject({ run_id: mine.body.run_id, language: 'shell', end_reason: 'exit', exit_code: 0 });
  expect(logs.map((r: any) => r.end_reason)).toEqual(expect.arrayContaining(['timeout', 'pids', 'memory', 'network', 'exit']));
  const times = logs.map((r: any) => r.created_at);
  expect(times).toEqual([...times].sort().reverse());
  const found = (await t.request('GET', `/gantry/debugger/search?q=${encodeURIComponent(token.toUpperCase())}`)).body;
  expect(found.runs.map((r: any) => r.run_id)).toEqual([mine.body.run_id]);
  expect((await t.request('GET', '/gantry/debugger/search?q=')).status).toBe(400);
  expect((await t.request('GET', '/gantry/debugger/logs?limit=0')).status).toBe(400);

  const other = await t.request('POST', '/gantry/tenants', {
    name: 'Other tenant',
    owner_email: `other-${marker}@gantry.test`,
    owner_password: 'other-owner-password-1',
  });
  expect(other.status).toBe(201);
  const otherToken = await t.login(`other-${marker}@gantry.test`, 'other-owner-password-1');
  expect((await t.requestAs(otherToken, 'GET', '/gantry/debugger/logs')).body.runs).toEqual([]);
  expect((await t.requestAs(otherToken, 'GET', `/gantry/debugger/search?q=${token}`)).body.runs).toEqual([]);
  expect((await t.requestAs(null, 'GET', '/gantry/debugger/logs')).status).toBe(401);
});

test('debugger runs take builder slots: with both slots held by builds a run waits, and runs plus builds never exceed 2', async () => {
  const slots = t.stack.slots;
  expect(slots.capacity).toBe(2);
  const releaseA = await slots.acquire('build-held-a');
  const releaseB = await slots.acquire('build-held-b');
  let finished = false;
  const waiting = run({ language: 'shell', code: 'echo waited' }).then((res) => {
    finished = true;
    return res;
  });
  // The run joins the builders' line once its request is through the gateway (on a loaded machine
  // that can take a while), and then stays there: no sandbox starts while both slots are held.
  for (const until = Date.now() + 20_000; slots.snapshot().waiting.length === 0 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(slots.snapshot().waiting).toEqual([expect.stringMatching(/^debugger-/)]);
  await new Promise((r) => setTimeout(r, 400));
  expect(finished).toBe(false);
  expect(slots.snapshot().waiting).toEqual([expect.stringMatching(/^debugger-/)]);
  expect(t.stack.sandbox.activeRunCount()).toBe(0);
  releaseA();
  expect((await waiting).body).toMatchObject({ stdout: 'waited\n', end_reason: 'exit' });

  // One build still holds a slot: three concurrent snippets run one at a time beside it.
  let most = 0;
  let mostHeld = 0;
  const watch = setInterval(() => {
    most = Math.max(most, t.stack.sandbox.activeRunCount());
    mostHeld = Math.max(mostHeld, slots.snapshot().running.length);
  }, 5);
  try {
    const runs = await Promise.all([1, 2, 3].map((n) => run({ language: 'shell', code: `sleep 0.3; echo run-${n}` })));
    expect(runs.map((r) => r.body.stdout)).toEqual(['run-1\n', 'run-2\n', 'run-3\n']);
  } finally {
    clearInterval(watch);
    releaseB();
  }
  expect(most).toBe(1);
  expect(mostHeld).toBe(2);
  expect(slots.snapshot()).toEqual({ capacity: 2, running: [], waiting: [] });
});

test('without a sandbox (the AWS deployment) a run is refused with 501 DEBUGGER_UNAVAILABLE', async () => {
  const { snippets: _none, ...withoutSandbox } = t.stack.services;
  const attempt = runDebugger(withoutSandbox as Services, {
    tenantId: 't',
    actor: { type: 'human', id: 'u' },
    request: { language: 'shell', code: 'true' },
  });
  await expect(attempt).rejects.toBeInstanceOf(DebuggerUnavailableError);
  await expect(attempt).rejects.toMatchObject({ httpStatus: 501, code: 'DEBUGGER_UNAVAILABLE' });
});
