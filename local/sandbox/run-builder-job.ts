import { constants as fsConstants, existsSync } from 'node:fs';
import { chown, cp, lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandResult, EndReason } from '../../lambdas/domain/build-result';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { listRegularFiles, openNoFollow, unsafePathReason } from '../../builder-image/src/app-files';
import {
  LOG_TAIL_BYTES,
  LogTail,
  type BuildEvent,
  type BuilderLimits,
  type BuildResultDetail,
} from '../../builder-image/src/build-runner';
import { LineSplitter } from '../../builder-image/src/line-splitter';
import { BuildResultFileSchema, parseBuilderMessage } from '../../builder-image/src/protocol';
import { TestOutcomeParser } from '../../builder-image/src/test-outcomes';
import { ensureBuilderLaunch, type BuilderLaunch } from './builder-bundle';
import {
  assertJobName,
  chownTree,
  claimJobDir,
  ensureJobRoot,
  JobDirError,
  releaseJobDir,
  untraversableAncestors,
} from './job-dirs';
import { LocalSandbox, SANDBOX_JOB_DIR, type SandboxRunResult } from './local-sandbox';
import { ownerToken } from './process-identity';
import type { WarmBuilder, WarmBuilders, WarmRunOptions } from './warm-builders';

/**
 * The local twin of the Fargate builder task: the same entrypoint, run in the sandbox on a job
 * folder instead of S3.
 *
 * Job folder (`<jobRoot>/<jobId>/`, mounted at /job):
 *   manifest.json, limits.json   written here before the run
 *   app/                         the app, written and built by the entrypoint
 *   app/<output_dir>/            the built output (see `builderJobPaths`, `copyBuildOutput`)
 *   build.log, result.json       written by the entrypoint
 *   home/                        HOME inside the sandbox (npm cache in home/.npm)
 * plus `<jobRoot>/.builder/entrypoint.js` (the bundled entrypoint, shared by all jobs, with its startup
 * snapshot `entrypoint-<key>.blob` when this Node can make one) and
 * `<jobRoot>/.owners/<jobId>` (which process owns the folder, for the leftover sweep).
 */

export interface BuilderJobOptions {
  readonly jobRoot: string;
  /** Folder name of the job (letters, digits, `.`, `_`, `-`); an existing folder is replaced. */
  readonly jobId: string;
  readonly manifest: GantryManifest;
  readonly limits: BuilderLimits;
  readonly onLog?: (line: string) => void;
  /** Phase progress (`phase` when a command starts, `command` when it ends). */
  readonly onEvent?: (event: BuildEvent) => void;
  /** Cancels the build: every process of the job ends, the result has end_reason `killed`. */
  readonly signal?: AbortSignal;
  /** Default: one shared sandbox per process (`getDefaultSandbox`). */
  readonly sandbox?: LocalSandbox;
  /** A warmed npm cache folder copied into the job (npm refuses a read-only cache offline). */
  readonly npmCacheSeed?: string;
  /**
   * Builders started ahead of their jobs (see warm-builders.ts): the job takes one made for its
   * limits when one is waiting (not with `npmCacheSeed`), and starts the next. Default: none.
   */
  readonly warm?: WarmBuilders;
}

/** What a builder job produced and where. */
export interface BuilderJobOutcome {
  /** The validated result; `error` explains failures that are not a command's (refused path, sandbox failure). */
  readonly result: BuildResultDetail;
  /** The job folder (kept after the run; removed by `releaseJobDir` or the next start-up sweep). */
  readonly jobDir: string;
  /** `<jobDir>/app/<output_dir>`: the built output the deploy step copies (`result.output_files` are relative to it). */
  readonly outputDir: string;
}

export interface BuilderJobPaths {
  readonly jobDir: string;
  readonly appDir: string;
  /** Where the built output is after a successful build. */
  readonly outputDir: string;
  readonly manifestFile: string;
  readonly limitsFile: string;
  readonly resultFile: string;
  readonly logFile: string;
}

