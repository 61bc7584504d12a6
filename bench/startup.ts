/**
 * Start-up: from spawning `gantry start` to `/ready` answering ready, on a fresh data directory
 * each time, prebuilt JavaScript against the same sources through tsx (GANTRY_PREBUILT=0), in
 * alternating pairs so both see the same machine load. The first prebuilt start (which compiles
 * the cache) is run before timing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStackDirs } from '../test/helpers/test-stack';

const ROOT = join(__dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawn to `/ready` answering 200. */
export async function timeStart(prebuilt: boolean): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-bench-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'local', 'gantry-cli.js'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      GANTRY_DATA_DIR: dataDir,
      GANTRY_ADMIN_EMAIL: 'bench@gantry.local',
      GANTRY_ADMIN_PASSWORD: 'bench-start-password-0123456789',
      GANTRY_PREBUILT: prebuilt ? '1' : '0',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept to say why, should the stack exit instead of becoming ready.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`gantry start exited (${child.exitCode ?? child.signalCode}) before /ready: ${stderr.trim()}`);
      }
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ready`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    // Listened to from the spawn: a child that already exited has already said so.
    await exited;
    removeStackDirs(dataDir);
  }
}

export async function startupFigures(pairs = Number(process.env.BENCH_STARTUP_PAIRS ?? 5)): Promise<string[]> {
  await timeStart(true);
  const pre: number[] = [];
  const tsx: number[] = [];
  for (let i = 0; i < pairs; i++) {
    pre.push(await timeStart(true));
    tsx.push(await timeStart(false));
  }
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return [
    `start-up to /ready: median ${median(pre).toFixed(0)} ms prebuilt, ${median(tsx).toFixed(0)} ms compiling TypeScript at run time ` +
      `(ratio ${(median(pre) / median(tsx)).toFixed(2)}, ${pairs} alternating pairs)`,
  ];
}

if (require.main === module) {
  void startupFigures().then((lines) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  });
}
