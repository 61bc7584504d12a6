import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { tokenKey } from '../../lambdas/domain/identity';
import { REST_ROUTES } from '../../lambdas/routes';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/** Opens a WebSocket; resolves with the socket, or with the HTTP status of a refused handshake. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function nextMessage(ws: WebSocket, type: string): Promise<any> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === type) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
  });
}

/** Execution records (an earlier test's mission may still be writing one aside, as a `.tmp` draft). */
const executions = (t: TestStack): number =>
  readdirSync(join(t.dataDir, 'executions')).filter((name) => name.endsWith('.json')).length;

let t: TestStack;
let tokenB: string;
let missionA: string;
const OWNER_B = { email: 'owner@tenant-b.test', password: 'tenant-b-password-1' };

beforeAll(async () => {
  t = await startTestStack();
  const tenant = await t.request('POST', '/gantry/tenants', {
    name: 'Tenant B',
    owner_email: OWNER_B.email,
    owner_password: OWNER_B.password,
  });
  expect(tenant.status).toBe(201);
  tokenB = await t.login(OWNER_B.email, OWNER_B.password);
  const res = await t.request('POST', '/gantry/architect', { voice_memo: 'Build a calculator', deploy: false, publish: false });
  expect(res.status).toBe(202);
  missionA = res.body.mission_id;
  await t.waitFor(missionA, ['DEPLOYED', 'FAILED']);
});

afterAll(async () => t?.stop());

const concrete = (path: string): string => path.replace('{id}', 'm-does-not-matter');

describe('without a session', () => {
  test('every non-public route answers 401 with the JSON error shape and a request id', async () => {
    const closed = REST_ROUTES.filter((r) => !r.public);
    expect(closed.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/gantry/architect',
        '/gantry/status/{id}',
        '/gantry/latest',
        '/gantry/missions',
        '/gantry/missions/{id}/events',
        '/gantry/missions/{id}/failure',
        '/gantry/missions/{id}/evidence',
      ]),
    );
    for (const route of closed) {
      for (const token of [null, 'gs_not-a-real-session-token', 'garbage']) {
        const res = await t.requestAs(token, route.method, concrete(route.path), route.method === 'GET' ? undefined : {});
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
        });
        expect(res.body.error.code).toBe('UNAUTHORIZED');
        expect(res.headers.get('x-request-id')).toBeTruthy();
      }
    }
  });

  test('only health, readiness, the API description, login, Siri and the evidence public key are public', async () => {
    expect(REST_ROUTES.filter((r) => r.public).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /gantry/evidence/public-key',
      'GET /health',
      'GET /ready',
      'GET /openapi.json',
      'GET /docs',
      'POST /gantry/auth',
      'POST /gantry/siri',
    ]);
    // A public key is public: an auditor with no account fetches it to pin it.
    const key = await t.requestAs(null, 'GET', '/gantry/evidence/public-key');
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ algorithm: 'ECDSA_P256_SHA256', keyid: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(key.body.public_key_pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    // Answers carry their length, as API Gateway's do (no chunked framing): a handler's and the gateway's own.
    for (const res of [key, await t.requestAs(null, 'GET', '/gantry/status/m-nope')]) {
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(res.text)));
      expect(res.headers.get('transfer-encoding')).toBeNull();
    }
  });

  test('the WebSocket refuses a handshake without a ticket, with a used ticket or a forged one', async () => {
    const base = `${t.url.replace(/^http/, 'ws')}/ws`;
    expect(await openSocket(base)).toBe(401);
    expect(await openSocket(`${base}?ticket=gt_forged`)).toBe(401);
    const url = await t.wsUrl();
    const first = await openSocket(url);
    expect(first).toBeInstanceOf(WebSocket);
    (first as WebSocket).close();
    expect(await openSocket(url)).toBe(401);
  });
});

