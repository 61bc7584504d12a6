import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EndReason } from '../../lambdas/domain/build-result';
import { NETWORK_FAILURE, type BuilderLimits } from '../../builder-image/src/build-runner';
import { getDefaultSandbox } from './run-builder-job';
import { chownTree, claimJobDir, releaseJobDir } from './job-dirs';
import { SANDBOX_JOB_DIR, type LocalSandbox } from './local-sandbox';

/** Limits a snippet runs under (the builder's, or tighter). */
export type SnippetLimits = Pick<BuilderLimits, 'memory_mb' | 'cpu_percent' | 'max_pids'> &
  Partial<Pick<BuilderLimits, 'disk_mb'>>;

export interface SnippetOptions {
  readonly code: string;
  readonly language: 'javascript' | 'shell';
  readonly timeoutMs: number;
  readonly limits: SnippetLimits;
  readonly signal?: AbortSignal;
  /** Default: the process-wide sandbox. */
  readonly sandbox?: LocalSandbox;
  /** Where the throw-away job folder is made. Default: the sandbox's `snippetRoot()`. */
  readonly jobRoot?: string;
  /** Bytes of stdout and of stderr returned (default 64 KiB each). */
  readonly maxOutputBytes?: number;
}

export interface SnippetResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit_code: number | null;
  readonly end_reason: EndReason;
  readonly duration_ms: number;
}

/**
 * Runs a snippet (the debugger feature) in the same sandbox as builds: no network, no host files,
 * the given limits, a fresh folder that is removed afterwards.
 */
export async function runSnippet(opts: SnippetOptions): Promise<SnippetResult> {
  const sandbox = opts.sandbox ?? (await getDefaultSandbox());
  const root = opts.jobRoot ?? sandbox.snippetRoot();
  const name = `snippet-${randomUUID()}`;
  const dir = await claimJobDir(root, name, sandbox.jobOwner());
  try {
    const file = opts.language === 'javascript' ? 'snippet.js' : 'snippet.sh';
    await writeFile(join(dir, file), opts.code, { mode: 0o644 });
    await chownTree(dir, sandbox.jobOwner());
    const argv =
      opts.language === 'javascript'
        ? [sandbox.nodePath, `${SANDBOX_JOB_DIR}/${file}`]
        : ['/bin/sh', `${SANDBOX_JOB_DIR}/${file}`];
    const run = await sandbox.run({
      argv,
      jobDir: dir,
      limits: {
        memoryMb: opts.limits.memory_mb,
        cpuPercent: opts.limits.cpu_percent,
        maxPids: opts.limits.max_pids,
        ...(opts.limits.disk_mb !== undefined ? { diskMb: opts.limits.disk_mb } : {}),
      },
      timeoutMs: opts.timeoutMs,
      maxCapturedBytes: opts.maxOutputBytes ?? 64 * 1024,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    // The sandbox has no network: a snippet that failed after trying it is reported as such.
    const triedNetwork = run.end_reason === 'exit' && run.exit_code !== 0 && NETWORK_FAILURE.test(`${run.stderr}\n${run.stdout}`);
    return {
      stdout: run.stdout,
      stderr: run.error ? `${run.stderr}${run.stderr ? '\n' : ''}${run.error}` : run.stderr,
      exit_code: run.exit_code,
      end_reason: triedNetwork ? 'network' : run.end_reason,
      duration_ms: run.duration_ms,
    };
  } finally {
    await releaseJobDir(root, name);
  }
}