/** Where one job's files are on the host. */
export function builderJobPaths(jobRoot: string, jobId: string, outputDir = 'dist'): BuilderJobPaths {
  assertJobName(jobId);
  const reason = unsafePathReason(outputDir);
  if (reason) throw new JobDirError(`output_dir ${JSON.stringify(outputDir)} ${reason}`);
  const jobDir = join(jobRoot, jobId);
  return {
    jobDir,
    appDir: join(jobDir, 'app'),
    outputDir: join(jobDir, 'app', outputDir),
    manifestFile: join(jobDir, 'manifest.json'),
    limitsFile: join(jobDir, 'limits.json'),
    resultFile: join(jobDir, 'result.json'),
    logFile: join(jobDir, 'build.log'),
  };
}

const ENTRYPOINT_IN_SANDBOX = '/opt/gantry/entrypoint.js';
/** Where the sandbox sees the builder's startup snapshot (when there is one). */
const SNAPSHOT_IN_SANDBOX = '/opt/gantry/entrypoint.blob';
const MAX_RESULT_BYTES = 8 * 1024 * 1024;

let defaultSandbox: Promise<LocalSandbox> | null = null;

/** The process-wide sandbox (created and swept on first use). */
export function getDefaultSandbox(): Promise<LocalSandbox> {
  defaultSandbox ??= LocalSandbox.create();
  return defaultSandbox;
}

const sweptRoots = new Set<string>();

/** What the host saw of the run, to describe a build the sandbox ended before it reported. */
class RunObserver {
  readonly commands: CommandResult[] = [];
  current: { phase: CommandResult['phase']; command: string; startedAt: number; tail: LogTail } | null = null;
  readonly tests = new TestOutcomeParser({ appDir: `${SANDBOX_JOB_DIR}/app` });
  readonly stderrTail = new LogTail(LOG_TAIL_BYTES);

  constructor(
    private readonly onLog?: (line: string) => void,
    private readonly onEvent?: (event: BuildEvent) => void,
  ) {}

  stdoutLine(line: string): void {
    const message = parseBuilderMessage(line);
    if (!message) return;
    switch (message.type) {
      case 'log':
        this.current?.tail.push(message.line);
        if (this.current?.phase === 'audit') this.tests.push(message.line);
        this.onLog?.(message.line);
        break;
      case 'phase':
        this.current = {
          phase: message.phase,
          command: message.command,
          startedAt: Date.now(),
          tail: new LogTail(LOG_TAIL_BYTES),
        };
        this.onEvent?.({ type: 'phase', phase: message.phase, command: message.command });
        break;
      case 'command':
        this.commands.push(message.result);
        this.current = null;
        this.onEvent?.({ type: 'command', result: message.result });
        break;
      case 'result':
        // result.json is the authority (read and validated after the run).
        break;
      case 'error':
        this.onLog?.(`[gantry] builder error: ${message.message}`);
        break;
    }
  }

  stderrLine(line: string): void {
    this.stderrTail.push(line);
    this.onLog?.(`[builder] ${line}`);
  }

  /** A result assembled from the stream, for a run that ended before the builder wrote one. */
  partial(endReason: EndReason, startedAt: Date, error: string): BuildResultDetail {
    const commands = [...this.commands];
    const last = commands[commands.length - 1];
    // Stopped between commands (a full disk is seen a moment after the write that filled it):
    // the command that failed is the one the stop is about.
    if (!this.current && last && last.exit_code !== 0 && endReason === 'disk') {
      commands[commands.length - 1] = { ...last, end_reason: endReason };
    }
    if (this.current) {
      commands.push({
        phase: this.current.phase,
        command: this.current.command,
        exit_code: null,
        end_reason: endReason,
        duration_ms: Date.now() - this.current.startedAt,
        log_tail: this.current.tail.text(),
      });
    }
    return {
      ok: false,
      failed_phase: this.current?.phase ?? (last && last.exit_code !== 0 ? last.phase : null),
      end_reason: endReason,
      commands,
      tests: this.tests.outcomes(),
      output_files: [],
      duration_ms: Date.now() - startedAt.getTime(),
      started_at: startedAt.toISOString(),
      error,
    };
  }
}

