import { createHash } from 'node:crypto';

/**
 * RFC 8785 (JSON Canonicalization Scheme) for plain JSON values: object members sorted by their
 * names as UTF-16 code units, numbers in ECMAScript's shortest round-trip form, strings with the
 * minimal escaping of `JSON.stringify`, no whitespace. Members whose value is `undefined` are left
 * out (they have no JSON form). Values JSON cannot carry are refused rather than guessed at.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`RFC 8785: ${value} has no JSON form`);
      // ECMAScript Number::toString is the serialisation RFC 8785 prescribes (and -0 prints as 0).
      return JSON.stringify(value);
    case 'string':
      if (/\p{Surrogate}/u.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
        throw new TypeError('RFC 8785: a string holds a lone surrogate');
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        // Plain `<` on JavaScript strings compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${canonicalize(k)}:${canonicalize(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`RFC 8785: a ${typeof value} has no JSON form`);
  }
}

/** `sha256:` + the hex SHA-256 of the value's RFC 8785 form (UTF-8). */
export function canonicalDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalize(value), 'utf8').digest('hex')}`;
}
