import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import type { ArchitectPort } from '../../lambdas/domain/ports';
import { fetchLocalApp } from '../../lambdas/adapters/deployers';
import { mountsUnder } from '../../local/sandbox/job-disk';
import { scratchDirectory, startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack';

/** The first owner every test stack bootstraps (GANTRY_ADMIN_EMAIL / GANTRY_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: 'owner@gantry.test', password: 'test-owner-password-1' } as const;

export type TestResponse = { status: number; body: any; headers: Headers; text: string };

export interface TestStack {
  stack: LocalStack;
  url: string;
  dataDir: string;
  /** Bearer token of TEST_ADMIN's session; `request()` sends it unless told otherwise. */
  token: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** A request with another session token, or with none (`null`). */
  requestAs(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
  /**
   * A request sent from another loopback address (e.g. `127.0.0.2`): the stack sees another
   * source IP, as it would another machine.
   */
  requestFrom(
    localAddress: string,
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any; headers: Record<string, string | string[] | undefined> }>;
  /** Logs in and returns the bearer token. */
  login(email: string, password: string): Promise<string>;
  /** A WebSocket URL (default path `/ws`) carrying a fresh single-use ticket of the token's session. */
  wsUrl(path?: string, token?: string): Promise<string>;
  waitFor(missionId: string, statuses: string[], timeoutMs?: number): Promise<any>;
  /**
   * GETs a deployed app's URL (`http://<slug>.localhost:<apps port>/…`): Node's resolver does not
   * know `*.localhost` names, which browsers and curl send to the loopback address.
   */
  fetchApp(url: string): Promise<{ status: number; text: string }>;
  /** The origin apps are served from, as a pattern: `http://<slug>.localhost:<port>/`. */
  appUrlPattern: RegExp;
  /** The local publisher's bare repository of the token's tenant (one repository per tenant). */
  gitRepo(token?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Deep-merges policy overrides into a copy of the project's policy.yaml and returns its path. */
export function writePolicy(dir: string, overrides: Record<string, Record<string, unknown>>): string {
  const policy = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(overrides)) policy[section] = { ...policy[section], ...values };
  const path = join(dir, 'policy.yaml');
  writeFileSync(path, stringify(policy));
  return path;
}

/**
 * The `stacks` section of the project's policy with extra file types or script programs allowed
 * in the static-web profile: for tests whose app must get past the gate on purpose (a fork bomb
 * in a shell script, a test script that backgrounds processes) to exercise what comes after it.
 */
export function stacksAllowing(extra: { text_extensions?: string[]; script_programs?: string[] }): Record<string, unknown> {
  const policy = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8')) as {
    stacks: { allowed: string[]; profiles: Record<string, Record<string, string[]>> };
  };
  const profile = policy.stacks.profiles['static-web']!;
  return {
    ...policy.stacks,
    profiles: {
      ...policy.stacks.profiles,
      'static-web': {
        ...profile,
        text_extensions: [...(profile.text_extensions ?? []), ...(extra.text_extensions ?? [])],
        script_programs: [...(profile.script_programs ?? []), ...(extra.script_programs ?? [])],
      },
    },
  };
}

/**
 * Removes a data directory made for a test and the stack's scratch folder for it (builder jobs,
 * the builder's bundle, the sandbox's files under the system temp folder), which would otherwise
 * stay behind after every test run. A stack killed mid-build leaves its job disks mounted (its
 * next start would sweep them): they are unmounted first, and the removal retries for about a
 * second and a half while the killed stack's last host programs end. Best effort: a folder that
 * cannot be removed stays.
 */
export function removeStackDirs(dataDir: string): void {
  const scratch = scratchDirectory(dataDir);
  for (const point of mountsUnder(scratch).reverse()) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore' });
    } catch {
      // Not mounted any more, or not ours to unmount.
    }
  }
  for (const dir of [dataDir, scratch]) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Left for the system's temp cleaning.
    }
  }
}

export async function startTestStack(
  options: {
    policy?: Record<string, Record<string, unknown>>;
    architect?: ArchitectPort;
    dataDir?: string;
    /** More environment for the stack (e.g. GANTRY_LLM_PROVIDER); process.env itself is left alone. */
    env?: Record<string, string>;
    /** Sandbox options (e.g. `{ bwrapPath: null }`: a machine without bubblewrap). */
    sandbox?: LocalStackOptions['sandbox'];
  } = {},
): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gantry-test-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    GANTRY_DATA_DIR: dataDir,
    GANTRY_HOST: '127.0.0.1',
    GANTRY_ADMIN_EMAIL: TEST_ADMIN.email,
    GANTRY_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...options.env,
  };
  if (options.policy) env.GANTRY_POLICY_PATH = writePolicy(dataDir, options.policy);
  const stack = await startLocalStack({ env, architect: options.architect, sandbox: options.sandbox });
  const requestAs: TestStack['requestAs'] = async (token, method, path, body, headers = {}) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
  const requestFrom: TestStack['requestFrom'] = (localAddress, token, method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        `${stack.url}${path}`,
        {
          method,
          localAddress,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-length': String(Buffer.byteLength(payload)) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const login = async (email: string, password: string): Promise<string> => {
    const res = await requestAs(null, 'POST', '/gantry/auth', { email, password });
    if (res.status !== 200) throw new Error(`Login as ${email} failed: ${res.status} ${res.text}`);
    return res.body.token as string;
  };
  const token = await login(TEST_ADMIN.email, TEST_ADMIN.password);
  const request: TestStack['request'] = (method, path, body, headers) => requestAs(token, method, path, body, headers);
  return {
    stack,
    url: stack.url,
    dataDir,
    token,
    request,
    requestAs,
    requestFrom,
    login,
    async fetchApp(url) {
      const res = await fetchLocalApp(url);
      return { status: res.status, text: res.body };
    },
    appUrlPattern: new RegExp(`^http://[a-z0-9-]+\\.localhost:${stack.apps.port}/$`),
    async gitRepo(as = token) {
      const me = await requestAs(as, 'GET', '/gantry/auth/status');
      const tenant = me.body?.tenant?.tenant_id;
      if (!tenant) throw new Error(`No tenant for this session: ${me.status} ${me.text}`);
      return join(dataDir, 'git', 'tenants', tenant, 'apps.git');
    },
    async wsUrl(path = '/ws', as = token) {
      const res = await requestAs(as, 'POST', '/gantry/auth/ticket');
      if (res.status !== 201) throw new Error(`No WebSocket ticket: ${res.status} ${res.text}`);
      return `${stack.url.replace(/^http/, 'ws')}${path}?ticket=${encodeURIComponent(res.body.ticket)}`;
    },
    async waitFor(missionId, statuses, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      let last: any;
      while (Date.now() < deadline) {
        last = (await request('GET', `/gantry/status/${missionId}`)).body;
        if (statuses.includes(last?.status)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(
        `Mission ${missionId} did not reach ${statuses.join('/')} in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
      );
    },
    async stop() {
      await stack.stop({ drain: true });
      if (!options.dataDir) removeStackDirs(dataDir);
    },
  };
}
