import { createHash } from 'node:crypto';

/**
 * JSON Canonicalization Scheme (RFC 8785): the one byte form of a JSON value that signer and
 * verifier both compute. Object members are sorted by the UTF-16 code units of their names,
 * numbers use the ECMAScript shortest round-trip form, strings use the minimal JSON escapes, and
 * there is no whitespace. The input is a JSON data-model value (what `JSON.parse` returns):
 * `undefined` members are left out and `undefined` array entries become `null`, as `JSON.stringify`
 * does; values JSON cannot hold (NaN, Infinity, lone surrogates, bigint) are refused.
 */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/** A lone (unpaired) UTF-16 surrogate: RFC 8785 section 3.2.2.2 requires refusing it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('A string holds a lone UTF-16 surrogate, which JSON cannot carry');
  // ECMAScript JSON.stringify of a well-formed string is exactly RFC 8785's escaping:
  // \b \t \n \f \r \" \\ as two characters, other controls as \u00xx (lower case), the rest literal.
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(`${n} is not a JSON number`);
  // Number.prototype.toString is the ECMAScript serialisation RFC 8785 names; -0 becomes 0.
  return Object.is(n, -0) ? '0' : String(n);
}

function serialize(value: unknown, out: string[]): void {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) {
    out.push('null');
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    out.push(serializeNumber(value));
  } else if (typeof value === 'string') {
    out.push(serializeString(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      serialize(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, out);
    });
    out.push(']');
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
    );
    // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push('{');
    entries.forEach(([k, v], i) => {
      if (i > 0) out.push(',');
      out.push(serializeString(k), ':');
      serialize(v, out);
    });
    out.push('}');
  } else {
    throw new CanonicalJsonError(`A ${typeof value} is not a JSON value`);
  }
}

/** The RFC 8785 canonical form of a JSON value, as a string. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  serialize(value, out);
  return out.join('');
}

/** The RFC 8785 canonical form as UTF-8 bytes (what is hashed and signed). */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}

/** `sha256:` + the hex SHA-256 of the value's RFC 8785 form (UTF-8): a decision context's digest. */
export function canonicalDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalBytes(value)).digest('hex')}`;
}
