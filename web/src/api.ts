/**
 * The console's REST client. The session lives in an HttpOnly cookie the page never reads; the page
 * remembers only whether it signed in (a flag in localStorage), so a first visit asks nothing
 * protected and logs no 401.
 */
const SIGNED_IN = 'gantry.signed-in';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

let onUnauthorized: () => void = () => {};
export function whenUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

export const session = {
  likely: (): boolean => localStorage.getItem(SIGNED_IN) === '1',
  remember: (): void => localStorage.setItem(SIGNED_IN, '1'),
  forget: (): void => localStorage.removeItem(SIGNED_IN),
};

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}),
    headers: { 'content-type': 'application/json', ...(rest.headers ?? {}) },
    credentials: 'same-origin',
  });
  const type = res.headers.get('content-type') ?? '';
  const body: any = type.includes('json') ? await res.json().catch(() => ({})) : await res.text();
  if (res.status === 401 && !path.startsWith('/gantry/auth')) {
    session.forget();
    onUnauthorized();
  }
  if (!res.ok) {
    const err = typeof body === 'object' && body?.error ? body.error : { code: `HTTP_${res.status}`, message: res.statusText };
    throw new ApiError(res.status, err.code, err.message);
  }
  return body as T;
}

/**
 * Endpoints other parts of the API add over time (search, clear, decisions): the console asks once
 * and hides the control when the stack answers 404 for the route.
 */
const known = new Map<string, Promise<boolean>>();
export function routeExists(key: string, probe: () => Promise<unknown>): Promise<boolean> {
  let p = known.get(key);
  if (!p) {
    p = probe().then(
      () => true,
      // A stack without the route answers 404 "No route" (API Gateway: 403 without a method).
      (e: unknown) => !(e instanceof ApiError && ((e.status === 404 && /no route/i.test(e.message)) || e.status === 403)),
    );
    known.set(key, p);
  }
  return p;
}
