/**
 * Token bucket arithmetic, no I/O. A bucket holds at most `capacity` tokens and regains
 * `refillPerMinute` tokens per minute; each admitted request takes one. The store applies the
 * result with a single-item conditional write, so concurrent callers cannot both spend the
 * same token.
 */

export interface BucketRate {
  readonly capacity: number;
  readonly refill_per_minute: number;
}

export interface BucketState {
  /** Tokens left at `updatedMs` (may be fractional). */
  readonly tokens: number;
  readonly updatedMs: number;
}

export type TakeResult =
  | { readonly allowed: true; readonly next: BucketState; readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Tokens in the bucket at `nowMs`; a bucket never seen before is full. */
export function refill(state: BucketState | null, rate: BucketRate, nowMs: number): number {
  if (!state) return rate.capacity;
  const elapsedMinutes = Math.max(0, nowMs - state.updatedMs) / 60_000;
  return Math.min(rate.capacity, state.tokens + elapsedMinutes * rate.refill_per_minute);
}

/** Takes one token if there is one; otherwise says how long until there will be. */
export function take(state: BucketState | null, rate: BucketRate, nowMs: number): TakeResult {
  const available = refill(state, rate, nowMs);
  if (available >= 1) {
    const next = { tokens: available - 1, updatedMs: nowMs };
    return { allowed: true, next, remaining: Math.floor(next.tokens) };
  }
  if (rate.refill_per_minute <= 0) return { allowed: false, retryAfterSeconds: 3600 };
  const seconds = ((1 - available) / rate.refill_per_minute) * 60;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
}

/** Seconds after which an untouched bucket is full again and its item can be forgotten. */
export function secondsUntilFull(state: BucketState, rate: BucketRate): number {
  if (rate.refill_per_minute <= 0) return 86_400;
  return Math.ceil(((rate.capacity - state.tokens) / rate.refill_per_minute) * 60) + 60;
}
