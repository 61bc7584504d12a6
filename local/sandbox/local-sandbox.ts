import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { detectCgroups, RunCgroup, type CgroupSupport } from './cgroups';
import { HostProcesses } from './host-processes';
import { detectDiskQuota, JobDisk, sweepJobDisks, sweepOrphanedJobDisks, type DiskQuotaSupport } from './job-disk';
import { sweepJobDirs } from './job-dirs';
import { isOwnerAlive, ownerToken, parseOwnerToken, processExists } from './process-identity';
import { MemoryStallWatch } from './memory-stall';

/**
 * Runs one command in a throw-away sandbox on this machine: bubblewrap for isolation (no network,
 * no view of the host's files, no capabilities, own pid namespace), a per-run cgroup for limits
 * (memory, CPU, pids), an unprivileged uid, and a hard timeout. The caller's job folder is the
 * only writable host path, mounted at /job; with a disk limit, /job is a fixed-size filesystem
 * holding a copy of it for the run, copied back afterwards (see job-disk.ts).
 *
 * Without cgroups it degrades (bubblewrap isolation, rlimits, a timeout) and `describe()` says what
 * is missing in `warning`. Without a working bubblewrap it refuses to run anything, unless the
 * operator opted in to unsandboxed runs (`allowUnsandboxed`, GANTRY_SANDBOX=none): then commands
 * run as plain processes with a timeout and rlimits, and every result says `isolation: 'none'`.
 */

/** The fix named whenever runs are refused for want of a sandbox. */
export const SANDBOX_FIX =
  'install bubblewrap (apt-get install bubblewrap) and make sure it can create namespaces, ' +
  'or set GANTRY_SANDBOX=none to run builds unsandboxed (no network or file isolation)';

export type SandboxEndReason = 'exit' | 'timeout' | 'memory' | 'pids' | 'disk' | 'killed' | 'error';
/** Why the sandbox itself ended a run (before it exited by itself). */
type StopReason = Extract<SandboxEndReason, 'timeout' | 'killed' | 'disk' | 'memory'>;

/**
 * `full`: bubblewrap and cgroup limits. `partial`: bubblewrap, but limits are rlimits only (no
 * cgroups: not root, or no delegated v2 tree). `none`: no bubblewrap; a plain process group.
 */
export type SandboxIsolation = 'full' | 'partial' | 'none';

export interface SandboxLimits {
  readonly memoryMb: number;
  /** 100 = one full CPU. */
  readonly cpuPercent: number;
  readonly maxPids: number;
  /**
   * Size of /job in MB: a fixed-size filesystem for the run (where the machine allows it, see
   * `describe().enforced.disk`). A run that fills it is stopped with end reason `disk`.
   * Default: no quota (/job is the job folder itself).
   */
  readonly diskMb?: number;
}

/** A host path mounted read-only at `target` inside the sandbox. */
export interface SandboxBind {
  readonly source: string;
  readonly target: string;
}

export interface SandboxRunOptions {
  /** Command and arguments, with sandbox paths (`/job/...`, bind targets). */
  readonly argv: readonly string[];
  /** Host folder mounted read-write at /job; must be writable by the sandbox user (see `jobOwner`). */
  readonly jobDir: string;
  /** Working directory inside the sandbox (default /job). */
  readonly cwd?: string;
  /** Environment inside (nothing of the host's is passed). PATH, HOME, TMPDIR and LANG have defaults. */
  readonly env?: Readonly<Record<string, string>>;
  readonly readOnlyBinds?: readonly SandboxBind[];
  readonly limits: SandboxLimits;
  readonly timeoutMs: number;
  /** Aborting ends every process of the run; the result has `killed`. */
  readonly signal?: AbortSignal;
  readonly onStdout?: (chunk: Buffer) => void;
  readonly onStderr?: (chunk: Buffer) => void;
  /** Bytes of stdout and of stderr kept in the result (default 1 MiB each; 0 keeps nothing). */
  readonly maxCapturedBytes?: number;
  /**
   * Holds the command at its start (a warm builder): the process is started with its limits, its
   * job folder and a pipe on stdin, `onReady` hears the host folder that is /job for this run (the
   * job disk when there is one), and the command is expected to wait for a byte on stdin. When
   * `open` resolves, the byte is written and the run's timeout starts (its value from `open`,
   * not `timeoutMs`). Aborting `signal` before then ends the run as `killed`.
   */
  readonly gate?: {
    readonly onReady: (liveJobDir: string) => void;
    readonly open: Promise<{ readonly timeoutMs: number }>;
  };
  /** Called once the process exists, with its host pid and the run's cgroup folders. */
  readonly onStart?: (info: { readonly pid: number; readonly cgroupDirs: readonly string[] }) => void;
}

