import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../../lambdas/domain/policy';
import type { ArchitectPort } from '../../lambdas/domain/ports';
import { startLocalStack, type LocalStack } from '../../local/stack';

export interface TestStack {
  stack: LocalStack;
  url: string;
  dataDir: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  waitFor(missionId: string, statuses: string[], timeoutMs?: number): Promise<any>;
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

export async function startTestStack(
  options: { policy?: Record<string, Record<string, unknown>>; architect?: ArchitectPort; dataDir?: string } = {},
): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gantry-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', GANTRY_DATA_DIR: dataDir, GANTRY_HOST: '127.0.0.1' };
  if (options.policy) env.GANTRY_POLICY_PATH = writePolicy(dataDir, options.policy);
  const stack = await startLocalStack({ env, architect: options.architect });
  const request: TestStack['request'] = async (method, path, body, headers = {}) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
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
  return {
    stack,
    url: stack.url,
    dataDir,
    request,
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
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
