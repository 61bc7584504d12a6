import { ScriptedArchitect, mathApp } from '../helpers/scripted-architect';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/**
 * What a request may carry before anything is spent: prompts without control characters (400
 * INVALID_PROMPT, NFC-normalised otherwise) on every prompt route, and idempotency keys scoped to
 * the user and the body. A scripted architect keeps builds short; no test waits for a build.
 */
let t: TestStack;
let member: string;
beforeAll(async () => {
  t = await startTestStack({
    architect: new ScriptedArchitect(
      () => mathApp({}),
      () => null,
    ),
  });
  const add = await t.request('POST', '/gantry/users', {
    email: 'member@gantry.test',
    password: 'a-long-enough-password',
    role: 'member',
  });
  expect(add.status).toBe(201);
  member = await t.login('member@gantry.test', 'a-long-enough-password');
});
afterAll(async () => t?.stop());

describe('prompts', () => {
  test.each([
    ['POST', '/gantry/architect', (text: string) => ({ voice_memo: text, deploy: false, publish: false }), 'voice_memo'],
    ['POST', '/gantry/consult', (text: string) => ({ message: text }), 'message'],
    ['POST', '/gantry/voice', (text: string) => ({ message: text }), 'message'],
    ['POST', '/gantry/chat', (text: string) => ({ message: text }), 'message'],
  ])('%s %s refuses NUL and other control characters with 400 INVALID_PROMPT', async (method, path, body, field) => {
    const nul = await t.request(method, path, body('Build a notes app\u0000 please'));
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({ code: 'INVALID_PROMPT' });
    expect(nul.body.error.message).toContain(`${field} contains the control character U+0000 (NUL) at position 18`);
    const esc = await t.request(method, path, body('Build \u001b[31m a notes app'));
    expect(esc.status).toBe(400);
    expect(esc.body.error.message).toContain('U+001B (ESC)');
  });

  test('line breaks and tabs are kept, CRLF becomes LF, and the prompt is stored in NFC', async () => {
    const decomposed = 'Build a cafe\u0301 menu app\r\nwith\tprices';
    const res = await t.request('POST', '/gantry/architect', { voice_memo: decomposed, deploy: false, publish: false });
    expect(res.status).toBe(202);
    const status = await t.request('GET', `/gantry/status/${res.body.mission_id}`);
    expect(status.body.prompt).toBe('Build a caf\u00e9 menu app\nwith\tprices');
  });
});

describe('Idempotency-Key', () => {
  const submit = (token: string, key: string, voice_memo: string) =>
    t.requestAs(token, 'POST', '/gantry/architect', { voice_memo, deploy: false, publish: false }, { 'Idempotency-Key': key });

  test('the same user, key and body get the first mission back', async () => {
    const a = await submit(t.token, 'k-same', 'Build a notes app');
    const b = await submit(t.token, 'k-same', 'Build a notes app');
    expect([a.status, b.status]).toEqual([202, 200]);
    expect(b.body.mission_id).toBe(a.body.mission_id);
  });

  test('the same key with a different body is refused with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const a = await submit(t.token, 'k-body', 'Build a notes app');
    expect(a.status).toBe(202);
    const b = await submit(t.token, 'k-body', 'Build a calculator');
    expect(b.status).toBe(422);
    expect(b.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(JSON.stringify(b.body)).not.toContain(a.body.mission_id);
    const options = await t.request(
      'POST',
      '/gantry/architect',
      { voice_memo: 'Build a notes app', deploy: false, publish: true },
      { 'Idempotency-Key': 'k-body' },
    );
    expect(options.status).toBe(422);
  });

  test("another user's request with the same key is an independent mission", async () => {
    const mine = await submit(t.token, 'k-shared', 'Build a notes app');
    const theirs = await submit(member, 'k-shared', 'Build a notes app');
    expect([mine.status, theirs.status]).toEqual([202, 202]);
    expect(theirs.body.mission_id).not.toBe(mine.body.mission_id);
  });

  test('a key that is not 1-255 visible ASCII characters is refused', async () => {
    const res = await submit(t.token, 'x'.repeat(256), 'Build a notes app');
    expect(res.status).toBe(400);
  });
});