export interface SandboxRunResult {
  /** Exit code of the command; null when it (or the sandbox) was ended by a signal. */
  readonly exit_code: number | null;
  /**
   * `memory` when the kernel OOM-killed a process of the run (see `oom_kills`) or the sandbox
   * stopped a run stalled at its memory cap (`MemoryStallWatch`; `oom_kills` is 0 then).
   */
  readonly end_reason: SandboxEndReason;
  readonly duration_ms: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Processes of the run ended by the kernel OOM killer (cgroup counter; 0 without cgroups). */
  readonly oom_kills: number;
  /** Forks refused at pids.max (cgroup counter; 0 without cgroups). */
  readonly pids_limit_hits: number;
  /** CFS periods the run was throttled in (cgroup counter; 0 when unknown). */
  readonly throttled_periods: number;
  /** The run filled its disk quota (false without one). */
  readonly disk_full: boolean;
  readonly isolation: SandboxIsolation;
  /** False if a process of the run could not be ended or its cgroup not removed (should never happen). */
  readonly cleaned_up: boolean;
  /** Why the sandbox itself failed, when end_reason is `error`. */
  readonly error?: string;
}

export interface SandboxCapabilities {
  readonly isolation: SandboxIsolation;
  readonly bwrap: string | null;
  readonly setpriv: string | null;
  readonly prlimit: string | null;
  /** The unprivileged user commands run as (when this process is root). */
  readonly runAs: { readonly uid: number; readonly gid: number } | null;
  readonly cgroup: CgroupSupport | null;
  /** Why cgroups are not used, when they are not. */
  readonly cgroupUnavailable: string | null;
  /** How job disks are made, or null when runs get no disk quota. */
  readonly diskQuota: DiskQuotaSupport | null;
  /** Why runs get no disk quota, when they do not. */
  readonly diskQuotaUnavailable: string | null;
  readonly enforced: {
    readonly network: boolean;
    readonly filesystem: boolean;
    readonly memory: 'cgroup' | 'rlimit' | 'none';
    readonly cpu: boolean;
    readonly pids: 'cgroup' | 'rlimit' | 'none';
    /** `quota`: a run's /job is a fixed-size filesystem (`limits.diskMb`). */
    readonly disk: 'quota' | 'none';
    readonly timeout: true;
  };
  /** One line to print prominently at start-up when isolation is not `full`. */
  readonly warning: string | null;
  /** One line for a start-up banner, e.g. `bubblewrap + cgroup v1 limits (memory, cpu, pids), uid 61000`. */
  readonly summary: string;
  /** Why runs are refused (no working sandbox and no opt-in), naming the fix; null when they run. */
  readonly refusal: string | null;
}

export interface LocalSandboxOptions {
  /** Folder for the sandbox's own files (generated /etc, snippet folders). Default: `<tmpdir>/gantry-sandbox`. */
  readonly root?: string;
  /** Uid/gid commands run as when this process is root. Default 61000 (a dedicated, unnamed id). */
  readonly uid?: number;
  readonly gid?: number;
  /** Name of the parent cgroup. Default `gantry`. */
  readonly cgroupParent?: string;
  /** Path of bwrap; null to run without it (tests of the fallback). Default: found on PATH. */
  readonly bwrapPath?: string | null;
  /** False to run without cgroups (tests of the fallback). Default true. */
  readonly useCgroups?: boolean;
  /** Run commands as plain processes when bubblewrap is missing or broken (GANTRY_SANDBOX=none). Default false: refuse. */
  readonly allowUnsandboxed?: boolean;
  /** False to run without disk quotas (tests of the fallback). Default true. */
  readonly useDiskQuota?: boolean;
  /** What starts the sandbox's host programs. Default: node's spawn, from this process. */
  readonly processes?: HostProcesses;
}

export interface SweepReport {
  /** Names of leftover run cgroups that were killed and removed. */
  readonly cgroups: string[];
  /** Names of leftover job disks that were unmounted and deleted. */
  readonly disks: string[];
  /** Leftover job folders that were removed. */
  readonly jobDirs: string[];
}

