import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildResult, CommandResult, EndReason } from '../../lambdas/domain/build-result';
import type { BuilderLimits } from '../../lambdas/domain/builder-limits';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { listRegularFiles, unsafePathReason, writeAppFiles } from './app-files';
import { appCommandPrefix, chownTree, type AppIdentity } from './app-identity';
import { LineSplitter } from './line-splitter';
import { directScriptRun } from './package-scripts';
import { TestOutcomeParser } from './test-outcomes';

// The limits schema is shared with the policy loader (one definition, same bounds).
export { BuilderLimitsSchema, type BuilderLimits } from '../../lambdas/domain/builder-limits';

export type BuildPhase = CommandResult['phase'];

/**
 * A BuildResult plus, when the builder refused or could not finish the app for a reason that is
 * not a command's output (unsafe path, missing output), a human-readable `error`.
 */
export type BuildResultDetail = BuildResult & { error?: string };

/** Progress events, in order: `phase` when a command starts, `command` when it ends. */
export type BuildEvent =
  | { readonly type: 'phase'; readonly phase: BuildPhase; readonly command: string }
  | { readonly type: 'command'; readonly result: CommandResult };

export interface RunBuildOptions {
  /** Folder the app is written to and built in (created if missing; should be empty). */
  readonly appDir: string;
  readonly manifest: GantryManifest;
  readonly limits: BuilderLimits;
  /** Every log line (combined stdout/stderr of the commands plus the builder's own notes), until max_log_bytes. */
  readonly onLog?: (line: string) => void;
  readonly onEvent?: (event: BuildEvent) => void;
  /** Aborting kills the running command's process group; the result ends with `killed`. */
  readonly signal?: AbortSignal;
  /**
   * RLIMIT_NPROC for the commands (via prlimit, when present). Meant for the container, where all
   * processes share one uid and nothing else enforces max_pids; the local sandbox uses a cgroup.
   */
  readonly processLimit?: number;
  /**
   * After each command, SIGKILL every other process of this uid (except this one and its
   * ancestors): what an app left running, even outside its process group, cannot outlive its
   * phase or tamper with the result. Only for a builder that is alone in its pid namespace (the
   * sandbox, the container); ignored when running as root.
   */
  readonly reapStrays?: boolean;
  /**
   * Run the app's commands under this uid (see app-identity.ts): the app folder is handed to it
   * before the first command and taken back before the output is listed, and stray processes of
   * that uid (rather than the builder's) are ended after each command.
   */
  readonly appIdentity?: AppIdentity;
  /**
   * Dead man's switch (epoch ms): no command runs past it, and a command it cuts short ends the
   * build with `deadman`. Each command's own limit still applies when it is earlier.
   */
  readonly deadlineMs?: number;
}

/** Bytes of a command's output kept in its `log_tail`. */
export const LOG_TAIL_BYTES = 4096;

const INSTALL_COMMAND = 'npm install --offline --no-audit --no-fund --ignore-scripts';
/** A write refused because the job's disk is full (the local quota, or Fargate's ephemeral storage). */
const DISK_FULL = /\bENOSPC\b|No space left on device|Disk quota exceeded|\bEDQUOT\b/;
const FORK_FAILURE = /Cannot fork|fork: (?:retry: )?Resource temporarily unavailable|(?:spawn|fork)\w* EAGAIN/;
/**
 * Output of a command that tried the network: builds have none (no interface but loopback, no DNS),
 * so a connection or lookup fails with one of these. ECONNREFUSED is left out: it is also what a
 * test gets from a local port nobody listens on.
 */
export const NETWORK_FAILURE =
  /\b(?:ENETUNREACH|EHOSTUNREACH|EAI_AGAIN|ENOTFOUND)\b|getaddrinfo|Network is unreachable|Temporary failure in name resolution|Could not resolve host|Name or service not known/;
const CLOSE_GRACE_MS = 2000;