/** Reads result.json without following links and with a size cap: the job folder is the sandbox's. */
async function readResultFile(path: string): Promise<BuildResultDetail | string> {
  let handle;
  try {
    handle = await openNoFollow(path);
  } catch (err) {
    return `no result.json (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_RESULT_BYTES) return 'result.json is not a regular file of sane size';
    const parsed = BuildResultFileSchema.safeParse(JSON.parse(await handle.readFile('utf8')));
    return parsed.success ? parsed.data : `result.json does not match the schema: ${parsed.error.issues[0]?.message}`;
  } catch (err) {
    return `result.json is unreadable: ${(err as Error).message}`;
  } finally {
    await handle.close();
  }
}

/**
 * Corrects the failing command's reason with what only the host can see: the run cgroup's OOM
 * and pids counters and whether the job's disk is full (inside the sandbox, an OOM kill looks
 * like any SIGKILL, a refused fork or a full disk like any error).
 */
function withHostEvidence(result: BuildResultDetail, run: SandboxRunResult, diskMb: number): BuildResultDetail {
  if (result.ok) return result;
  const last = result.commands[result.commands.length - 1];
  if (!last || result.failed_phase !== last.phase) return result;
  let reason: EndReason | null = null;
  if (run.oom_kills > 0 && ['exit', 'killed', 'memory'].includes(last.end_reason)) reason = 'memory';
  else if (run.pids_limit_hits > 0 && ['exit', 'killed', 'timeout', 'pids'].includes(last.end_reason)) reason = 'pids';
  else if (run.disk_full && ['exit', 'killed', 'error', 'disk'].includes(last.end_reason)) reason = 'disk';
  if (!reason) return result;
  // The builder may have seen the full disk itself (ENOSPC → `disk`) or been stopped by the host's
  // check first: either way the attempt says why, in the same words.
  if (reason === last.end_reason)
    return reason === 'disk' && !result.error ? { ...result, error: diskFullMessage(diskMb) } : result;
  return {
    ...result,
    end_reason: reason,
    commands: [...result.commands.slice(0, -1), { ...last, end_reason: reason }],
    ...(reason === 'disk' ? { error: diskFullMessage(diskMb) } : {}),
  };
}

function diskFullMessage(diskMb: number): string {
  return `the build filled its disk: the job folder is limited to ${diskMb} MB (builder.disk_mb)`;
}

/** The sandbox run of a builder for `jobDir` (the same for a cold start and a warm builder). */
export function builderRunOptions(
  sandbox: LocalSandbox,
  launch: BuilderLaunch,
  limits: BuilderLimits,
  start: 'now' | 'stdin' = 'now',
): WarmRunOptions {
  // From the snapshot when there is one (and it is still there): the same builder, loaded faster.
  const snapshot = launch.snapshot && existsSync(launch.snapshot) ? launch.snapshot : null;
  return {
    argv: snapshot ? [sandbox.nodePath, '--snapshot-blob', SNAPSHOT_IN_SANDBOX] : [sandbox.nodePath, ENTRYPOINT_IN_SANDBOX],
    env: {
      GANTRY_BUILDER_MODE: 'local',
      GANTRY_JOB_DIR: SANDBOX_JOB_DIR,
      GANTRY_BUILDER_CONFINED: sandbox.describe().isolation === 'none' ? '0' : '1',
      ...(start === 'stdin' ? { GANTRY_BUILDER_START: 'stdin' } : {}),
    },
    readOnlyBinds: [
      snapshot ? { source: snapshot, target: SNAPSHOT_IN_SANDBOX } : { source: launch.bundle, target: ENTRYPOINT_IN_SANDBOX },
    ],
    limits: {
      memoryMb: limits.memory_mb,
      cpuPercent: limits.cpu_percent,
      maxPids: limits.max_pids,
      diskMb: limits.disk_mb,
    },
    maxCapturedBytes: 0,
  };
}

/** A builder started for this job: fresh job folder with the inputs, then the sandbox run. */
async function runCold(
  sandbox: LocalSandbox,
  opts: BuilderJobOptions,
  paths: BuilderJobPaths,
  stdoutLines: LineSplitter,
  stderrLines: LineSplitter,
): Promise<SandboxRunResult> {
  const owner = sandbox.jobOwner();
  const launch = await ensureBuilderLaunch(join(opts.jobRoot, '.builder'), sandbox.nodePath);
  await claimJobDir(opts.jobRoot, opts.jobId, owner);
  await writeFile(paths.manifestFile, JSON.stringify(opts.manifest), { mode: 0o644 });
  await writeFile(paths.limitsFile, JSON.stringify(opts.limits), { mode: 0o644 });
  if (opts.npmCacheSeed) {
    await mkdir(join(paths.jobDir, 'home'), { recursive: true });
    await cp(opts.npmCacheSeed, join(paths.jobDir, 'home', '.npm'), { recursive: true });
  }
  await chownTree(paths.jobDir, owner);
  return sandbox.run({
    ...builderRunOptions(sandbox, launch, opts.limits),
    jobDir: paths.jobDir,
    timeoutMs: opts.limits.dead_man_switch_seconds * 1000,
    onStdout: (chunk) => stdoutLines.push(chunk),
    onStderr: (chunk) => stderrLines.push(chunk),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/**
 * A warm builder takes the job: the inputs are written into its running /job, it is let go, and
 * once every process of it is gone its folder becomes the job's folder (`paths.jobDir`).
 */
async function runWarm(
  sandbox: LocalSandbox,
  warm: WarmBuilder,
  opts: BuilderJobOptions,
  paths: BuilderJobPaths,
  stdoutLines: LineSplitter,
  stderrLines: LineSplitter,
): Promise<SandboxRunResult | null> {
  const owner = sandbox.jobOwner();
  // A builder that ended while it waited (it should not) leaves the job to a cold start.
  const live = await warm.ready.catch(() => null);
  if (live === null || warm.done) {
    warm.end();
    await warm.result.catch(() => undefined);
    await releaseJobDir(opts.jobRoot, warm.name).catch(() => undefined);
    return null;
  }
  try {
    // Only the builder (trusted, waiting for its start byte) has run in this folder so far.
    for (const [file, body] of [
      ['manifest.json', JSON.stringify(opts.manifest)],
      ['limits.json', JSON.stringify(opts.limits)],
    ] as const) {
      const path = join(live, file);
      await writeFile(path, body, { mode: 0o644, flag: 'wx' });
      if (owner) await chown(path, owner.uid, owner.gid);
    }
  } catch (err) {
    warm.end();
    await warm.result.catch(() => undefined);
    await releaseJobDir(opts.jobRoot, warm.name).catch(() => undefined);
    throw err;
  }
  warm.go({
    onStdout: (chunk) => stdoutLines.push(chunk),
    onStderr: (chunk) => stderrLines.push(chunk),
    timeoutMs: opts.limits.dead_man_switch_seconds * 1000,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const run = await warm.result;
  // The run is over (its processes gone, its disk drained into the folder): the folder is the job's.
  await writeFile(join(opts.jobRoot, '.owners', opts.jobId), ownerToken());
  await rm(paths.jobDir, { recursive: true, force: true });
  await rename(warm.jobDir, paths.jobDir);
  await rm(join(opts.jobRoot, '.owners', warm.name), { force: true });
  return run;
}

/**
 * Builds one attempt in the sandbox: fresh job folder, bundled entrypoint mounted read-only, the
 * whole run bounded by the dead man's switch, log lines streamed to `onLog`. Resolves with the
 * validated BuildResult (and where the output is) in every case an app can cause (failing tests,
 * OOM, fork bomb, dead man's switch, cancel); rejects only when the job cannot be set up (bad job
 * id, unreachable job root).
 */
export async function runBuilderJob(opts: BuilderJobOptions): Promise<BuilderJobOutcome> {
  // output_dir is checked by the builder (an unsafe one is a failed result), not here.
  const paths = builderJobPaths(opts.jobRoot, opts.jobId);
  const outputDir = unsafePathReason(opts.manifest.output_dir) ? paths.appDir : join(paths.appDir, opts.manifest.output_dir);
  const result = await buildInSandbox(opts, paths);
  return { result, jobDir: paths.jobDir, outputDir };
}

async function buildInSandbox(opts: BuilderJobOptions, paths: BuilderJobPaths): Promise<BuildResultDetail> {
  const startedAt = new Date();
  const sandbox = opts.sandbox ?? (await getDefaultSandbox());
  await ensureJobRoot(opts.jobRoot);
  if (!sweptRoots.has(opts.jobRoot)) {
    sweptRoots.add(opts.jobRoot);
    await sandbox.sweepLeftovers([opts.jobRoot]);
  }
  const owner = sandbox.jobOwner();
  if (owner) {
    const blocked = await untraversableAncestors(opts.jobRoot, owner.uid);
    if (blocked.length > 0) {
      throw new JobDirError(`the sandbox user cannot reach the job root; allow traversal (chmod o+x) of: ${blocked.join(', ')}`);
    }
  }
  const warm = opts.npmCacheSeed ? null : (opts.warm?.take(opts.limits) ?? null);
  // The next job's builder starts while this one runs (off its path; it has its own CPU cap).
  if (!opts.npmCacheSeed) opts.warm?.fill(opts.limits);

  const observer = new RunObserver(opts.onLog, opts.onEvent);
  const stdoutLines = new LineSplitter((line) => observer.stdoutLine(line), 1024 * 1024);
  const stderrLines = new LineSplitter((line) => observer.stderrLine(line));
  const run =
    (warm ? await runWarm(sandbox, warm, opts, paths, stdoutLines, stderrLines) : null) ??
    (await runCold(sandbox, opts, paths, stdoutLines, stderrLines));
  stdoutLines.end();
  stderrLines.end();
  if (!run.cleaned_up) opts.onLog?.('[gantry] warning: a process of this build could not be ended or its cgroup not removed');

  switch (run.end_reason) {
    case 'timeout':
      return observer.partial(
        'deadman',
        startedAt,
        `dead man's switch: the build was stopped after ${opts.limits.dead_man_switch_seconds} s`,
      );
    case 'killed':
      return observer.partial('killed', startedAt, 'the build was cancelled');
    case 'disk':
      // The disk filled up and the builder failed or was stopped: its result.json is not trusted.
      if (run.exit_code !== 0) return observer.partial('disk', startedAt, diskFullMessage(opts.limits.disk_mb));
      break;
    case 'error':
      return observer.partial('error', startedAt, `the sandbox failed: ${run.error ?? 'unknown error'}`);
    default:
      break;
  }
  // The builder exits 0 only after writing its result; any other exit means result.json (if
  // present at all) was not written by a builder that finished, so it is not trusted.
  const fromFile =
    run.exit_code === 0 ? await readResultFile(paths.resultFile) : `the builder exited with ${run.exit_code ?? 'a signal'}`;
  if (typeof fromFile === 'string') {
    // The builder itself died (OOM kill of the whole job, a crash): describe it from the stream.
    if (run.end_reason === 'memory')
      return observer.partial('memory', startedAt, `the build ran out of memory (${opts.limits.memory_mb} MB)`);
    if (run.end_reason === 'pids')
      return observer.partial('pids', startedAt, `the build hit the process limit (${opts.limits.max_pids})`);
    if (run.disk_full) return observer.partial('disk', startedAt, diskFullMessage(opts.limits.disk_mb));
    return observer.partial(
      'error',
      startedAt,
      `the builder ended without a result: ${fromFile}; ${observer.stderrTail.text()}`.trim(),
    );
  }
  const result = withHostEvidence(fromFile, run, opts.limits.disk_mb);
  if (!result.ok) return result;
  // The sandbox's own listing is not trusted: list the output again, skipping links and specials.
  const outputDir = builderJobPaths(opts.jobRoot, opts.jobId, opts.manifest.output_dir).outputDir;
  return { ...result, output_files: (await listRegularFiles(outputDir)) ?? [] };
}

