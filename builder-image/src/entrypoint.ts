/**
 * The builder's process main, the same in both runtimes.
 *
 * GANTRY_BUILDER_MODE=local (default; the local stack runs this inside the sandbox):
 *   reads <GANTRY_JOB_DIR>/manifest.json and limits.json (GANTRY_JOB_DIR defaults to /job),
 *   builds in <job>/app, writes <job>/build.log and then <job>/result.json.
 * GANTRY_BUILDER_MODE=aws (set by the image; one Fargate task per attempt):
 *   see aws-mode.ts.
 *
 * Progress goes to stdout as JSON lines (protocol.ts). Exit code 0 whenever a result was written
 * (a failing app is a result); non-zero only when no result could be written.
 */
import { rename, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import * as z from '../../lambdas/domain/zod';
import { buildFromInputs, emit, failedBeforeBuild, flushEmitted, resultJson } from './build-job';

const EnvSchema = z.object({
  GANTRY_BUILDER_MODE: z._default(z.enum(['local', 'aws']), 'local'),
  GANTRY_JOB_DIR: z._default(z.string().check(z.minLength(1)), '/job'),
  /** Set by the image and by the local sandbox: this process is alone in its pid namespace. */
  GANTRY_BUILDER_CONFINED: z._default(z.enum(['0', '1']), '0'),
  /**
   * `stdin` (local mode, a warm builder): started ahead of its job, the builder waits for a byte
   * on stdin before it reads the job's inputs, which the host writes in the meantime.
   */
  GANTRY_BUILDER_START: z._default(z.enum(['now', 'stdin']), 'now'),
});

/** Resolves true at the first byte on stdin, false when stdin ends without one. */
function startSignal(): Promise<boolean> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const done = (started: boolean): void => {
      stdin.pause();
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.destroy();
      resolve(started);
    };
    stdin.once('data', () => done(true));
    stdin.once('end', () => done(false));
    stdin.once('error', () => done(false));
  });
}

async function readInput(path: string): Promise<string | { error: string }> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    return { error: `cannot read ${path}: ${(err as Error).message}` };
  }
}

async function runLocal(jobDir: string, signal: AbortSignal, confined: boolean): Promise<number> {
  const manifestText = await readInput(join(jobDir, 'manifest.json'));
  const limitsText = await readInput(join(jobDir, 'limits.json'));
  let outcome;
  if (typeof manifestText !== 'string' || typeof limitsText !== 'string') {
    const error = (typeof manifestText !== 'string' ? manifestText : (limitsText as { error: string })).error;
    emit({ v: 1, type: 'log', line: `[gantry] ${error}` });
    outcome = { result: failedBeforeBuild(error), log: `[gantry] ${error}\n`, outputDir: null };
  } else {
    outcome = await buildFromInputs({ manifestText, limitsText, appDir: join(jobDir, 'app'), signal, reapStrays: confined });
  }
  await writeFile(join(jobDir, 'build.log'), outcome.log);
  // Written under a temporary name and renamed: a reader never sees half a result.
  const tmp = join(jobDir, '.result.json.tmp');
  await writeFile(tmp, resultJson(outcome.result));
  await rename(tmp, join(jobDir, 'result.json'));
  emit({ v: 1, type: 'result', result: outcome.result });
  return 0;
}

async function main(): Promise<number> {
  const env = EnvSchema.safeParse(process.env);
  if (!env.success) {
    emit({ v: 1, type: 'error', message: `invalid environment: ${env.error.issues[0]?.message ?? 'unknown'}` });
    return 2;
  }
  const controller = new AbortController();
  // ECS StopTask and the local stack stop a builder with SIGTERM: end the running command, still report.
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => controller.abort());
  if (env.data.GANTRY_BUILDER_MODE === 'aws') {
    const { runAwsMode } = await import('./aws-mode');
    return runAwsMode(process.env, controller.signal, env.data.GANTRY_BUILDER_CONFINED === '1');
  }
  if (env.data.GANTRY_BUILDER_START === 'stdin' && !(await startSignal())) {
    emit({ v: 1, type: 'error', message: 'stdin closed before the start signal' });
    return 2;
  }
  return runLocal(env.data.GANTRY_JOB_DIR, controller.signal, env.data.GANTRY_BUILDER_CONFINED === '1');
}

/**
 * Ends the process as soon as the builder is done: its result is written (and, on AWS, uploaded)
 * and its last message out. Left to end by itself, Node first waits for every handle (a stray
 * pipe or timer of a command the build started) and then tears its heap down, which under the
 * job's CPU cap took 25–90 ms of the job's time after its result; exiting takes about 20. Nothing
 * is lost: every write the result depends on was awaited, and writes to stdout (a pipe or a file,
 * on Linux where the builder runs) are synchronous.
 */
function finishWith(code: number): void {
  flushEmitted();
  process.exit(code);
}

function start(): void {
  main().then(
    (code) => finishWith(code),
    (err: unknown) => {
      emit({ v: 1, type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      finishWith(1);
    },
  );
}

// The local stack can start the builder from a V8 startup snapshot of this file (see
// local/sandbox/builder-bundle.ts): the snapshot holds the loaded modules, and `main` runs when it
// is deserialized, reading the environment and the job then. Run as a script, it starts at once.
if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(start);
else start();
