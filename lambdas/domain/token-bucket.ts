/**
 * Token bucket arithmetic, no I/O, in the form a store can apply with one atomic update (the
 * generic cell rate algorithm). A bucket holds at most `capacity` tokens and regains
 * `refill_per_minute` tokens per minute; each admitted request takes one.
 *
 * Instead of a token count and a time, the bucket keeps one number: its theoretical arrival
 * time `tat`, the instant at which it would be full again. Taking a token moves `tat` one
 * interval later, from `now` if the bucket is already full. The bucket is empty when that would
 * put `tat` more than `capacity` intervals past `now`. Both cases are a single conditional
 * update (`tat = tat + interval` while busy, `tat = now + interval` while full), so concurrent
 * callers never read, compute and write back.
 */

export interface BucketRate {
  readonly capacity: number;
  readonly refill_per_minute: number;
}

export type TakeResult =
  { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A bucket with no refill regains one token a day (and is forgotten once full again). */
const NO_REFILL_INTERVAL_MS = 86_400_000;

/** Milliseconds per regained token. */
export function intervalMs(rate: BucketRate): number {
  return rate.refill_per_minute > 0 ? 60_000 / rate.refill_per_minute : NO_REFILL_INTERVAL_MS;
}

/** The bounds of one take at `nowMs`, as the store's two conditional updates need them. */
export interface TakeBounds {
  readonly interval: number;
  /** A busy bucket (`now < tat`) admits a take while `tat <= busyLimit`. */
  readonly busyLimit: number;
  /** Seconds since the epoch after which the item may be forgotten: the bucket is full by then. */
  readonly expiresAt: number;
}

export function takeBounds(rate: BucketRate, nowMs: number): TakeBounds {
  const interval = intervalMs(rate);
  const busyLimit = nowMs + (rate.capacity - 1) * interval;
  return { interval, busyLimit, expiresAt: Math.ceil((nowMs + rate.capacity * interval) / 1000) + 60 };
}

/** What an admitted take leaves: whole tokens still in the bucket once `tat` is `nextTat`. */
export function admitted(rate: BucketRate, nowMs: number, nextTat: number): TakeResult {
  const remaining = Math.floor((nowMs + rate.capacity * intervalMs(rate) - nextTat) / intervalMs(rate) + 1e-9);
  return { allowed: true, remaining: Math.max(0, remaining) };
}

/** A refused take: how long until the bucket at `tat` holds a token again. */
export function refused(rate: BucketRate, nowMs: number, tat: number): TakeResult {
  const wait = tat - (rate.capacity - 1) * intervalMs(rate) - nowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

/**
 * The same rule over a value in memory (`tat` null: never seen, so full): the reference the
 * store's updates implement, and what the tests check them against.
 */
export function take(tat: number | null, rate: BucketRate, nowMs: number): { result: TakeResult; tat: number | null } {
  const { interval, busyLimit } = takeBounds(rate, nowMs);
  if (tat === null || tat <= nowMs) return { result: admitted(rate, nowMs, nowMs + interval), tat: nowMs + interval };
  if (tat <= busyLimit) return { result: admitted(rate, nowMs, tat + interval), tat: tat + interval };
  return { result: refused(rate, nowMs, tat), tat };
}
