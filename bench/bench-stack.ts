import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchitectPort } from '../lambdas/domain/ports';
import { poolForOrigin } from '../local/http-connection-pool';
import { startLocalStack, type LocalStack } from '../local/stack';
import { removeStackDirs } from '../test/helpers/test-stack';

/**
 * The bench's HTTP client to the stack's gateway: the stack's own kept-alive client
 * (local/http-connection-pool.ts), the one the store's adapter uses for a raw read. The bench's
 * clients run on the stack's thread, so what they cost counts as the stack's: node's HTTP client
 * (fetch) cost about 100 us more per request than this one, on a path of the stack's own.
 */
export interface BenchClient {
  request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; text: string }>;
  close(): void;
}

function benchClient(stackUrl: string): BenchClient {
  const host = new URL(stackUrl).host;
  const pool = poolForOrigin(stackUrl);
  return {
    request: async (method, path, headers, body) => {
      const answer = await pool.send({ method, path, headers: { host, ...headers }, ...(body !== undefined ? { body } : {}) });
      return { status: answer.status, text: answer.text };
    },
    close: () => pool.close(),
  };
}

/** A local stack of the bench's own, with a throwaway owner whose session every call carries. */
export interface BenchStack {
  readonly stack: LocalStack;
  readonly auth: Record<string, string>;
  readonly tenantId: string;
  /** The bench's client to the gateway (closed by `stop`). */
  readonly client: BenchClient;
  /** Drains and stops the stack, then removes its data directory and its scratch folder. */
  stop(): Promise<void>;
}

export async function startBenchStack(name: string, options: { architect?: ArchitectPort } = {}): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `gantry-bench-${name}-`));
  const admin = { email: 'bench@gantry.local', password: randomBytes(18).toString('base64url') };
  const stack = await startLocalStack({
    env: {
      ...process.env,
      PORT: '0',
      GANTRY_DATA_DIR: dataDir,
      GANTRY_ADMIN_EMAIL: admin.email,
      GANTRY_ADMIN_PASSWORD: admin.password,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    },
    ...(options.architect ? { architect: options.architect } : {}),
  });
  const client = benchClient(stack.url);
  const login = await client.request('POST', '/gantry/auth', {}, JSON.stringify(admin));
  const auth = { authorization: `Bearer ${(JSON.parse(login.text) as { token: string }).token}` };
  const me = JSON.parse((await client.request('GET', '/gantry/auth/status', auth)).text) as {
    tenant: { tenant_id: string };
  };
  return {
    stack,
    auth,
    tenantId: me.tenant.tenant_id,
    client,
    async stop() {
      client.close();
      await stack.stop({ drain: true });
      removeStackDirs(dataDir);
    },
  };
}
