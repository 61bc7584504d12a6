import { createHash } from 'node:crypto';

/** Hash before the first event of every mission. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: keys sorted at every depth, no whitespace. Two parties that hold the same
 * event always compute the same bytes, so the chain can be re-verified offline.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** hash_n = sha256(hash_{n-1} || canonical(event without its hash fields)). */
export function chainHash(prevHash: string, body: Record<string, unknown>): string {
  const { hash: _h, prev_hash: _p, ...rest } = body;
  return sha256Hex(prevHash + canonicalJson(rest));
}

export interface ChainVerdict {
  readonly ok: boolean;
  readonly head: string;
  /** Seq of the first event that does not link, when `ok` is false. */
  readonly brokenAt?: number;
}

/** Re-computes a chain from its events (in seq order) and reports where it breaks, if anywhere. */
export function verifyChain(
  events: ReadonlyArray<Record<string, unknown> & { seq: number; prev_hash: string; hash: string }>,
): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq || event.prev_hash !== prev || chainHash(prev, event) !== event.hash) {
      return { ok: false, head: prev, brokenAt: event.seq };
    }
    prev = event.hash;
    expectedSeq += 1;
  }
  return { ok: true, head: prev };
}
