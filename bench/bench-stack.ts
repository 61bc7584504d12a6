import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchitectPort } from '../lambdas/domain/ports';
import { startLocalStack, type LocalStack } from '../local/stack';

/** A local stack of the bench's own, with a throwaway owner whose session every call carries. */
export interface BenchStack {
  readonly stack: LocalStack;
  readonly auth: Record<string, string>;
  readonly tenantId: string;
  /** Drains and stops the stack, then removes its data directory. */
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
  const login = await fetch(`${stack.url}/gantry/auth`, { method: 'POST', body: JSON.stringify(admin) });
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const me = (await (await fetch(`${stack.url}/gantry/auth/status`, { headers: auth })).json()) as {
    tenant: { tenant_id: string };
  };
  return {
    stack,
    auth,
    tenantId: me.tenant.tenant_id,
    async stop() {
      await stack.stop({ drain: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
