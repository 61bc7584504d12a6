import { isIP } from 'node:net';

/**
 * Refusals of callers who have not proven who they are (an unsigned or badly signed Siri
 * request) are attacker-controlled volume: storing one audit item each would let anyone turn
 * requests into writes without bound. They are tallied instead, one counter per
 * (tenant or unattributed, kind, code, device, source network, hour), which expires soon.
 */

/** One tally counts the refusals of this many seconds. */
export const REFUSAL_TALLY_BUCKET_SECONDS = 3600;

/** A tally is kept this long after its hour ends (DynamoDB TTL in AWS, the sweep locally). */
export const REFUSAL_TALLY_TTL_SECONDS = 7 * 86_400;

/** Start of the tally bucket `nowMs` falls in (ms since the epoch). */
export function tallyBucketStart(nowMs: number, bucketSeconds = REFUSAL_TALLY_BUCKET_SECONDS): number {
  const size = bucketSeconds * 1000;
  return Math.floor(nowMs / size) * size;
}

/**
 * The network a source address belongs to, as tallies key it: an IPv4 /24 or an IPv6 /64, so a
 * caller who rotates addresses within one allocation (an IPv6 /64 holds 2^64) still fills one
 * counter. Anything that is not an address becomes `other`.
 */
export function sourceNetwork(sourceIp: string): string {
  const ip = sourceIp.startsWith('::ffff:') && isIP(sourceIp.slice(7)) === 4 ? sourceIp.slice(7) : sourceIp;
  switch (isIP(ip)) {
    case 4:
      return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
    case 6: {
      const [head = '', tail = ''] = ip.split('::');
      const left = head ? head.split(':') : [];
      const right = tail ? tail.split(':') : [];
      const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
      return `${groups
        .slice(0, 4)
        .map((g) => (parseInt(g, 16) || 0).toString(16))
        .join(':')}::/64`;
    }
    default:
      return 'other';
  }
}
