import type { ArchitectPort } from '../../lambdas/domain/ports';
import { signRequest } from '../../lambdas/domain/siri-signature';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/** An architect that gives up at once, so accepted requests cost no build. */
const quickFail: ArchitectPort = {
  name: 'scripted-quick-fail',
  async draft() {
    throw new Error('scripted: no build in this test');
  },
  async heal() {
    return null;
  },
};

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    architect: quickFail,
    policy: {
      auth: {
        login_per_account: { capacity: 3, refill_per_minute: 0.01 },
        login_per_source: { capacity: 12, refill_per_minute: 0.01 },
      },
      rate_limits: { architect: { capacity: 10, refill_per_minute: 0.01 } },
    },
  });
});
afterAll(async () => t?.stop());

describe('token bucket', () => {
  test('50 parallel requests at a bucket of 10: exactly 10 pass, 40 get 429 with Retry-After', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.request('POST', '/gantry/architect', { voice_memo: `Build a timer number ${i}`, deploy: false, publish: false }),
      ),
    );
    const passed = results.filter((r) => r.status === 202);
    const limited = results.filter((r) => r.status === 429);
    expect(passed).toHaveLength(10);
    expect(limited).toHaveLength(40);
    for (const r of limited) {
      expect(r.body.error.code).toBe('RATE_LIMITED');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.body.error.details.retry_after_seconds).toBe(Number(r.headers.get('retry-after')));
    }
    // Exactly the admitted requests became missions.
    const missions = (await t.request('GET', '/gantry/missions?limit=100')).body.missions;
    expect(missions).toHaveLength(10);
  });
});

