/**
 * The local gateway's one parser of what a client controls in a request line: path and query.
 * API Gateway answers a malformed target with a 4xx and never hands it to a Lambda; so does this.
 * Nothing here throws: every failure is a value the caller turns into a 400.
 */

/** API Gateway refuses request lines far shorter than Node's 16 KB header limit. */
export const MAX_TARGET_BYTES = 8 * 1024;

export type ParsedTarget =
  | { readonly ok: true; readonly path: string; readonly query: Record<string, string> }
  | { readonly ok: false; readonly code: 'BAD_PATH' | 'URI_TOO_LONG'; readonly message: string };

/** `decodeURIComponent` that answers `undefined` instead of throwing on a malformed escape. */
export function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Splits a raw request target into a raw (still-encoded) path and a decoded query. A malformed
 * percent-escape anywhere, a NUL byte, or an over-long target is refused.
 */
export function parseTarget(raw: string | undefined): ParsedTarget {
  const target = raw ?? '/';
  if (Buffer.byteLength(target) > MAX_TARGET_BYTES) {
    return { ok: false, code: 'URI_TOO_LONG', message: `Request target exceeds ${MAX_TARGET_BYTES} bytes` };
  }
  let url: URL;
  try {
    url = new URL(target, 'http://local');
  } catch {
    return { ok: false, code: 'BAD_PATH', message: 'Malformed request target' };
  }
  const path = url.pathname;
  const decodedPath = safeDecode(path);
  if (decodedPath === undefined || decodedPath.includes('\0')) {
    return { ok: false, code: 'BAD_PATH', message: 'Malformed percent-escape in the path' };
  }
  const query: Record<string, string> = {};
  const search = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = safeDecode(rawKey.replace(/\+/g, ' '));
    const value = safeDecode(rawValue.replace(/\+/g, ' '));
    if (key === undefined || value === undefined || key.includes('\0') || value.includes('\0')) {
      return { ok: false, code: 'BAD_PATH', message: 'Malformed percent-escape in the query string' };
    }
    query[key] = value;
  }
  return { ok: true, path, query };
}