/** Mount point of the job folder inside the sandbox. */
export const SANDBOX_JOB_DIR = '/job';
const SANDBOX_HOME = `${SANDBOX_JOB_DIR}/home`;
const DEFAULT_UID = 61000;
const JOIN_FAILURE = 'gantry-sandbox: cannot join cgroup';
const CLOSE_GRACE_MS = 2000;
/** How often a run's disk is checked for being full and its memory for a stall at its cap. */
const WATCH_MS = 100;
/**
 * How long a run's disk may stay full before the run is stopped: time for a program that handles
 * ENOSPC to report it (the message the builder's log and the heal then show) and exit by itself.
 */
const DISK_FULL_GRACE_MS = 1000;

/**
 * Joins the run's cgroups, then execs the sandbox: the pid is in the cgroup before any sandboxed
 * code runs, so there is no window in which a fork could escape the limits.
 */
const WRAPPER_SCRIPT = [
  'IFS=:',
  `for f in $GANTRY_CGROUP_PROCS; do echo $$ > "$f" || { echo "${JOIN_FAILURE} $f" >&2; exit 125; }; done`,
  'unset GANTRY_CGROUP_PROCS IFS',
  'exec "$@"',
].join('\n');

function findOnPath(name: string): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/sbin', '/bin', '/sbin']);
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Appends to a byte-capped capture buffer. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    const room = this.max - this.size;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.size += part.length;
    }
    this.dropped += Math.max(0, chunk.length - Math.max(room, 0));
  }

  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped > 0 ? `${body}\n[${this.dropped} more bytes not kept]` : body;
  }

  tail(bytes: number): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - bytes)).toString('utf8');
  }
}

export class LocalSandbox {
  private readonly caps: SandboxCapabilities;
  /** The sandbox's own folder (generated /etc, snippet folders). */
  readonly root: string;
  private readonly etcDir: string;
  private readonly nodeBinDir: string;
  /** Absolute path of the node binary that works inside the sandbox (and outside). */
  readonly nodePath: string;
  private seq = 0;
  private readonly active = new Set<RunCgroup>();
  private readonly processes: HostProcesses;

  constructor(options: LocalSandboxOptions = {}) {
    this.processes = options.processes ?? new HostProcesses({ useHelper: false });
    this.root = options.root ?? join(tmpdir(), 'gantry-sandbox');
    this.etcDir = join(this.root, 'etc');
    this.nodePath = realpathSync(process.execPath);
    this.nodeBinDir = dirname(this.nodePath);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const setpriv = findOnPath('setpriv');
    const prlimit = findOnPath('prlimit');
    const runAs = isRoot && setpriv ? { uid: options.uid ?? DEFAULT_UID, gid: options.gid ?? DEFAULT_UID } : null;
    this.writeEtc(runAs);

    let cgroup: CgroupSupport | null = null;
    let cgroupUnavailable: string | null = null;
    if (options.useCgroups === false) cgroupUnavailable = 'disabled by configuration';
    else if (!isRoot) cgroupUnavailable = 'not running as root';
    else {
      const detected = detectCgroups(options.cgroupParent ?? 'gantry');
      if ('support' in detected) cgroup = detected.support;
      else cgroupUnavailable = detected.unavailable;
    }

    let bwrap = options.bwrapPath === undefined ? findOnPath('bwrap') : options.bwrapPath;
    let bwrapProblem: string | null = bwrap ? null : 'bubblewrap (bwrap) is not installed';
    if (bwrap) {
      bwrapProblem = this.probeBwrap(bwrap, setpriv, runAs);
      if (bwrapProblem) bwrap = null;
    }

    const disk = options.useDiskQuota === false ? { unavailable: 'disabled by configuration' } : detectDiskQuota(isRoot);
    const diskQuota = 'support' in disk ? disk.support : null;
    const diskQuotaUnavailable = 'unavailable' in disk ? disk.unavailable : null;

    const isolation: SandboxIsolation = bwrap ? (cgroup ? 'full' : 'partial') : 'none';
    const refusal =
      isolation === 'none' && !options.allowUnsandboxed
        ? `No working sandbox: ${bwrapProblem}. To fix it, ${SANDBOX_FIX}.`
        : null;
    const rlimitMemory = !cgroup && prlimit;
    const warning =
      isolation === 'full'
        ? null
        : isolation === 'partial'
          ? `SANDBOX DEGRADED: builds are isolated by bubblewrap but have no cgroup limits (${cgroupUnavailable}); ` +
            'memory is capped by rlimit only, CPU and process counts are not limited.'
          : refusal
            ? `SANDBOX UNAVAILABLE: ${bwrapProblem}; builds are refused. To fix it, ${SANDBOX_FIX}.`
            : `UNSANDBOXED (GANTRY_SANDBOX=none): ${bwrapProblem}; builds run as plain processes that can reach the ` +
              `network and read this machine's files${cgroup ? '' : ', with rlimits instead of cgroup limits'}. Install bubblewrap.`;
    this.caps = {
      isolation,
      bwrap,
      setpriv,
      prlimit,
      runAs,
      cgroup,
      cgroupUnavailable,
      diskQuota,
      diskQuotaUnavailable,
      enforced: {
        network: bwrap !== null,
        filesystem: bwrap !== null,
        memory: cgroup ? 'cgroup' : rlimitMemory ? 'rlimit' : 'none',
        cpu: cgroup !== null && cgroup.cpuParent !== null,
        pids: cgroup ? 'cgroup' : prlimit && runAs ? 'rlimit' : 'none',
        disk: diskQuota ? 'quota' : 'none',
        timeout: true,
      },
      warning,
      summary: summarize(isolation, cgroup, runAs, bwrapProblem, cgroupUnavailable, diskQuota !== null),
      refusal,
    };
  }