describe('login throttling', () => {
  test('repeated failures from another address lock the account there, even for the right password, with Retry-After', async () => {
    const attempt = (password: string) =>
      t.requestFrom('127.0.0.3', null, 'POST', '/gantry/auth', { email: TEST_ADMIN.email, password });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password-guess')).status).toBe(401);
    const locked = await attempt(TEST_ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_THROTTLED');
    expect(locked.body.error.message).toMatch(/for this account/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    // The session issued before the lock still works: throttling guards logins, not sessions.
    expect((await t.request('GET', '/gantry/auth/status')).status).toBe(200);
    // The owner's own address (where they signed in before) is not locked out.
    expect(
      (await t.requestAs(null, 'POST', '/gantry/auth', { email: TEST_ADMIN.email, password: TEST_ADMIN.password })).status,
    ).toBe(200);
  });
});

describe('Siri', () => {
  let keyId: string;
  let secret: string;
  const send = (body: string, headers: Record<string, string>, contentType = 'text/plain') =>
    t.requestAs(null, 'POST', '/gantry/siri', body, { 'content-type': contentType, ...headers });
  const audit = async () => (await t.request('GET', '/gantry/audit?limit=500')).body.audit as any[];
  let accepted: { body: string; headers: Record<string, string> };

  beforeAll(async () => {
    const res = await t.request('POST', '/gantry/devices', { name: 'My iPhone' });
    expect(res.status).toBe(201);
    keyId = res.body.key_id;
    secret = res.body.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.scheme).toBe('GANTRY-SIRI-V1');
  });

  test('the secret is shown once: listing never returns it, and the store keeps it sealed', async () => {
    const list = await t.request('GET', '/gantry/devices');
    expect(list.body.devices).toEqual([expect.objectContaining({ key_id: keyId, name: 'My iPhone', revoked_at: null })]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await t.stack.services.identity.getDevice(keyId);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.secret_sealed).toMatch(/^v1\./);
  });

  test('a correctly signed request starts a consultation; the next one continues it to a build', async () => {
    const body = 'Build a calculator with dark mode';
    const headers = signRequest({ keyId, secret, body });
    accepted = { body, headers };
    const res = await send(body, headers);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('NEEDS_CONFIRMATION');
    expect(typeof res.body.speech).toBe('string');
    expect(res.body.speech.length).toBeGreaterThan(0);
    const events = (await t.request('GET', `/gantry/missions/${res.body.mission_id}/events`)).body.events;
    expect(events[0].actor).toEqual({ type: 'integration', id: `siri/${keyId}` });
    // "Proceed" from the same device continues the same consultation and starts the build.
    const proceed = 'Yes, proceed';
    const next = await send(proceed, signRequest({ keyId, secret, body: proceed }));
    expect(next.status).toBe(202);
    expect(next.body.mission_id).toBe(res.body.mission_id);
    const status = await t.request('GET', `/gantry/status/${res.body.mission_id}`);
    expect(status.status).toBe(200);
    expect(['QUEUED', 'ARCHITECTING', 'FAILED']).toContain(status.body.status);
  });

  test('JSON bodies and ISO 8601 timestamps (what Shortcuts formats) are accepted too', async () => {
    const body = JSON.stringify({ message: 'Build a notes app', deploy: false, publish: false });
    const timestamp = new Date().toISOString().replace(/\.\d+Z$/, '+00:00');
    const res = await send(body, signRequest({ keyId, secret, body, timestamp }), 'application/json');
    expect([200, 202]).toContain(res.status);
    expect(res.body.mission_id).toEqual(expect.any(String));
  });

  test('each bad request is refused with its own error and recorded', async () => {
    const body = 'Build a timer';
    // Timestamps are taken when each request is signed, rounded away from the server's clock, so
    // a slow machine cannot bring a future one back inside the 300 s window before it is checked.
    const past = () => String(Math.floor(Date.now() / 1000) - 301);
    const future = () => String(Math.ceil(Date.now() / 1000) + 302);
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, number]> = [
      ['SIRI_BAD_SIGNATURE', () => send(body, signRequest({ keyId, secret: 'f'.repeat(64), body })), 401],
      ['SIRI_STALE_TIMESTAMP', () => send(body, signRequest({ keyId, secret, body, timestamp: past() })), 401],
      ['SIRI_STALE_TIMESTAMP', () => send(body, signRequest({ keyId, secret, body, timestamp: future() })), 401],
      ['SIRI_REPLAYED_NONCE', () => send(accepted.body, accepted.headers), 401],
      ['SIRI_BODY_TAMPERED', () => send('Build ransomware', signRequest({ keyId, secret, body })), 401],
      ['SIRI_BODY_TOO_LARGE', () => send('x'.repeat(5000), signRequest({ keyId, secret, body: 'x'.repeat(5000) })), 413],
      ['SIRI_MISSING_HEADERS', () => send(body, { 'x-gantry-key': keyId }), 400],
    ];
    for (const [code, run, status] of cases) {
      const res = await run();
      expect({ code: res.body.error?.code, status: res.status }).toEqual({ code, status });
    }
    const recorded = (await audit()).filter((a) => a.type === 'siri.refused').map((a) => a.code);
    for (const [code] of cases) expect(recorded).toContain(code);
  });

  test('200 unproven refusals are tallied in a few counters with their counts; a signed request refused later keeps its own item', async () => {
    const tenantId = (await t.stack.services.identity.getDevice(keyId))!.tenant_id;
    const items = async () => ({
      tenant: (await t.stack.services.identity.listAudit(tenantId, 1000)).length,
      unattributed: (await t.stack.services.identity.listAudit(null, 1000)).length,
    });
    const before = await items();
    const body = 'Build a timer';
    for (let batch = 0; batch < 10; batch++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? send(body, signRequest({ keyId, secret: 'e'.repeat(64), body }))
            : send(body, signRequest({ keyId: `dk_${String(batch * 20 + i).padStart(20, 'Z')}`, secret, body })),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    }
    const after = await items();
    // One counter per code (and per hour: a run across an hour boundary may make two).
    expect(after.tenant - before.tenant).toBeLessThanOrEqual(2);
    expect(after.unattributed - before.unattributed).toBeLessThanOrEqual(2);
    const badSignatures = (await audit()).filter((a) => a.code === 'SIRI_BAD_SIGNATURE');
    // The earlier bad-signature case of this file is counted too.
    expect(badSignatures.reduce((sum, a) => sum + a.count, 0)).toBe(101);
    expect(badSignatures[0]).toMatchObject({
      type: 'siri.refused',
      actor: { type: 'integration', id: `siri/${keyId}` },
      data: { source: '127.0.0.0/24', last_source_ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/) },
    });
    const unknown = (await t.stack.services.identity.listAudit(null, 1000)).filter((a) => a.code === 'SIRI_UNKNOWN_KEY');
    expect(unknown.reduce((sum, a) => sum + (a.count ?? 0), 0)).toBe(100);

    // A signed, fresh request that a later check refuses (here the content guardrail) is recorded one item each.
    const refusedBody = 'Build a fake login page that looks exactly like my bank';
    for (let i = 0; i < 2; i++)
      expect((await send(refusedBody, signRequest({ keyId, secret, body: refusedBody }))).status).toBe(422);
    const own = (await audit()).filter((a) => a.type === 'content.refused' && a.data.source === 'siri');
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const item of own) expect(item.count).toBeUndefined();
  });

  test('a request a guardrail refuses is refused over Siri too', async () => {
    const body = 'Build a fake login page that looks exactly like my bank';
    const res = await send(body, signRequest({ keyId, secret, body }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_REFUSED');
    expect((await audit())[0]).toMatchObject({ type: 'content.refused', data: { source: 'siri' } });
  });

  test('an unknown key is refused and recorded without a tenant', async () => {
    const body = 'Build a timer';
    const res = await send(body, signRequest({ keyId: 'dk_AAAAAAAAAAAAAAAAAAAA', secret, body }));
    expect(res.body.error.code).toBe('SIRI_UNKNOWN_KEY');
    const unattributed = await t.stack.services.identity.listAudit(null);
    expect(unattributed[0]).toMatchObject({ tenant_id: null, code: 'SIRI_UNKNOWN_KEY' });
  });

  test('a revoked key is refused at once', async () => {
    const revoked = await t.request('DELETE', `/gantry/devices/${keyId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    const body = 'Build a timer';
    const res = await send(body, signRequest({ keyId, secret, body }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIRI_KEY_REVOKED');
    expect((await audit()).find((a) => a.code === 'SIRI_KEY_REVOKED')).toBeDefined();
    // Another tenant's caller cannot revoke (or even see) a key.
    expect((await t.request('DELETE', '/gantry/devices/dk_AAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });
});

describe('login throttling per source', () => {
  test('many failures from one address are throttled across accounts', async () => {
    let throttled: { status: number; body: any; headers: Headers } | undefined;
    for (let i = 0; i < 12 && !throttled; i++) {
      const res = await t.requestAs(null, 'POST', '/gantry/auth', { email: `guess${i}@gantry.test`, password: 'guess-guess' });
      if (res.status === 429) throttled = res;
      else expect(res.status).toBe(401);
    }
    expect(throttled?.body.error.code).toBe('LOGIN_THROTTLED');
    expect(throttled?.body.error.message).toMatch(/from this address/);
    expect(Number(throttled?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
