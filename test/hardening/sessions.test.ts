import WebSocket from 'ws';
import { startTestStack, TEST_ADMIN, type TestStack } from '../helpers/test-stack';

/**
 * Logging out ends WebSocket access too (tickets die with their session, open sockets close), and
 * login throttling slows a guesser without locking the owner out of their usual address.
 */

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/** Opens a socket; resolves with it once open, or with the HTTP status the handshake was refused with. */
function open(url: string): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

const closed = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(-1);
    else ws.once('close', (code) => resolve(code));
  });

test('after logout no new socket opens with an old ticket and the open sockets are closed', async () => {
  const session = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
  const unusedTicketUrl = await t.wsUrl('/ws', session);
  const first = await open(await t.wsUrl('/ws', session));
  const second = await open(await t.wsUrl('/ws', session));
  // A socket of another session of the same user must stay open.
  const other = await open(await t.wsUrl('/ws'));
  if (!('ws' in first) || !('ws' in second) || !('ws' in other)) throw new Error('sockets did not open');
  const firstClosed = closed(first.ws);
  const secondClosed = closed(second.ws);

  const out = await t.requestAs(session, 'POST', '/gantry/auth/logout');
  expect(out.status).toBe(200);

  expect(await firstClosed).toBe(1000);
  expect(await secondClosed).toBe(1000);
  expect(await open(unusedTicketUrl)).toEqual({ refused: 401 });
  // The session itself is gone too.
  expect((await t.requestAs(session, 'POST', '/gantry/auth/ticket')).status).toBe(401);

  expect(other.ws.readyState).toBe(WebSocket.OPEN);
  other.ws.close();
});

test('a ticket of a live session still opens a socket (the refusal above is the logout’s doing)', async () => {
  const opened = await open(await t.wsUrl());
  expect('ws' in opened).toBe(true);
  if ('ws' in opened) opened.ws.close();
});

test('five wrong passwords from another address do not stop the owner logging in from theirs', async () => {
  const guess = (password: string) =>
    t.requestFrom('127.0.0.2', null, 'POST', '/gantry/auth', { email: TEST_ADMIN.email, password });
  for (let i = 0; i < 5; i++) expect((await guess(`wrong-guess-${i}`)).status).toBe(401);
  // The guesser is now slowed down on this account, even with the right password…
  const slowed = await guess(TEST_ADMIN.password);
  expect(slowed.status).toBe(429);
  expect(slowed.body.error.code).toBe('LOGIN_THROTTLED');
  // …while the owner, from the address they signed in from before, gets in at once.
  const owner = await t.requestAs(null, 'POST', '/gantry/auth', { email: TEST_ADMIN.email, password: TEST_ADMIN.password });
  expect(owner.status).toBe(200);
  expect(owner.body.token).toEqual(expect.any(String));
});
