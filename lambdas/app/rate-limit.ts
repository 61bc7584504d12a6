import type { Services } from './services';
import { RateLimitedError } from '../domain/errors';
import type { Principal } from '../domain/identity';

export type RateLimitServices = Pick<Services, 'identity' | 'policy'>;

/**
 * Takes one token from the caller's bucket for `route` (`architect`, `siri`, `consult`, `voice`,
 * `retry`, …; rates in `policy.yaml` under `rate_limits`, `default` for a name not listed) and
 * throws 429 `RATE_LIMITED` with `Retry-After` when it is empty. Buckets are per tenant and user,
 * held in DynamoDB with conditional writes, so the limit holds across concurrent Lambdas.
 * Call it after the request is known to be valid and before anything is spent.
 */
export async function enforceRateLimit(svc: RateLimitServices, principal: Principal, route: string): Promise<void> {
  const limits = svc.policy.policy.rate_limits;
  const rate = limits[route] ?? limits.default;
  const result = await svc.identity.takeToken(`${principal.tenantId}#${principal.userId}#${route}`, rate);
  if (!result.allowed) {
    throw new RateLimitedError(
      `Too many ${route} requests: the limit is ${rate.capacity} at once and ${rate.refill_per_minute} per minute; ` +
        `try again in ${result.retryAfterSeconds} s`,
      result.retryAfterSeconds,
    );
  }
}