/** The whole build log, kept up to a byte cap; later lines are counted, not kept or streamed. */
class BuildLog {
  private readonly kept: string[] = [];
  private keptBytes = 0;
  private droppedBytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onLog?: (line: string) => void,
  ) {}

  line(text: string): void {
    const bytes = Buffer.byteLength(text) + 1;
    if (this.droppedBytes === 0 && this.keptBytes + bytes <= this.maxBytes) {
      this.kept.push(text);
      this.keptBytes += bytes;
      this.onLog?.(text);
      return;
    }
    if (this.droppedBytes === 0) {
      this.onLog?.(`[gantry] log limit of ${this.maxBytes} bytes reached; further output is not kept`);
    }
    this.droppedBytes += bytes;
  }

  text(): string {
    const notice = this.droppedBytes > 0 ? `[gantry] ${this.droppedBytes} further bytes of log were dropped\n` : '';
    return this.kept.map((l) => `${l}\n`).join('') + notice;
  }
}

/** Last `maxBytes` of a command's output, whole lines where possible. */
export class LogTail {
  private readonly lines: string[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  push(line: string): void {
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line) + 1;
    while (this.bytes > this.maxBytes && this.lines.length > 1) {
      this.bytes -= Buffer.byteLength(this.lines.shift() ?? '') + 1;
    }
  }

  text(): string {
    const joined = this.lines.join('\n');
    const buf = Buffer.from(joined);
    return buf.length <= this.maxBytes ? joined : buf.subarray(buf.length - this.maxBytes).toString('utf8');
  }
}

/**
 * OOM kills counted by the cgroup this process lives in, when it is visible (a container sees its
 * own cgroup; the local sandbox hides /sys, and the host side reads the counter instead).
 */
function readOomKillCount(): number | null {
  for (const file of ['/sys/fs/cgroup/memory.events', '/sys/fs/cgroup/memory/memory.oom_control']) {
    try {
      const match = /^oom_kill (\d+)$/m.exec(readFileSync(file, 'utf8'));
      if (match?.[1]) return Number(match[1]);
    } catch {
      // not visible here
    }
  }
  return null;
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
  } catch {
    return null;
  }
}

function processUid(pid: number): number | null {
  try {
    const match = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * SIGKILLs every process of `uid` (default: this process's) except this one and its ancestors;
 * returns how many. Never for uid 0.
 */
export function reapStrayProcesses(uid = typeof process.getuid === 'function' ? process.getuid() : 0): number {
  if (uid === 0) return 0;
  const keep = new Set<number>();
  for (let pid: number | null = process.pid; pid !== null && !keep.has(pid); pid = parentPid(pid)) keep.add(pid);
  let killed = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (keep.has(pid) || processUid(pid) !== uid) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}

function findPrlimit(): string | null {
  return ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) ?? null;
}

/**
 * The environment an app's commands see, built from nothing: none of the builder's variables (no
 * AWS_*, no ECS metadata or credentials URI, no job URL, no NODE_OPTIONS) ever reaches them.
 */
function commandEnv(appDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH || '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME || appDir,
    TMPDIR: process.env.TMPDIR || '/tmp',
    LANG: 'C.UTF-8',
    CI: 'true',
    NO_COLOR: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_offline: 'true',
  };
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
  return env;
}

interface CommandRun {
  readonly phase: BuildPhase;
  readonly command: string;
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly log: BuildLog;
  readonly signal?: AbortSignal;
  readonly processLimit?: number;
  readonly onStdoutLine?: (line: string) => void;
  readonly appIdentity?: AppIdentity;
  /** The timeout comes from the dead man's switch, not the command's own limit. */
  readonly timeoutIsDeadline?: boolean;
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // group already gone
  }
}