/**
 * Copies the regular files of a job's output folder to `destDir` (which is created). Links,
 * devices and FIFOs the build may have planted are skipped, and no path component is followed
 * through a link, so the copy cannot read outside the output folder. Returns the copied paths.
 */
export async function copyBuildOutput(outputDir: string, destDir: string): Promise<string[]> {
  const files = (await listRegularFiles(outputDir)) ?? [];
  const copied: string[] = [];
  for (const relative of files) {
    if (unsafePathReason(relative)) continue;
    // Re-check every directory on the way: the listing and the copy are not one atomic step.
    let dir = outputDir;
    let linked = false;
    for (const part of relative.split('/').slice(0, -1)) {
      dir = join(dir, part);
      const stat = await lstat(dir).catch(() => null);
      if (!stat?.isDirectory()) linked = true;
    }
    if (linked) continue;
    const source = await openNoFollow(join(outputDir, relative)).catch(() => null);
    if (!source) continue;
    try {
      if (!(await source.stat()).isFile()) continue;
      const target = join(destDir, relative);
      await mkdir(join(target, '..'), { recursive: true });
      const dest = await open(
        target,
        fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | fsConstants.O_NOFOLLOW,
        0o644,
      );
      try {
        await dest.writeFile(await source.readFile());
      } finally {
        await dest.close();
      }
      copied.push(relative);
    } finally {
      await source.close();
    }
  }
  return copied;
}