  /** Creates a sandbox and sweeps what a crashed predecessor left (cgroups, job folders of `jobRoots`). */
  static async create(options: LocalSandboxOptions & { readonly jobRoots?: readonly string[] } = {}): Promise<LocalSandbox> {
    const sandbox = new LocalSandbox(options);
    await sandbox.sweepLeftovers(options.jobRoots ?? []);
    return sandbox;
  }

  /** What this machine offers and what is enforced. */
  describe(): SandboxCapabilities {
    return this.caps;
  }

  /** Where `runSnippet` makes its throw-away folders. */
  snippetRoot(): string {
    return join(this.root, 'snippets');
  }

  /** Where job disks (images and mount points) are made. */
  private diskRoot(): string {
    return join(this.root, 'disks');
  }

  /** Owner to give job folders to (the sandbox user when running as root, else null: the caller's own uid). */
  jobOwner(): { uid: number; gid: number } | null {
    return this.caps.runAs;
  }

  /** Runs of this instance that are still going (with cgroups; 0 without them). */
  activeRunCount(): number {
    return this.active.size;
  }

  /** Cgroup folders of this instance's runs that are still going (for operators and tests). */
  activeCgroupDirs(): string[] {
    return [...this.active].flatMap((g) => g.dirs());
  }

  /**
   * Kills and removes every `gantry` run cgroup whose owning process is gone, and every job folder
   * (under `jobRoots` and the sandbox's own snippet folder) whose owner is gone. Runs of live
   * processes are left alone, so several stacks (or test workers) can share a machine.
   */
  async sweepLeftovers(jobRoots: readonly string[] = []): Promise<SweepReport> {
    const swept: string[] = [];
    const support = this.caps.cgroup;
    if (support) {
      for (const name of RunCgroup.list(support)) {
        const probeOwner = /^probe-(\d+)-/.exec(name)?.[1];
        const owner = parseOwnerToken(name);
        const alive = probeOwner ? processExists(Number(probeOwner)) : owner ? isOwnerAlive(owner.token) : true;
        if (alive) continue;
        const group = RunCgroup.attach(support, name);
        await group.killAll();
        await group.remove();
        swept.push(name);
      }
    }
    const jobDirs: string[] = [];
    for (const root of [this.snippetRoot(), ...jobRoots]) jobDirs.push(...(await sweepJobDirs(root)));
    const disks = await sweepJobDisks(this.diskRoot());
    // Like the cgroups above: a dead owner's disks elsewhere on the machine (another data folder's
    // crashed stack) would otherwise stay mounted for good.
    if (this.caps.diskQuota) for (const point of await sweepOrphanedJobDisks()) disks.push(basename(point));
    return { cgroups: swept, jobDirs, disks };
  }