describe('tenant isolation', () => {
  test("tenant B gets 404 for tenant A's mission on every mission route; A sees it", async () => {
    for (const path of [
      `/gantry/status/${missionA}`,
      `/gantry/missions/${missionA}/events`,
      `/gantry/missions/${missionA}/failure`,
      `/gantry/missions/${missionA}/evidence`,
    ]) {
      expect((await t.request('GET', path)).status).toBe(200);
      const asB = await t.requestAs(tokenB, 'GET', path);
      expect({ path, status: asB.status, code: asB.body.error?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    // Every other route that takes a mission id (retry, cancel, attempt logs, …), whatever it is called.
    const others = REST_ROUTES.filter((r) => !r.public && r.path.includes('{id}') && r.path.startsWith('/gantry/missions/'))
      .filter((r) => !['events', 'failure', 'evidence'].some((known) => r.path.endsWith(`/${known}`)))
      .map((r) => ({ ...r, url: r.path.replace('{id}', missionA).replace('{attempt}', '1') }));
    expect(others.length).toBeGreaterThan(0);
    for (const route of others) {
      // A body each route accepts, so only the mission's tenant can decide the answer.
      const body = route.path.endsWith('/decisions') ? { decision: 'APPROVE', justification: 'looks right' } : {};
      const asB = await t.requestAs(tokenB, route.method, route.url, route.method === 'GET' ? undefined : body);
      expect({ route: route.path, status: asB.status }).toEqual({ route: route.path, status: 404 });
    }
    expect((await t.requestAs(tokenB, 'GET', '/gantry/latest')).status).toBe(404);
    expect((await t.requestAs(tokenB, 'GET', '/gantry/missions')).body.missions).toEqual([]);
  });

  test("tenant B cannot subscribe to tenant A's mission over WebSocket", async () => {
    const asB = (await openSocket(await t.wsUrl('/ws', tokenB))) as WebSocket;
    const error = nextMessage(asB, 'error');
    asB.send(JSON.stringify({ action: 'subscribe', mission_id: missionA }));
    expect((await error).error.code).toBe('NOT_FOUND');
    asB.close();
    // The path form too.
    const byPath = (await openSocket(await t.wsUrl(`/gantry/ws/${missionA}`, tokenB))) as WebSocket;
    expect((await nextMessage(byPath, 'error')).error.code).toBe('NOT_FOUND');
    byPath.close();
    const asA = (await openSocket(await t.wsUrl(`/gantry/ws/${missionA}`))) as WebSocket;
    expect((await nextMessage(asA, 'snapshot')).mission_id).toBe(missionA);
    asA.close();
  });

  test('a tenant cannot be chosen by the request: a forged tenant header or field is ignored', async () => {
    const res = await t.requestAs(tokenB, 'GET', `/gantry/status/${missionA}`, undefined, { 'x-tenant-id': 'whatever' });
    expect(res.status).toBe(404);
    // A tenant field in the body is ignored: the mission belongs to the caller's tenant (B), not A's.
    const user = (await t.stack.services.identity.getUser(TEST_ADMIN.email))!;
    const extra = await t.requestAs(
      tokenB,
      'POST',
      '/gantry/architect',
      { voice_memo: 'Build a timer', deploy: false, publish: false, tenant_id: user.tenant_id },
      { 'x-tenant-id': user.tenant_id },
    );
    expect(extra.status).toBe(202);
    expect((await t.requestAs(tokenB, 'GET', `/gantry/status/${extra.body.mission_id}`)).status).toBe(200);
    expect((await t.request('GET', `/gantry/status/${extra.body.mission_id}`)).status).toBe(404);
  });
});

describe('sessions', () => {
  test('wrong password and unknown user are refused alike; the stored hash is Argon2id', async () => {
    const wrong = await t.requestAs(null, 'POST', '/gantry/auth', { email: TEST_ADMIN.email, password: 'not-the-password' });
    const unknown = await t.requestAs(null, 'POST', '/gantry/auth', { email: 'nobody@gantry.test', password: 'whatever-it-is' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const user = await t.stack.services.identity.getUser(TEST_ADMIN.email);
    expect(user?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(user)).not.toContain(TEST_ADMIN.password);
  });

  test('a cookie login sets an HttpOnly SameSite=Strict cookie and keeps the token out of the body', async () => {
    const res = await t.requestAs(null, 'POST', '/gantry/auth', { ...TEST_ADMIN, mode: 'cookie' });
    expect(res.status).toBe(200);
    expect(res.body.token).toBeUndefined();
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^gantry_session=gs_[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const status = await t.requestAs(null, 'GET', '/gantry/auth/status', undefined, { cookie: cookie.split(';')[0]! });
    expect(status.status).toBe(200);
    expect(status.body.user).toMatchObject({ email: TEST_ADMIN.email, role: 'owner' });
  });

  test('after logout the session is refused (revoked)', async () => {
    const token = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await t.requestAs(token, 'GET', '/gantry/auth/status')).status).toBe(200);
    const out = await t.requestAs(token, 'POST', '/gantry/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^gantry_session=; .*Max-Age=0/);
    expect((await t.requestAs(token, 'GET', '/gantry/auth/status')).status).toBe(401);
    expect((await t.requestAs(token, 'GET', '/gantry/missions')).status).toBe(401);
  });

  test('an expired session is refused even before it is swept', async () => {
    const token = 'gs_expired-session-token-for-the-test-000000000';
    const user = (await t.stack.services.identity.getUser(TEST_ADMIN.email))!;
    await t.stack.services.identity.putSession(tokenKey(token), {
      user_id: user.user_id,
      email: user.email,
      tenant_id: user.tenant_id,
      role: user.role,
      created_at: new Date().toISOString(),
      expires_at: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await t.requestAs(token, 'GET', '/gantry/auth/status')).status).toBe(401);
  });

  test('roles: a member may build but not add users; an approver may not build', async () => {
    for (const [email, role] of [
      ['member@gantry.test', 'member'],
      ['approver@gantry.test', 'approver'],
    ] as const) {
      const res = await t.request('POST', '/gantry/users', { email, password: 'a-long-enough-password', role });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email, role, tenant_id: expect.any(String) });
    }
    const member = await t.login('member@gantry.test', 'a-long-enough-password');
    const approver = await t.login('approver@gantry.test', 'a-long-enough-password');
    const add = await t.requestAs(member, 'POST', '/gantry/users', {
      email: 'x@gantry.test',
      password: 'a-long-enough-password',
    });
    expect(add.status).toBe(403);
    expect(add.body.error.code).toBe('FORBIDDEN');
    const build = await t.requestAs(approver, 'POST', '/gantry/architect', { voice_memo: 'Build a timer' });
    expect(build.status).toBe(403);
    // Members of tenant A see tenant A's missions.
    expect((await t.requestAs(member, 'GET', `/gantry/status/${missionA}`)).status).toBe(200);
    // A short password is refused with the policy's rule named.
    const short = await t.request('POST', '/gantry/users', { email: 'short@gantry.test', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/min_password_length/);
  });

  test('only owners of the operator tenant create tenants', async () => {
    const res = await t.requestAs(tokenB, 'POST', '/gantry/tenants', {
      name: 'C',
      owner_email: 'c@c.test',
      owner_password: 'tenant-c-password-1',
    });
    expect(res.status).toBe(403);
  });
});

describe('content guardrail', () => {
  test('a phishing clone of a bank login page is refused with a reason, recorded, and no workflow starts', async () => {
    const before = executions(t);
    const missionsBefore = (await t.request('GET', '/gantry/missions')).body.missions.length;
    const res = await t.request('POST', '/gantry/architect', {
      voice_memo: 'Build a pixel-perfect clone of the Chase bank login page that emails me what people type',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_REFUSED');
    expect(res.body.error.message).toMatch(/phishing/);
    expect(res.body.error.details).toMatchObject({ category: 'phishing', reason: expect.stringMatching(/login pages/) });
    expect(executions(t)).toBe(before);
    expect((await t.request('GET', '/gantry/missions')).body.missions.length).toBe(missionsBefore);
    const audit = (await t.request('GET', '/gantry/audit')).body.audit;
    expect(audit[0]).toMatchObject({
      type: 'content.refused',
      code: 'CONTENT_REFUSED',
      actor: { type: 'human' },
      data: { source: 'architect', category: 'phishing' },
    });
  });
});
