import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * No silent unsandboxed builds: on a machine whose bubblewrap is missing (or broken), builds are
 * refused with an error naming the fix and `/ready` says not ready; with the operator's explicit
 * `GANTRY_SANDBOX=none` they run, and the mission, `/ready` and the sealed evidence say
 * "unsandboxed".
 */

const NO_BWRAP = { bwrapPath: null, useCgroups: false };

async function submit(t: TestStack): Promise<string> {
  const res = await t.request('POST', '/gantry/architect', { voice_memo: 'Build a calculator', deploy: true, publish: false });
  expect(res.status).toBe(202);
  return res.body.mission_id as string;
}

describe('without a sandbox and without the opt-in', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ sandbox: NO_BWRAP });
  }, 60_000);
  afterAll(async () => t?.stop());

  test('/ready is not ready and names the builder', async () => {
    const ready = await t.requestAs(null, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.builder).toBe(false);
    expect(ready.body.builder_isolation).toBe('unavailable');
    expect(ready.body.builder_detail).toMatch(/bubblewrap.*GANTRY_SANDBOX=none/);
    expect(t.stack.notices.join('\n')).toMatch(/SANDBOX UNAVAILABLE.*builds are refused/);
  });

  test('a build is refused with an error naming the fix, before anything runs', async () => {
    const id = await submit(t);
    const done = await t.waitFor(id, ['FAILED', 'DEPLOYED'], 60_000);
    expect(done.status).toBe('FAILED');
    expect(JSON.stringify(done.failure)).toMatch(/SANDBOX_UNAVAILABLE|No working sandbox/);
    expect(JSON.stringify(done.failure)).toMatch(/apt-get install bubblewrap/);
    expect(JSON.stringify(done.failure)).toMatch(/GANTRY_SANDBOX=none/);
    expect(done.attempts).toHaveLength(0);
    expect(t.stack.builds.peak).toBe(0);
  });
});

describe('without a sandbox, with GANTRY_SANDBOX=none', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ sandbox: NO_BWRAP, env: { GANTRY_SANDBOX: 'none' } });
  }, 60_000);
  afterAll(async () => t?.stop());

  test('/ready is ready but says unsandboxed', async () => {
    const ready = await t.requestAs(null, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.builder).toBe(true);
    expect(ready.body.builder_isolation).toBe('unsandboxed');
  });

  test('the build runs, and the mission, its events and its sealed evidence say unsandboxed', async () => {
    const id = await submit(t);
    const done = await t.waitFor(id, ['FAILED', 'DEPLOYED'], 120_000);
    expect(done.failure).toBeNull();
    expect(done.status).toBe('DEPLOYED');
    expect(done.builder_isolation).toBe('unsandboxed');
    const events = (await t.request('GET', `/gantry/missions/${id}/events`)).body.events as Array<{ message: string }>;
    expect(events.some((e) => /UNSANDBOXED \(GANTRY_SANDBOX=none\)/.test(e.message))).toBe(true);
    const sealed = (await t.request('GET', `/gantry/missions/${id}/evidence`)).body;
    expect(sealed.statement.predicate.gantry.mission.builder_isolation).toBe('unsandboxed');
    expect(sealed.statement.predicate.runDetails.builder.id).toMatch(/unsandboxed$/);
  });
});

describe('with the sandbox', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 60_000);
  afterAll(async () => t?.stop());

  test('/ready reports a sandboxed builder', async () => {
    const ready = await t.requestAs(null, 'GET', '/ready');
    expect(ready.body.builder_isolation).toBe(t.stack.sandbox.describe().isolation === 'none' ? 'unavailable' : 'sandboxed');
  });
});
