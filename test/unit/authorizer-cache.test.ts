import { authorize } from '../../lambdas/app/authentication';
import { AuthorizerCache, authorizerCache } from '../../lambdas/app/authorizer-cache';
import type { GrantRecord, UserRecord } from '../../lambdas/adapters/identity-store';
import { tokenKey, type Principal } from '../../lambdas/domain/identity';

const principal: Principal = { tenantId: 't-1', userId: 'u-1', role: 'owner', email: 'a@b.c', sessionKey: 'k' };

/** A live session's grant (an hour left) and its user, in tenant t-1. */
function sessionOf(): { grant: GrantRecord; user: UserRecord } {
  const grant: GrantRecord = {
    user_id: 'u-1',
    email: 'a@b.c',
    tenant_id: 't-1',
    role: 'owner',
    created_at: new Date().toISOString(),
    expires_at: Math.floor(Date.now() / 1000) + 3600,
  };
  return { grant, user: { user_id: 'u-1', email: 'a@b.c', tenant_id: 't-1', role: 'owner' } as UserRecord };
}

test('a checked session is trusted for the TTL, never past its own expiry, and forgotten on logout', () => {
  let now = 1_000_000;
  const cache = new AuthorizerCache(10_000, () => now);
  cache.remember('k', principal, now / 1000 + 3600);
  expect(cache.get('k')).toEqual(principal);
  now += 9_999;
  expect(cache.get('k')).toEqual(principal);
  now += 1;
  expect(cache.get('k')).toBeNull();

  // A session expiring before the TTL ends is dropped at its expiry.
  cache.remember('k', principal, now / 1000 + 2);
  now += 2_000;
  expect(cache.get('k')).toBeNull();

  cache.remember('k', principal, now / 1000 + 3600);
  cache.forget('k');
  expect(cache.get('k')).toBeNull();
});

test('the cache is bounded: the oldest checks go first', () => {
  const cache = new AuthorizerCache(10_000, Date.now, 3);
  for (const k of ['a', 'b', 'c', 'd']) cache.remember(k, principal, Date.now() / 1000 + 3600);
  expect(cache.size).toBe(3);
  expect(cache.get('a')).toBeNull();
  expect(cache.get('d')).toEqual(principal);
});

test('authorize reads the store once per session while the check is fresh; a logout-forgotten session is read again', async () => {
  authorizerCache.clear();
  const token = 'gs_cache-test-token-0000000000000000000000000';
  const { grant, user } = sessionOf();
  let sessions = 0;
  let live = true;
  const identity = {
    getSession: async () => {
      sessions++;
      return live ? grant : null;
    },
    getUser: async () => user,
  };
  const request = { headers: { authorization: `Bearer ${token}` }, connect: false };
  const svc = { identity } as unknown as Parameters<typeof authorize>[0];
  for (let i = 0; i < 5; i++) expect((await authorize(svc, request)).ok).toBe(true);
  expect(sessions).toBe(1);
  live = false;
  authorizerCache.forget(tokenKey(token));
  expect(await authorize(svc, request)).toEqual({ ok: false, reason: 'unknown, expired or revoked session' });
  expect(sessions).toBe(2);
});

test('a WebSocket ticket spent moments after its session was checked reads only the ticket; after logout it opens nothing', async () => {
  authorizerCache.clear();
  const token = 'gs_ticket-cache-test-0000000000000000000000000';
  const sessionKey = tokenKey(token);
  const { grant, user } = sessionOf();
  const reads: string[] = [];
  let live = true;
  const identity = {
    getSession: async () => (reads.push('session'), live ? grant : null),
    getUser: async () => (reads.push('user'), user),
    consumeTicket: async () => (reads.push('ticket'), { ...grant, session_key: sessionKey }),
  };
  const svc = { identity } as unknown as Parameters<typeof authorize>[0];
  const connect = { headers: {}, connect: true, query: { ticket: 'gt_ticket-0000000000000000' } };
  // The session issued the ticket through the REST API a moment ago: it was checked then.
  expect((await authorize(svc, { headers: { authorization: `Bearer ${token}` }, connect: false })).ok).toBe(true);
  reads.length = 0;
  expect(await authorize(svc, connect)).toMatchObject({ ok: true, principal: { tenantId: 't-1', sessionKey } });
  expect(reads).toEqual(['ticket']);
  // Logout forgets the session: a ticket it issued is then checked against the store and refused.
  live = false;
  authorizerCache.forget(sessionKey);
  reads.length = 0;
  expect(await authorize(svc, connect)).toEqual({ ok: false, reason: 'the session that issued this ticket has ended' });
  expect(reads).toEqual(['ticket', 'session']);
});