  /** Runs one command; resolves with how it ended. Rejects only for invalid options. */
  async run(options: SandboxRunOptions): Promise<SandboxRunResult> {
    const started = Date.now();
    const caps = this.caps;
    const maxCaptured = options.maxCapturedBytes ?? 1024 * 1024;
    const stdout = new Capture(maxCaptured);
    const stderr = new Capture(Math.max(maxCaptured, 8192));
    const result = (fields: Partial<SandboxRunResult> & { end_reason: SandboxEndReason }): SandboxRunResult => ({
      exit_code: null,
      oom_kills: 0,
      pids_limit_hits: 0,
      throttled_periods: 0,
      disk_full: false,
      cleaned_up: true,
      ...fields,
      duration_ms: Date.now() - started,
      stdout: stdout.text(),
      stderr: stderr.text(),
      isolation: caps.isolation,
    });
    if (options.argv.length === 0) throw new TypeError('argv must not be empty');
    if (caps.refusal) return result({ end_reason: 'error', error: `SANDBOX_UNAVAILABLE: ${caps.refusal}` });
    if (options.signal?.aborted) return result({ end_reason: 'killed' });

    let cgroup: RunCgroup | null = null;
    if (caps.cgroup) {
      try {
        cgroup = RunCgroup.create(caps.cgroup, `${ownerToken()}-${++this.seq}`, {
          memoryBytes: options.limits.memoryMb * 1024 * 1024,
          cpuPercent: options.limits.cpuPercent,
          maxPids: options.limits.maxPids,
        });
      } catch (err) {
        return result({ end_reason: 'error', error: `cannot create the run's cgroup: ${(err as Error).message}` });
      }
      // A held run (a warm builder) counts as running once it is let go.
      if (!options.gate) this.active.add(cgroup);
    }
    let disk: JobDisk | null = null;
    if (options.limits.diskMb !== undefined && caps.diskQuota) {
      const diskMb = options.limits.diskMb;
      try {
        disk = await JobDisk.create(
          caps.diskQuota,
          this.diskRoot(),
          `${ownerToken()}-disk${++this.seq}`,
          diskMb,
          caps.runAs,
          (file, args, opts) => this.processes.run(file, args, opts),
        );
        await disk.fill(options.jobDir);
      } catch (err) {
        const full = disk?.isFull() ?? false;
        await disk?.remove();
        if (cgroup) {
          await cgroup.remove();
          this.active.delete(cgroup);
        }
        return full
          ? result({ end_reason: 'disk', disk_full: true, error: `the job folder is larger than its ${diskMb} MB disk` })
          : result({ end_reason: 'error', error: (err as Error).message });
      }
    }
    const { file, args, env, cwd } = this.commandLine(disk ? { ...options, jobDir: disk.mountPoint } : options, cgroup);

    let stopReason: StopReason | null = null;
    let bwrapStarted = false;
    let statusText = '';
    const exit = await new Promise<{ code: number | null; spawnError?: Error }>((resolve) => {
      const child = this.processes.spawn(file, args, {
        cwd,
        env,
        detached: true,
        stdio: [options.gate ? 'pipe' : 'ignore', 'pipe', 'pipe', ...(caps.bwrap ? (['pipe', 'pipe'] as const) : [])],
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout.push(chunk);
        options.onStdout?.(chunk);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr.push(chunk);
        options.onStderr?.(chunk);
      });
      // fd 3: bwrap's JSON status (the host pid of the sandbox's init). fd 4: one byte written
      // inside the sandbox just before the command is exec'd, so a sandbox that failed to set up
      // (bwrap exits 1) is never mistaken for a command that exited 1.
      const status = child.stdio[3];
      if (status && 'on' in status) status.on('data', (chunk: Buffer) => (statusText += chunk.toString('utf8')));
      const started = child.stdio[4];
      if (started && 'on' in started) started.on('data', () => (bwrapStarted = true));
      let exited = false;
      const stop = (reason: StopReason): void => {
        if (stopReason || exited) return;
        stopReason = reason;
        if (cgroup) void cgroup.killAll();
        // A program started by the process starter has its pid a moment after the start.
        if (child.pid === undefined) child.once('spawn', () => killGroup(child.pid));
        else killGroup(child.pid);
      };
      let timer: NodeJS.Timeout | undefined;
      // A full disk fails writes with ENOSPC; a run that keeps going regardless is stopped once the
      // disk has stayed full for the grace period. A run stalled at its memory cap is stopped too.
      // A gated run is watched from its start: until then only the builder waits in it, and an idle
      // stack's waiting builders would otherwise read their disk and cgroup ten times a second.
      let fullSince: number | null = null;
      const stall = new MemoryStallWatch();
      let watch: NodeJS.Timeout | undefined;
      const startWatch = (): void => {
        if (!disk && !cgroup) return;
        watch = setInterval(() => {
          const now = Date.now();
          if (!disk?.isFull()) fullSince = null;
          else if (fullSince === null) fullSince = now;
          else if (now - fullSince >= DISK_FULL_GRACE_MS) stop('disk');
          if (cgroup && stall.observe(cgroup.memory(), now)) stop('memory');
        }, WATCH_MS);
      };
      if (options.gate) {
        const stdin = child.stdin;
        stdin?.on('error', () => undefined);
        options.gate.onReady(disk ? disk.mountPoint : options.jobDir);
        options.gate.open.then(
          ({ timeoutMs }) => {
            if (done || stopReason) return;
            if (cgroup) this.active.add(cgroup);
            timer = setTimeout(() => stop('timeout'), timeoutMs);
            startWatch();
            stdin?.end('\n');
          },
          () => stop('killed'),
        );
      } else {
        timer = setTimeout(() => stop('timeout'), options.timeoutMs);
        startWatch();
      }
      const onAbort = (): void => stop('killed');
      options.signal?.addEventListener('abort', onAbort, { once: true });

      let exitCode: number | null = null;
      let closeTimer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (spawnError?: Error): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(watch);
        clearTimeout(closeTimer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ code: exitCode, ...(spawnError ? { spawnError } : {}) });
      };
      child.once('error', (err: Error) => finish(err));
      child.once('exit', (code: number | null) => {
        exited = true;
        exitCode = code;
        // Whatever the command left running (it may hold the pipes open) ends with it.
        if (cgroup) void cgroup.killAll();
        killGroup(child.pid);
        closeTimer = setTimeout(() => {
          for (const stream of child.stdio) stream?.destroy();
          finish();
        }, CLOSE_GRACE_MS);
      });
      child.once('close', () => finish());
      child.once('spawn', () => {
        if (child.pid !== undefined) options.onStart?.({ pid: child.pid, cgroupDirs: cgroup ? cgroup.dirs() : [] });
      });
    });

    let counters = { oomKills: 0, pidsMaxHits: 0, throttledPeriods: 0 };
    let cleanedUp = true;
    if (cgroup) {
      cleanedUp = await cgroup.killAll();
      counters = cgroup.counters();
      cleanedUp = (await cgroup.remove()) && cleanedUp;
      this.active.delete(cgroup);
    }
    // The sandbox's pid-namespace init leaves the cgroup before it finishes exiting (it waits for
    // its children in the kernel's exit path): resolve only once it is gone too.
    const initPid = Number(/"child-pid":\s*(\d+)/.exec(statusText)?.[1] ?? 0);
    if (initPid > 0) cleanedUp = (await waitForExit(initPid, 2000)) && cleanedUp;
    // Every process of the run is gone: its files go back to the job folder, the disk away.
    const diskFull = disk !== null && (stopReason === 'disk' || disk.isFull());
    let drainError: string | null = null;
    if (disk) {
      await disk.drainAndRemove(options.jobDir).catch((err: Error) => (drainError = err.message));
    }
    const base = {
      exit_code: exit.code,
      oom_kills: counters.oomKills,
      pids_limit_hits: counters.pidsMaxHits,
      throttled_periods: counters.throttledPeriods,
      disk_full: diskFull,
      cleaned_up: cleanedUp,
    };
    if (drainError) return result({ ...base, end_reason: 'error', error: `cannot copy the job's files back: ${drainError}` });
    if (exit.spawnError) return result({ ...base, end_reason: 'error', error: `cannot start: ${exit.spawnError.message}` });
    const stopped = stopReason as StopReason | null;
    if (stopped === 'killed') return result({ ...base, end_reason: 'killed' });
    if (stopped === 'disk') return result({ ...base, end_reason: 'disk' });
    if (stopped === 'memory') return result({ ...base, end_reason: 'memory' });
    const errTail = stderr.tail(4096);
    if (exit.code === 125 && errTail.includes(JOIN_FAILURE)) {
      return result({ ...base, end_reason: 'error', error: errTail.trim() });
    }
    if (caps.bwrap && !bwrapStarted && stopped === null) {
      return result({
        ...base,
        end_reason: 'error',
        error: `the sandbox did not start: ${errTail.trim() || `exit ${exit.code}`}`,
      });
    }
    const failed = exit.code !== 0;
    const ended = failed || stopped === 'timeout';
    let endReason: SandboxEndReason = stopped === 'timeout' ? 'timeout' : 'exit';
    if (ended && counters.oomKills > 0) endReason = 'memory';
    else if (ended && counters.pidsMaxHits > 0) endReason = 'pids';
    // A full disk at the end means the run tried to write past its quota, even if it then exited 0.
    else if (diskFull) endReason = 'disk';
    else if (!cgroup && failed && stopped === null && /out of memory|heap limit|Cannot allocate memory/i.test(errTail)) {
      // Without a cgroup counter the rlimit shows only as an allocation failure.
      endReason = 'memory';
    }
    return result({ ...base, end_reason: endReason });
  }

  /** The process to spawn: the cgroup-joining wrapper, the uid drop, then bwrap (or the bare command). */
  private commandLine(
    options: SandboxRunOptions,
    cgroup: RunCgroup | null,
  ): { file: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string } {
    const caps = this.caps;
    const innerEnv: Record<string, string> = {
      PATH: ['/usr/local/bin', '/usr/bin', '/bin', this.nodeBinDir].filter((v, i, a) => a.indexOf(v) === i).join(':'),
      HOME: SANDBOX_HOME,
      TMPDIR: '/tmp',
      LANG: 'C.UTF-8',
      ...options.env,
    };
    const prefix: string[] = [];
    if (caps.runAs && caps.setpriv) {
      prefix.push(caps.setpriv, `--reuid=${caps.runAs.uid}`, `--regid=${caps.runAs.gid}`, '--clear-groups', '--no-new-privs');
    }
    if (!cgroup && caps.prlimit) {
      // No cgroup: rlimits, inherited by everything the command starts. RLIMIT_NPROC counts every
      // task (threads too) of the uid, so it is only meaningful for the dedicated sandbox uid, and
      // the run's cap sits on top of what that uid already runs (other runs, another stack's):
      // their processes never use up this run's budget.
      prefix.push(caps.prlimit, `--data=${options.limits.memoryMb * 1024 * 1024}`);
      if (caps.runAs) prefix.push(`--nproc=${tasksOfUser(caps.runAs.uid) + options.limits.maxPids}`);
    }
    let command: string[];
    let outerEnv: NodeJS.ProcessEnv;
    let cwd: string;
    if (caps.bwrap) {
      const announce = ['/bin/sh', '-c', 'echo >&4 && exec 4>&- && exec "$@"', 'gantry-start'];
      command = [caps.bwrap, ...this.bwrapArgs(options, innerEnv), '--', ...announce, ...options.argv];
      outerEnv = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
      cwd = '/';
    } else {
      // No mount namespace: sandbox paths are rewritten to the host folders they stand for.
      const binds = [{ source: options.jobDir, target: SANDBOX_JOB_DIR }, ...(options.readOnlyBinds ?? [])];
      const rewrite = (value: string): string => {
        for (const b of binds) {
          if (value === b.target) return b.source;
          if (value.startsWith(`${b.target}/`)) return b.source + value.slice(b.target.length);
        }
        return value;
      };
      command = options.argv.map(rewrite);
      outerEnv = Object.fromEntries(Object.entries(innerEnv).map(([k, v]) => [k, rewrite(v)]));
      cwd = rewrite(options.cwd ?? SANDBOX_JOB_DIR);
    }
    const args = ['-c', WRAPPER_SCRIPT, 'gantry-sandbox', ...prefix, ...command];
    return { file: '/bin/sh', args, env: { ...outerEnv, GANTRY_CGROUP_PROCS: cgroup ? cgroup.procsFiles().join(':') : '' }, cwd };
  }

  private bwrapArgs(options: SandboxRunOptions, env: Readonly<Record<string, string>>): string[] {
    const args = [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--cap-drop',
      'ALL',
      '--hostname',
      'gantry-sandbox',
      ...this.systemBinds(),
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--tmpfs',
      '/tmp',
    ];
    for (const name of ['passwd', 'group', 'hosts']) args.push('--ro-bind', join(this.etcDir, name), `/etc/${name}`);
    args.push('--bind', options.jobDir, SANDBOX_JOB_DIR);
    for (const bind of options.readOnlyBinds ?? []) args.push('--ro-bind', bind.source, bind.target);
    args.push('--remount-ro', '/', '--chdir', options.cwd ?? SANDBOX_JOB_DIR, '--clearenv');
    for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value);
    args.push('--json-status-fd', '3');
    return args;
  }

  /** /usr read-only, the root symlinks of a merged-/usr system (or read-only copies), and node's prefix. */
  private systemBinds(): string[] {
    const args = ['--ro-bind', '/usr', '/usr'];
    for (const dir of ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32']) {
      let stat;
      try {
        stat = lstatSync(dir);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
      else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
    }
    const prefix = dirname(this.nodeBinDir);
    if (!this.nodePath.startsWith('/usr/') && prefix !== '/') args.push('--ro-bind', prefix, prefix);
    return args;
  }

  /** Minimal /etc: who the sandbox user is, and localhost. Nothing else of the host's /etc. */
  private writeEtc(runAs: { uid: number; gid: number } | null): void {
    const uid = runAs?.uid ?? (typeof process.getuid === 'function' ? process.getuid() : 1000);
    const gid = runAs?.gid ?? (typeof process.getgid === 'function' ? process.getgid() : 1000);
    const files: Record<string, string> = {
      passwd: `root:x:0:0:root:/root:/usr/sbin/nologin\ngantry:x:${uid}:${gid}:gantry:${SANDBOX_HOME}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`,
      group: `root:x:0:\ngantry:x:${gid}:\nnogroup:x:65534:\n`,
      hosts: '127.0.0.1 localhost gantry-sandbox\n::1 localhost\n',
    };
    mkdirSync(this.etcDir, { recursive: true, mode: 0o755 });
    for (const [name, content] of Object.entries(files)) {
      const path = join(this.etcDir, name);
      if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, content, { mode: 0o644 });
      // rename keeps a concurrent reader from ever seeing half a file
      renameSync(tmp, path);
    }
  }

  /** Runs `true` in a minimal sandbox; returns why bwrap is unusable, or null. */
  private probeBwrap(bwrap: string, setpriv: string | null, runAs: { uid: number; gid: number } | null): string | null {
    const prefix =
      runAs && setpriv ? [setpriv, `--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', '--no-new-privs'] : [];
    const argv = [
      ...prefix,
      bwrap,
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      ...this.systemBinds(),
      '--',
      '/bin/true',
    ];
    const probe = spawnSync(argv[0] as string, argv.slice(1), {
      encoding: 'utf8',
      timeout: 10_000,
      env: { PATH: '/usr/bin:/bin' },
    });
    if (probe.status === 0) return null;
    const detail = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim();
    return `bubblewrap cannot create a sandbox here (${detail})`;
  }
}

function summarize(
  isolation: SandboxIsolation,
  cgroup: CgroupSupport | null,
  runAs: { uid: number } | null,
  bwrapProblem: string | null,
  cgroupUnavailable: string | null,
  diskQuota: boolean,
): string {
  const limits =
    (cgroup
      ? `cgroup ${cgroup.version} limits (memory, ${cgroup.cpuParent ? 'cpu, ' : ''}pids)`
      : `rlimits only (${cgroupUnavailable})`) + (diskQuota ? ', disk quota' : '');
  const user = runAs ? `, uid ${runAs.uid}` : '';
  if (isolation === 'none') return `NOT ISOLATED (${bwrapProblem}); ${limits}${user}, timeouts enforced`;
  return `bubblewrap${isolation === 'partial' ? ' (degraded)' : ''} + ${limits}${user}, no network`;
}

/** How many tasks (threads included, as RLIMIT_NPROC counts them) the user `uid` runs now. */
function tasksOfUser(uid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The real uid (the one RLIMIT_NPROC counts by), and the thread count, from the status file.
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) !== uid) continue;
      count += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // gone meanwhile
    }
  }
  return count;
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Waits until `pid` is gone or a zombie; false if it is still running after `timeoutMs`. */
async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let state: string;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.charAt(stat.lastIndexOf(')') + 2);
    } catch {
      return true;
    }
    if (state === 'Z' || state === 'X') return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