/** Runs one command through `/bin/sh -c` in its own process group; never throws for the command's failure. */
async function runCommand(run: CommandRun): Promise<CommandResult> {
  const started = Date.now();
  const tail = new LogTail(LOG_TAIL_BYTES);
  let forkFailure = false;
  let networkFailure = false;
  let diskFull = false;
  const onLine = (line: string): void => {
    tail.push(line);
    run.log.line(line);
    if (FORK_FAILURE.test(line)) forkFailure = true;
    if (NETWORK_FAILURE.test(line)) networkFailure = true;
    if (DISK_FULL.test(line)) diskFull = true;
  };
  const prlimit = run.processLimit ? findPrlimit() : null;
  const env = commandEnv(run.cwd);
  // `npm test` / `npm run build` run the package's scripts as npm would, without npm's own start.
  const direct = await directScriptRun(run.command, run.cwd, env.PATH ?? '', run.appIdentity?.uid ?? null);
  const argv = [
    ...(run.appIdentity ? appCommandPrefix(run.appIdentity) : []),
    ...(prlimit ? [prlimit, `--nproc=${run.processLimit}`, '--'] : []),
    '/bin/sh',
    ...(direct ? direct.shellArgs : ['-c', run.command]),
  ];
  const [file, ...args] = argv as [string, ...string[]];
  const oomBefore = readOomKillCount();

  let stopReason: 'timeout' | 'killed' | null = null;
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    const child = spawn(file, args, {
      cwd: run.cwd,
      env: direct ? { ...env, ...direct.env } : env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = new LineSplitter((line) => {
      run.onStdoutLine?.(line);
      onLine(line);
    });
    const stderr = new LineSplitter(onLine);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    const stop = (reason: 'timeout' | 'killed'): void => {
      stopReason ??= reason;
      killGroup(child.pid);
    };
    const timer = setTimeout(() => stop('timeout'), run.timeoutMs);
    const onAbort = (): void => stop('killed');
    run.signal?.addEventListener('abort', onAbort, { once: true });

    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let closeTimer: NodeJS.Timeout | undefined;
    const finish = (spawnError?: Error): void => {
      clearTimeout(timer);
      clearTimeout(closeTimer);
      run.signal?.removeEventListener('abort', onAbort);
      stdout.end();
      stderr.end();
      resolve({ code: exit?.code ?? null, signal: exit?.signal ?? null, ...(spawnError ? { spawnError } : {}) });
    };
    child.once('error', (err) => finish(err));
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      // Background processes left in the group would hold the pipes open: end them with the command.
      killGroup(child.pid);
      closeTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, CLOSE_GRACE_MS);
    });
    child.once('close', () => finish());
  });

  let endReason: EndReason;
  if (outcome.spawnError) {
    onLine(`[gantry] could not start the command: ${outcome.spawnError.message}`);
    endReason = 'error';
  } else if (stopReason === 'killed') endReason = 'killed';
  else {
    const oomAfter = readOomKillCount();
    const oomKilled = oomBefore !== null && oomAfter !== null && oomAfter > oomBefore;
    const failed = outcome.code !== 0;
    if (failed && oomKilled) endReason = 'memory';
    else if (failed && forkFailure) endReason = 'pids';
    else if (failed && diskFull) endReason = 'disk';
    else if (failed && networkFailure && stopReason !== 'timeout') endReason = 'network';
    else if (stopReason === 'timeout') endReason = run.timeoutIsDeadline ? 'deadman' : 'timeout';
    else endReason = 'exit';
  }
  if (endReason === 'timeout') onLine(`[gantry] ${run.phase} timed out after ${Math.round(run.timeoutMs / 1000)} s`);
  if (endReason === 'deadman') onLine(`[gantry] ${run.phase} stopped by the dead man's switch`);
  return {
    phase: run.phase,
    command: run.command,
    exit_code: outcome.code,
    end_reason: endReason,
    duration_ms: Date.now() - started,
    log_tail: tail.text(),
  };
}

/** True when the app's package.json declares dependencies or devDependencies (the only case install runs). */
async function declaresDependencies(appDir: string): Promise<boolean> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8'));
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  const record = parsed as Record<string, unknown>;
  const hasAny = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length > 0;
  return hasAny(record.dependencies) || hasAny(record.devDependencies);
}

function commandSucceeded(result: CommandResult): boolean {
  return result.exit_code === 0 && result.end_reason === 'exit';
}

/**
 * Writes the manifest's app under `appDir` and runs install (only when dependencies are declared;
 * a skipped install is absent from `commands`), audit and build. Never throws for a failing app:
 * refused paths, failing commands, timeouts and missing output are all results with `ok: false`.
 */
