import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { TEST_ADMIN } from './test-stack';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The local stack as a separate process (`gantry start`), so a test can kill it with SIGKILL. */
export interface StackProcess {
  readonly child: ChildProcess;
  readonly base: string;
  /** Resolves when the process has exited (killed or by itself). */
  readonly exited: Promise<void>;
  /** Everything it printed. */
  output(): string;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
}

/** `gantry start` on `dataDir` and a free port, as the test owner, its output piped; not waited for. */
export async function spawnStack(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'local', 'gantry-cli.js'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      GANTRY_DATA_DIR: dataDir,
      GANTRY_ADMIN_EMAIL: TEST_ADMIN.email,
      GANTRY_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, port };
}

export async function startStackProcess(dataDir: string, env: Record<string, string> = {}): Promise<StackProcess> {
  const { child, port } = await spawnStack(dataDir, env);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start: ${out}`)), 90_000);
    child.stdout!.on('data', (d) => {
      out += d.toString();
      if (out.includes('Gantry local stack is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (out += d.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`stack exited ${child.exitCode ?? child.signalCode}: ${out}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    exited,
    output: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
