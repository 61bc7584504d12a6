import * as z from '../domain/zod';
import type { Services } from './services';
import type { GrantRecord, UserRecord } from '../adapters/identity-store';
import { RateLimitedError, UnauthorizedError } from '../domain/errors';
import {
  credentialFrom,
  EmailSchema,
  newToken,
  normalizeEmail,
  SESSION_TOKEN_PREFIX,
  TICKET_PREFIX,
  tokenKey,
  type Principal,
} from '../domain/identity';
import { recordAudit } from './audit';
import { authorizerCache } from './authorizer-cache';

export type AuthenticationServices = Pick<Services, 'identity' | 'passwords' | 'policy'>;
/** Logging out closes the session's sockets too. */
export type LogoutServices = Pick<Services, 'identity' | 'store' | 'push'>;
/** Authorizing a request reads sessions, tickets and users only (no password hashing). */
export type AuthorizeServices = Pick<Services, 'identity'>;

/** What the authorizer looks at: headers for a session, the query string for a WebSocket ticket. */
export interface AuthorizationRequest {
  readonly headers?: Record<string, string | undefined> | null;
  readonly query?: Record<string, string | undefined> | null;
  /** WebSocket `$connect`: a single-use `ticket` query parameter is accepted as well as a session. */
  readonly connect: boolean;
}

export type AuthorizationResult =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

/**
 * The one authorization decision, used by the API Gateway Lambda authorizer (REST and
 * WebSocket `$connect`) and by the local gateway through that same handler. A session is
 * looked up by the SHA-256 of its token (the store never holds a token), must not be expired,
 * and its user must still exist in the same tenant; the role is read from the user. A session
 * found valid is trusted for AUTHORIZER_CACHE_SECONDS without another read (authorizer-cache.ts),
 * never past its expiry; logout forgets it.
 */
export async function authorize(svc: AuthorizeServices, request: AuthorizationRequest): Promise<AuthorizationResult> {
  if (request.connect) {
    const ticket = request.query?.ticket;
    if (ticket) {
      if (!ticket.startsWith(TICKET_PREFIX) || ticket.length > 100) return { ok: false, reason: 'malformed ticket' };
      const grant = await svc.identity.consumeTicket(tokenKey(ticket));
      if (!grant) return { ok: false, reason: 'unknown, used or expired ticket' };
      // A ticket is only as good as the session that issued it: after logout it opens nothing.
      // A session checked moments ago (the ticket was just issued through it) is not read again.
      const known = grant.session_key ? authorizerCache.get(grant.session_key) : null;
      if (known && known.userId === grant.user_id && known.tenantId === grant.tenant_id) return { ok: true, principal: known };
      if (grant.session_key && !(await svc.identity.getSession(grant.session_key))) {
        return { ok: false, reason: 'the session that issued this ticket has ended' };
      }
      return principalFor(svc, grant, grant.session_key);
    }
  }
  const credential = credentialFrom(request.headers);
  if (!credential) return { ok: false, reason: 'no credential' };
  if (!credential.token.startsWith(SESSION_TOKEN_PREFIX) || credential.token.length > 100) {
    return { ok: false, reason: 'malformed session token' };
  }
  const key = tokenKey(credential.token);
  const known = authorizerCache.get(key);
  if (known) return { ok: true, principal: known };
  const session = await svc.identity.getSession(key);
  if (!session) return { ok: false, reason: 'unknown, expired or revoked session' };
  const result = await principalFor(svc, session, key);
  if (result.ok) authorizerCache.remember(key, result.principal, session.expires_at);
  return result;
}

async function principalFor(svc: AuthorizeServices, grant: GrantRecord, sessionKey?: string): Promise<AuthorizationResult> {
  const user = await svc.identity.getUser(grant.email);
  if (!user || user.user_id !== grant.user_id || user.tenant_id !== grant.tenant_id) {
    return { ok: false, reason: 'the user no longer exists' };
  }
  return {
    ok: true,
    principal: { tenantId: user.tenant_id, userId: user.user_id, role: user.role, email: user.email, sessionKey },
  };
}

export const LoginSchema = z.strictObject({
  email: z.string().check(z.minLength(1), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
  /** `cookie` (the web client): the token travels only in the HttpOnly cookie, not in the body. */
  mode: z._default(z.enum(['cookie', 'bearer']), 'bearer'),
});
export type LoginRequest = z.infer<typeof LoginSchema>;

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: UserRecord;
}

const INVALID = 'Email or password is wrong';

/** How long a source an account logged in from stays exempt from that account's throttle. */
const GOOD_SOURCE_TTL_SECONDS = 30 * 86_400;