export async function runBuild(opts: RunBuildOptions): Promise<BuildResultDetail> {
  const startedAt = new Date();
  const { appDir, manifest, limits } = opts;
  const log = new BuildLog(limits.max_log_bytes, opts.onLog);
  const commands: CommandResult[] = [];
  const parser = new TestOutcomeParser({ appDir });

  const finish = (fields: {
    failed_phase: BuildPhase | null;
    end_reason: EndReason;
    output_files?: string[];
    error?: string;
  }): BuildResultDetail => {
    if (fields.error) log.line(`[gantry] ${fields.error}`);
    return {
      ok: fields.failed_phase === null && !fields.error,
      failed_phase: fields.failed_phase,
      end_reason: fields.end_reason,
      commands,
      tests: parser.outcomes(),
      output_files: fields.output_files ?? [],
      duration_ms: Date.now() - startedAt.getTime(),
      started_at: startedAt.toISOString(),
      ...(fields.error ? { error: fields.error } : {}),
    };
  };

  const outputReason = unsafePathReason(manifest.output_dir);
  if (outputReason) {
    return finish({
      failed_phase: null,
      end_reason: 'error',
      error: `refused output_dir ${JSON.stringify(manifest.output_dir)}: ${outputReason}`,
    });
  }
  try {
    await writeAppFiles(appDir, manifest.files);
  } catch (err) {
    return finish({ failed_phase: null, end_reason: 'error', error: `could not write the app: ${(err as Error).message}` });
  }
  log.line(`[gantry] wrote ${manifest.files.length} files`);
  const app = opts.appIdentity;
  if (app) await chownTree(appDir, app.uid, app.gid);

  const phases: { phase: BuildPhase; command: string; timeoutSeconds: number }[] = [];
  if (await declaresDependencies(appDir)) {
    phases.push({ phase: 'install', command: INSTALL_COMMAND, timeoutSeconds: limits.install_timeout_seconds });
  } else {
    log.line('[gantry] install: skipped (package.json declares no dependencies)');
  }
  phases.push({ phase: 'audit', command: manifest.audit_command, timeoutSeconds: limits.command_timeout_seconds });
  phases.push({ phase: 'build', command: manifest.build_command, timeoutSeconds: limits.command_timeout_seconds });

  for (const { phase, command, timeoutSeconds } of phases) {
    if (opts.signal?.aborted) return finish({ failed_phase: phase, end_reason: 'killed' });
    const ownLimitMs = timeoutSeconds * 1000;
    const leftMs = opts.deadlineMs === undefined ? Infinity : opts.deadlineMs - Date.now();
    if (leftMs <= 0) {
      log.line(`[gantry] ${phase}: not started, the dead man's switch has run out`);
      return finish({ failed_phase: phase, end_reason: 'deadman' });
    }
    log.line(`[gantry] ${phase}: $ ${command}`);
    opts.onEvent?.({ type: 'phase', phase, command });
    const result = await runCommand({
      phase,
      command,
      cwd: appDir,
      timeoutMs: Math.min(ownLimitMs, leftMs),
      timeoutIsDeadline: leftMs < ownLimitMs,
      log,
      ...(app ? { appIdentity: app } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.processLimit ? { processLimit: opts.processLimit } : {}),
      ...(phase === 'audit' ? { onStdoutLine: (line: string) => parser.push(line) } : {}),
    });
    commands.push(result);
    if (opts.reapStrays) {
      const reaped = app ? reapStrayProcesses(app.uid) : reapStrayProcesses();
      if (reaped > 0) log.line(`[gantry] ended ${reaped} processes the ${phase} left running`);
    }
    opts.onEvent?.({ type: 'command', result });
    log.line(
      `[gantry] ${phase}: ${result.end_reason}${result.exit_code === null ? '' : ` (exit ${result.exit_code})`} in ${result.duration_ms} ms`,
    );
    if (!commandSucceeded(result)) return finish({ failed_phase: phase, end_reason: result.end_reason });
  }

  let outputFiles: string[] | null;
  try {
    // The app's processes are gone (reaped above): take its output back so a file it left
    // unreadable (mode 0600) can still be read by its new owner.
    if (app) await chownTree(join(appDir, manifest.output_dir), process.getuid?.() ?? 0, process.getgid?.() ?? 0);
    outputFiles = await listRegularFiles(join(appDir, manifest.output_dir));
  } catch (err) {
    // e.g. the build left a folder it made unreadable
    return finish({ failed_phase: 'build', end_reason: 'exit', error: `cannot list output_dir: ${(err as Error).message}` });
  }
  if (!outputFiles || outputFiles.length === 0) {
    return finish({
      failed_phase: 'build',
      end_reason: 'exit',
      error: `the build succeeded but output_dir "${manifest.output_dir}" ${outputFiles ? 'is empty' : 'does not exist'}`,
    });
  }
  log.line(`[gantry] output: ${outputFiles.length} files in ${manifest.output_dir}`);
  return finish({ failed_phase: null, end_reason: 'exit', output_files: outputFiles });
}
