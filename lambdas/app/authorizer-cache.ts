import type { Principal } from '../domain/identity';

/**
 * How long the authorizer trusts a session it has checked, as API Gateway's authorizer result
 * cache would (its `resultsCacheTtl`): a request within this window after a check costs no store
 * read. The session's own expiry always wins.
 */
export const AUTHORIZER_CACHE_SECONDS = 10;

/** A bound on the entries one process keeps (oldest checks are dropped first). */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly principal: Principal;
  /** Epoch ms after which the session must be checked again. */
  readonly until: number;
}

/**
 * The authorizer's memory of sessions it checked, keyed by the session's store key (the SHA-256
 * of its token: no token is kept). One per process: in a Lambda container it lives as long as
 * the container; in the local stack every function shares the one process, so a logout's
 * `forget` reaches every later request at once. On AWS the logout's function runs in another
 * container than the authorizer's, so a logged-out token is refused from the next check, at most
 * AUTHORIZER_CACHE_SECONDS later (API Gateway's own cache gives the same bound); the sockets it
 * opened are closed at once either way.
 */
export class AuthorizerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = AUTHORIZER_CACHE_SECONDS * 1000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The principal a session was found to be, while the check is fresh. */
  get(sessionKey: string): Principal | null {
    const entry = this.entries.get(sessionKey);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(sessionKey);
      return null;
    }
    return entry.principal;
  }

  /** Remembers a checked session until the TTL passes or the session expires, whichever is first. */
  remember(sessionKey: string, principal: Principal, sessionExpiresAtSeconds: number): void {
    const until = Math.min(this.now() + this.ttlMs, sessionExpiresAtSeconds * 1000);
    if (until <= this.now() || this.ttlMs <= 0) return;
    this.entries.delete(sessionKey);
    this.entries.set(sessionKey, { principal, until });
    // Maps iterate in insertion order: the first keys are the oldest checks.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The session ended (logout): the next request is checked against the store. */
  forget(sessionKey: string): void {
    this.entries.delete(sessionKey);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** This process's authorizer cache. */
export const authorizerCache = new AuthorizerCache();