/**
 * Password login. Every attempt first takes a token from the source IP's bucket
 * (`auth.login_per_source`), then, unless this account logged in successfully from this very
 * source within the last 30 days, from the account's bucket (`auth.login_per_account`); an empty
 * bucket answers 429 `LOGIN_THROTTLED` with `Retry-After` before the password is even checked.
 * So guessing from elsewhere slows the guesser (per source, and per account for every new source)
 * but never locks the owner out of the place they usually sign in from. An unknown email costs
 * the same Argon2 verification as a wrong password and gets the same answer. Success refills the
 * account's bucket, remembers the source, and creates a session.
 */
export async function login(
  svc: AuthenticationServices,
  input: { request: LoginRequest; sourceIp: string },
): Promise<LoginResult> {
  const auth = svc.policy.policy.auth;
  const email = normalizeEmail(input.request.email);
  const source = input.sourceIp || 'unknown';
  const accountScope = `login#account#${email}`;
  const knownSource = source !== 'unknown' && (await svc.identity.isGoodSource(email, source));
  for (const [scope, rate, what] of [
    [`login#source#${source}`, auth.login_per_source, 'from this address'],
    ...(knownSource ? [] : ([[accountScope, auth.login_per_account, 'for this account']] as const)),
  ] as const) {
    const result = await svc.identity.takeToken(scope, rate);
    if (!result.allowed) {
      throw new RateLimitedError(
        `Too many login attempts ${what}; try again in ${result.retryAfterSeconds} s`,
        result.retryAfterSeconds,
        'LOGIN_THROTTLED',
      );
    }
  }
  const user = EmailSchema.safeParse(email).success ? await svc.identity.getUser(email) : null;
  if (!user) {
    await svc.passwords.verifyDummy(input.request.password);
    const { userCount } = await svc.identity.userSummary();
    if (userCount === 0) {
      throw new UnauthorizedError(
        'No user exists yet. Start the stack with GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD set, or run ' +
          '`npx gantry user add --email <you> --role owner`',
        'NO_USERS_YET',
      );
    }
    throw new UnauthorizedError(INVALID, 'INVALID_CREDENTIALS');
  }
  if (!(await svc.passwords.verify(user.password_hash, input.request.password))) {
    await recordAudit(svc, {
      tenantId: user.tenant_id,
      type: 'auth.login_failed',
      code: 'INVALID_CREDENTIALS',
      message: `Wrong password for ${user.email}`,
      actor: { type: 'human', id: user.user_id },
      data: { source_ip: input.sourceIp },
    });
    throw new UnauthorizedError(INVALID, 'INVALID_CREDENTIALS');
  }
  await svc.identity.resetBucket(accountScope);
  if (source !== 'unknown') await svc.identity.rememberGoodSource(email, source, GOOD_SOURCE_TTL_SECONDS);
  const token = newToken(SESSION_TOKEN_PREFIX);
  const expiresAt = Math.floor(Date.now() / 1000) + auth.session_ttl_seconds;
  await svc.identity.putSession(tokenKey(token), {
    user_id: user.user_id,
    email: user.email,
    tenant_id: user.tenant_id,
    role: user.role,
    created_at: new Date().toISOString(),
    expires_at: expiresAt,
  });
  return { token, expiresAt, user };
}

/**
 * Ends the caller's session: the token stops working at once, everywhere; tickets it issued no
 * longer open a socket (they are checked against the session); sockets it opened are closed.
 */
export async function logout(svc: LogoutServices, principal: Principal): Promise<{ closedSockets: number }> {
  if (!principal.sessionKey) return { closedSockets: 0 };
  await svc.identity.deleteSession(principal.sessionKey);
  authorizerCache.forget(principal.sessionKey);
  let closedSockets = 0;
  for (const connectionId of await svc.store.connectionsOfSession(principal.sessionKey)) {
    if (await svc.push.disconnect(connectionId).catch(() => false)) closedSockets++;
  }
  return { closedSockets };
}

/**
 * A single-use, short-lived ticket for opening the WebSocket (browsers cannot set headers on a
 * WebSocket): `wss://…?ticket=<ticket>`. Stored as its SHA-256, consumed by `$connect`.
 */
export async function issueTicket(
  svc: AuthenticationServices,
  principal: Principal,
): Promise<{ ticket: string; expiresAt: number }> {
  const ticket = newToken(TICKET_PREFIX);
  const expiresAt = Math.floor(Date.now() / 1000) + svc.policy.policy.auth.ws_ticket_ttl_seconds;
  await svc.identity.putTicket(tokenKey(ticket), {
    user_id: principal.userId,
    email: principal.email,
    tenant_id: principal.tenantId,
    role: principal.role,
    created_at: new Date().toISOString(),
    expires_at: expiresAt,
    ...(principal.sessionKey ? { session_key: principal.sessionKey } : {}),
  });
  return { ticket, expiresAt };
}
