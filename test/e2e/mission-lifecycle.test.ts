import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { verifyChain } from '../../lambdas/domain/event-chain';
import { verifyCommand } from '../../local/cli-verify';
import { reportReplay } from '../../local/cli-replay';
import { startTestStack, type TestStack } from '../helpers/test-stack';

let t: TestStack;

const writeKey = (dir: string, pem: string): string => {
  const path = join(dir, 'trusted.pem');
  writeFileSync(path, pem);
  return path;
};

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stop();
});

describe('a mission from request to live URL, PR and sealed evidence', () => {
  let missionId: string;
  const received: any[] = [];
  let socket: WebSocket;

  test('POST /gantry/architect answers 202 with a mission id and speech', async () => {
    const res = await t.request('POST', '/gantry/architect', { voice_memo: 'Build a calculator with dark mode' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ speech: 'Gantry assumes control.', status: 'QUEUED' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-duration-ms')).toMatch(/^\d+$/);
    missionId = res.body.mission_id;
    socket = new WebSocket(await t.wsUrl());
    socket.on('message', (data) => received.push(JSON.parse(data.toString())));
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ action: 'subscribe', mission_id: missionId }));
  });

  test('the mission reaches DEPLOYED with url, branch and pr_url', async () => {
    const status = await t.waitFor(missionId, ['DEPLOYED', 'FAILED'], 150_000);
    expect(status.failure).toBeNull();
    expect(status.status).toBe('DEPLOYED');
    // Each app has its own origin, apart from the API's (no shared cookies or storage).
    expect(status.url).toMatch(t.appUrlPattern);
    expect(status.branch).toMatch(/^gantry\//);
    expect(status.pr_url).toMatch(/\/git\/pulls\/\d+$/);
    expect(status.attempts).toHaveLength(1);
    expect(status.attempts[0]).toMatchObject({ ok: true, tests_failed: 0 });
    expect(status.attempts[0].tests_passed).toBeGreaterThan(0);
  });

  test('its url serves the generated calculator', async () => {
    const status = (await t.request('GET', `/gantry/status/${missionId}`)).body;
    const page = await t.fetchApp(status.url);
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toMatch(/<h1[^>]*>[^<]*Calculator/i);
    expect(html).toMatch(/dark/i);
  });

  test('its branch exists in the local git repo and is not the default branch', async () => {
    const status = (await t.request('GET', `/gantry/status/${missionId}`)).body;
    const repo = await t.gitRepo();
    const branches = execFileSync('git', ['--git-dir', repo, 'branch', '--format=%(refname:short)'], { encoding: 'utf8' }).split(
      '\n',
    );
    expect(branches).toContain(status.branch);
    const head = execFileSync('git', ['--git-dir', repo, 'symbolic-ref', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(status.branch).not.toBe(head);
    const files = execFileSync('git', ['--git-dir', repo, 'ls-tree', '-r', '--name-only', status.branch], { encoding: 'utf8' });
    expect(files).toMatch(/package\.json/);
    // The default branch holds only the initial commit.
    expect(execFileSync('git', ['--git-dir', repo, 'rev-list', '--count', head], { encoding: 'utf8' }).trim()).toBe('1');
    const pr = (await t.request('GET', new URL(status.pr_url).pathname)).body;
    expect(pr).toMatchObject({ head: status.branch, base: head, mission_id: missionId, state: 'open' });
  });

  test('the WebSocket delivered every state change in order with monotonic seq', async () => {
    const events = received.filter((m) => m.type === 'event');
    const seqs = events.map((e) => e.seq);
    const snapshot = received.find((m) => m.type === 'snapshot');
    expect(snapshot).toBeDefined();
    // Everything after the snapshot arrives, gap-free and in order.
    const expected = Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i);
    expect(seqs).toEqual(expected);
    const statuses = events.map((e) => e.status).filter(Boolean);
    const order = ['ARCHITECTING', 'POLICY_CHECK', 'BUILDING', 'AUDITING', 'DEPLOYING', 'PUBLISHING', 'SEALING', 'DEPLOYED'];
    expect(statuses.filter((s: string) => order.includes(s))).toEqual(order.filter((s) => statuses.includes(s)));
    expect(statuses.at(-1)).toBe('DEPLOYED');
    // A client that missed messages resyncs from the REST API by seq.
    const status = (await t.request('GET', `/gantry/status/${missionId}`)).body;
    const all = (await t.request('GET', `/gantry/missions/${missionId}/events`)).body.events;
    expect(all.map((e: any) => e.seq)).toEqual(Array.from({ length: status.seq }, (_, i) => i + 1));
    expect(all.map((e: any) => e.status).filter((s: string) => order.includes(s))).toEqual(order);
    const tail = (await t.request('GET', `/gantry/missions/${missionId}/events?after=${status.seq - 2}`)).body.events;
    expect(tail.map((e: any) => e.seq)).toEqual([status.seq - 1, status.seq]);
    socket.close();
  });

  test('the evidence is a signed DSSE envelope that verifies against the stack key, its branch and its live files', async () => {
    const sealed = (await t.request('GET', `/gantry/missions/${missionId}/evidence`)).body;
    expect(sealed.envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(sealed.statement.predicate.gantry.outcome).toBe('DEPLOYED');
    expect(verifyChain(sealed.statement.predicate.gantry.events).ok).toBe(true);
    // The stack's key is public: fetched with no session, and it is the key the data dir holds.
    const key = await fetch(`${t.url}/gantry/evidence/public-key`);
    expect(key.status).toBe(200);
    const { keyid, public_key_pem: pem } = (await key.json()) as { keyid: string; public_key_pem: string };
    expect(sealed.envelope.signatures[0].keyid).toBe(keyid);
    const dir = mkdtempSync(join(tmpdir(), 'gantry-verify-'));
    const file = join(dir, 'evidence.json');
    writeFileSync(file, JSON.stringify(sealed.envelope));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await verifyCommand([file, '--stack', t.url, '--data-dir', t.dataDir], io)).toBe(0);
    expect(lines.join('\n')).toMatch(/^ok {3}published-branch +\d+ source file\(s\) match commit/m);
    expect(lines.join('\n')).toMatch(/^ok {3}live-deployment +\d+ deployed file\(s\)/m);
    expect(lines.at(-1)).toMatch(/^VERIFIED: evidence of mission .* \(DEPLOYED\)/);
    // One byte of the payload changed: the signature no longer verifies.
    const payload = Buffer.from(sealed.envelope.payload, 'base64');
    payload[payload.indexOf('DEPLOYED')] = 'X'.charCodeAt(0);
    writeFileSync(file, JSON.stringify({ ...sealed.envelope, payload: payload.toString('base64') }));
    const failed: string[] = [];
    expect(
      await verifyCommand([file, '--key', writeKey(dir, pem)], { out: (l) => failed.push(l), err: (l) => failed.push(l) }),
    ).toBe(1);
    expect(failed.join('\n')).toMatch(/^FAIL signature/m);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the mission replays from its event log to exactly its stored record', async () => {
    const log = (await t.request('GET', `/gantry/missions/${missionId}/log`)).body;
    const lines: string[] = [];
    expect(reportReplay(missionId, log, { out: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(true);
    expect(lines[0]).toMatch(/^ok {3}replay .*status DEPLOYED/);
  });

  test('latest and list show the mission', async () => {
    expect((await t.request('GET', '/gantry/latest')).body.mission_id).toBe(missionId);
    const list = (await t.request('GET', '/gantry/missions')).body.missions;
    expect(list.map((m: any) => m.mission_id)).toContain(missionId);
  });
});

describe('bad input gets a clear 4xx JSON error', () => {
  const post = (body: string, headers?: Record<string, string>) => t.request('POST', '/gantry/architect', body, headers);

  test('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await post('{"voice_memo": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_JSON' });
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  test('a compressed body → 415 naming the encoding, not a JSON parse error', async () => {
    const res = await post('{"voice_memo": "Build a calculator"}', { 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { content_encoding: 'gzip' } });
    expect(res.body.error.message).toMatch(/Content-Encoding gzip/);
    expect((await post('{"voice_memo": "Build a calculator"}', { 'content-encoding': 'identity' })).status).toBe(202);
  });

  test('missing voice_memo → 400 naming the field', async () => {
    const res = await post('{}');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/voice_memo is required/);
  });

  test('wrong types → 400 naming the field', async () => {
    const a = await post(JSON.stringify({ voice_memo: 42 }));
    expect(a.status).toBe(400);
    expect(a.body.error.message).toMatch(/voice_memo/);
    const b = await post(JSON.stringify({ voice_memo: 'calculator', deploy: 'yes' }));
    expect(b.status).toBe(400);
    expect(b.body.error.message).toMatch(/deploy/);
    const c = await post('[1,2]');
    expect(c.status).toBe(400);
  });

  test('a body over the size limit → 413 naming the limit', async () => {
    const res = await post(JSON.stringify({ voice_memo: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toMatch(/max_body_bytes/);
  });

  test('a prompt over the character limit → 400 naming the limit', async () => {
    const res = await post(JSON.stringify({ voice_memo: 'x'.repeat(5000) }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/max_prompt_chars/);
  });

  test('unknown mission id → 404 on every mission route', async () => {
    for (const path of [
      '/gantry/status/nope',
      '/gantry/missions/nope/events',
      '/gantry/missions/nope/failure',
      '/gantry/missions/nope/evidence',
    ]) {
      const res = await t.request('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  test('unknown route → 404 and wrong method → 405, both JSON', async () => {
    expect((await t.request('GET', '/gantry/nothing')).body.error.code).toBe('NOT_FOUND');
    const res = await t.request('GET', '/gantry/architect');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  test('health and readiness', async () => {
    const health = await t.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'healthy' });
    expect(typeof health.body.uptime_seconds).toBe('number');
    expect(typeof health.body.websocket_connections).toBe('number');
    const ready = await t.request('GET', '/ready');
    expect(ready.body).toEqual({
      ready: true,
      checks: { store: true, workflow: true, architect: true, builder: true },
      builder_isolation: 'sandboxed',
      builder_detail: expect.stringMatching(/bubblewrap/),
    });
  });

  test('an Idempotency-Key makes a retried submit return the same mission', async () => {
    const body = JSON.stringify({ voice_memo: 'Build a notes app', deploy: false, publish: false });
    const a = await post(body, { 'idempotency-key': 'retry-123' });
    const b = await post(body, { 'idempotency-key': 'retry-123' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(200);
    expect(b.body.mission_id).toBe(a.body.mission_id);
    await t.waitFor(a.body.mission_id, ['DEPLOYED', 'FAILED']);
  });
});
