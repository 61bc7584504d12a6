/**
 * The routes the other twin scenarios do not reach, on the AWS code paths (see cloud-twin.ts):
 * health and readiness, the API description, themes, architecture chat, the Siri channel (device
 * keys sealed with the Parameter Store key, a signed request planning and then building to
 * DEPLOYED), the pull request view read from GitHub, and the debugger, which has no sandbox on AWS.
 * The IAM check then evaluates every call these functions made against their roles.
 */
import { signRequest } from '../../lambdas/domain/siri-signature';
import { startOfflineTwin, type CloudTwin } from './cloud-twin';

jest.setTimeout(600_000);

const OWNER = { email: 'owner@channels.twin.example', password: 'twin-password-0123456789' };

let twin: CloudTwin;
let token: string;

beforeAll(async () => {
  ({ twin, token } = await startOfflineTwin(OWNER));
}, 180_000);

afterAll(async () => {
  await twin?.stop();
});

describe('operations and reference routes', () => {
  it('answers health, readiness (the state machine described), the API description and the themes', async () => {
    const health = await twin.rest('GET', '/health');
    expect(health.statusCode).toBe(200);
    const ready = await twin.rest('GET', '/ready');
    expect({ status: ready.statusCode, body: ready.body }).toMatchObject({ status: 200 });
    expect(twin.recorder.calls.some((c) => c.functionId === 'health' && c.action === 'DescribeStateMachine')).toBe(true);
    const openapi = await twin.rest('GET', '/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/gantry/architect', '/gantry/siri']));
    expect((await twin.rest('GET', '/docs')).statusCode).toBe(200);
    const themes = await twin.rest('GET', '/gantry/themes', { token });
    expect(themes.statusCode).toBe(200);
    expect(JSON.stringify(themes.body).length).toBeGreaterThan(20);
    expect((await twin.rest('GET', '/gantry/themes')).statusCode).toBe(401);
  });

  it('answers an architecture question without starting a mission', async () => {
    const before = twin.sfn.executionCount;
    const res = await twin.rest('POST', '/gantry/chat', {
      token,
      body: { message: 'Should a small todo app keep its data in the browser or on a server?' },
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(/\w{3,}/);
    expect(twin.sfn.executionCount).toBe(before);
    const empty = await twin.rest('POST', '/gantry/chat', { token, body: { message: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body.error.code).toEqual(expect.any(String));
  });

  it('keeps stored debugger runs readable and refuses to run a snippet: AWS deploys no sandbox for it', async () => {
    const run = await twin.rest('POST', '/gantry/debugger/run', {
      token,
      body: { language: 'javascript', code: 'console.log(1 + 1)' },
    });
    expect(run.statusCode).toBe(501);
    expect(run.body.error.code).toBe('DEBUGGER_UNAVAILABLE');
    const logs = await twin.rest('GET', '/gantry/debugger/logs', { token });
    expect(logs.statusCode).toBe(200);
  });
});

describe('the Siri channel on the AWS code paths', () => {
  let keyId: string;
  let secret: string;
  const siri = (body: string, headers: Record<string, string>) =>
    twin.rest('POST', '/gantry/siri', { rawBody: body, headers: { 'content-type': 'text/plain', ...headers } });

  it('issues a device key whose secret is shown once and stored sealed', async () => {
    const res = await twin.rest('POST', '/gantry/devices', { token, body: { name: 'My iPhone' } });
    expect(res.statusCode).toBe(201);
    keyId = res.body.key_id as string;
    secret = res.body.secret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const list = await twin.rest('GET', '/gantry/devices', { token });
    expect(list.body.devices).toEqual([expect.objectContaining({ key_id: keyId, name: 'My iPhone', revoked_at: null })]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    // The sealing key is the operator's SecureString parameter, read decrypted.
    expect(
      twin.recorder.calls.some(
        (c) =>
          c.functionId === 'devices' && c.service === 'ssm' && c.action === 'GetParameter' && c.input.WithDecryption === true,
      ),
    ).toBe(true);
  });

  it('plans from a signed request, builds on "proceed" to DEPLOYED, and refuses a bad signature and a replay', async () => {
    const body = 'Build a calculator with dark mode';
    const headers = signRequest({ keyId, secret, body });
    const plan = await siri(body, headers);
    expect(plan.statusCode).toBe(200);
    expect(plan.body.status).toBe('NEEDS_CONFIRMATION');
    expect(plan.body.speech).toEqual(expect.any(String));
    const missionId = plan.body.mission_id as string;
    const replay = await siri(body, headers);
    expect(replay.statusCode).toBe(401);
    expect(replay.body.error.code).toBe('SIRI_REPLAYED_NONCE');
    const forged = await siri(body, signRequest({ keyId, secret: 'f'.repeat(64), body }));
    expect(forged.statusCode).toBe(401);
    expect(forged.body.error.code).toBe('SIRI_BAD_SIGNATURE');

    const proceed = 'Yes, proceed';
    const next = await siri(proceed, signRequest({ keyId, secret, body: proceed }));
    expect(next.statusCode).toBe(202);
    expect(next.body.mission_id).toBe(missionId);
    const execution = await twin.executionEnded(missionId);
    const status = (await twin.rest('GET', `/gantry/status/${missionId}`, { token })).body;
    expect({ execution: execution.status, status: status.status, failure: status.failure ?? null }).toEqual({
      execution: 'SUCCEEDED',
      status: 'DEPLOYED',
      failure: null,
    });
    const events = (await twin.rest('GET', `/gantry/missions/${missionId}/events`, { token })).body.events as Array<{
      actor: { type: string; id: string };
    }>;
    expect(events[0]?.actor).toEqual({ type: 'integration', id: `siri/${keyId}` });

    // The pull request as people read it, from GitHub with the pulls function's token.
    const pull = await twin.rest('GET', `/gantry/missions/${missionId}/pull`, { token });
    expect(pull.statusCode).toBe(200);
    const files = pull.body.files as Array<{ path: string; status: string; patch: string }>;
    expect(pull.body).toMatchObject({ number: 1, base: 'main', head: status.branch });
    expect(files.map((f) => f.path)).toContain('index.html');
    expect(files.find((f) => f.path === 'index.html')?.patch).toMatch(/^@@ -0,0 \+1,\d+ @@\n\+/);
    // A pull request GitHub no longer has is a 404 naming it, not an internal error.
    twin.github.forget(1);
    const gone = await twin.rest('GET', `/gantry/missions/${missionId}/pull`, { token });
    expect(gone.statusCode).toBe(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a revoked key', async () => {
    expect((await twin.rest('DELETE', `/gantry/devices/${keyId}`, { token })).statusCode).toBe(200);
    const body = 'Build a timer';
    const res = await siri(body, signRequest({ keyId, secret, body }));
    expect(res.statusCode).toBe(401);
    expect(res.body.error.code).toBe('SIRI_KEY_REVOKED');
  });
});

test("the IAM check allows every call these routes' functions made", async () => {
  const { denied, callers } = await twin.checkIam();
  expect(denied).toEqual([]);
  for (const id of ['health', 'siri', 'devices', 'pulls', 'debugger']) expect(callers).toContain(id);
});
