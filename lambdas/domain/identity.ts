import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from './zod';

/**
 * Identity rules with no I/O: roles and what each may do, the caller's principal, session and
 * ticket tokens, and how a credential is found in a request. The authorizer, the handlers and
 * the local gateway all use these, so AWS and the local stack decide alike.
 */

export const ROLES = ['owner', 'admin', 'member', 'approver'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** What a role may do inside its own tenant. Nothing ever crosses tenants. */
export const PERMISSIONS = {
  /** Start builds and consultations (architect, consult, voice, Siri, retry). */
  'mission:create': ['owner', 'admin', 'member'],
  'mission:read': ['owner', 'admin', 'member', 'approver'],
  /** Human decisions on a mission (approve, reject, override). */
  'mission:decide': ['owner', 'admin', 'approver'],
  /** Add users to the tenant. */
  'user:manage': ['owner'],
  /** Create further tenants (each with its own first owner). */
  'tenant:create': ['owner'],
  /** Read the tenant's audit records (refused content, refused Siri requests, logins). */
  'audit:read': ['owner', 'admin'],
  /** Create, list and revoke one's own Siri device keys. */
  'device:manage': ['owner', 'admin', 'member', 'approver'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Who is calling, as the authorizer established it. Handlers take the tenant from here only. */
export interface Principal {
  readonly tenantId: string;
  readonly userId: string;
  readonly role: Role;
  readonly email: string;
  /** sha256 of the session token (what the store keys the session by); absent for ticket and device callers. */
  readonly sessionKey?: string;
}

/**
 * The authorizer context API Gateway passes to handlers in `requestContext.authorizer`.
 * Values must be strings (API Gateway stringifies context values anyway).
 */
export const AuthorizerContextSchema = z.object({
  tenantId: z.string().check(z.minLength(1)),
  userId: z.string().check(z.minLength(1)),
  role: RoleSchema,
  email: z.string().check(z.minLength(1)),
  sessionKey: z.optional(z.string()),
});

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The principal in an authorizer context (checked as AuthorizerContextSchema says, on every request). */
export function principalFromContext(context: unknown): Principal | null {
  if (!context || typeof context !== 'object') return null;
  const c = context as Record<string, unknown>;
  if (!isText(c.tenantId) || !isText(c.userId) || !isText(c.email)) return null;
  if (typeof c.role !== 'string' || !(ROLES as readonly string[]).includes(c.role)) return null;
  if (c.sessionKey !== undefined && typeof c.sessionKey !== 'string') return null;
  return {
    tenantId: c.tenantId,
    userId: c.userId,
    role: c.role as Role,
    email: c.email,
    ...(c.sessionKey !== undefined ? { sessionKey: c.sessionKey } : {}),
  };
}

export function contextOf(principal: Principal): Record<string, string> {
  return {
    tenantId: principal.tenantId,
    userId: principal.userId,
    role: principal.role,
    email: principal.email,
    ...(principal.sessionKey ? { sessionKey: principal.sessionKey } : {}),
  };
}

/** The cookie the web client's session travels in (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'gantry_session';
/** Prefixes make leaked tokens easy to recognise (and to scan for). */
export const SESSION_TOKEN_PREFIX = 'gs_';
export const TICKET_PREFIX = 'gt_';

/** A new random opaque token: 256 bits from the CSPRNG, base64url. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps instead of a token: its SHA-256 (the token itself is never stored). */
export const tokenKey = (token: string): string => hash('sha256', token, 'hex');

/**
 * Constant-time string equality. Both sides are hashed first so that neither their length nor
 * the position of the first difference shows in the timing.
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = hash('sha256', a, 'buffer');
  const hb = hash('sha256', b, 'buffer');
  return timingSafeEqual(ha, hb);
}

export const EmailSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(3),
    z.maxLength(254),
    z.regex(/^[^\s@]+@[^\s@]+$/, 'email must look like name@domain'),
  );

/** Emails are the login name; compared case-insensitively. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Header lookup that ignores case, as HTTP does. */
export function headerValue(headers: Record<string, string | undefined> | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted && value !== undefined) return value;
  return undefined;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

export interface Credential {
  readonly token: string;
  readonly source: 'bearer' | 'cookie';
}

/** The session token of a request: `Authorization: Bearer …` first, then the session cookie. */
export function credentialFrom(headers: Record<string, string | undefined> | null | undefined): Credential | null {
  const auth = headerValue(headers, 'authorization');
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  if (bearer) return { token: bearer, source: 'bearer' };
  const cookie = parseCookies(headerValue(headers, 'cookie'))[SESSION_COOKIE];
  if (cookie) return { token: cookie, source: 'cookie' };
  return null;
}

/** `Set-Cookie` value carrying a session: HttpOnly, SameSite=Strict, whole-site path, Secure over HTTPS. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` value that removes the session cookie. */
export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', 0, secure);

/** The message every unauthenticated request gets, from API Gateway and the local gateway alike. */
export const UNAUTHORIZED_MESSAGE =
  'Sign in first: POST /gantry/auth, then send the gantry_session cookie or Authorization: Bearer <token>';
