import { join } from 'node:path';
import type { BuilderLimits } from '../../lambdas/domain/builder-limits';
import { logger } from '../../lambdas/observability';
import { ensureBuilderLaunch, type BuilderLaunch } from './builder-bundle';
import { claimJobDir, ensureJobRoot, releaseJobDir } from './job-dirs';
import type { LocalSandbox, SandboxRunOptions, SandboxRunResult } from './local-sandbox';
import { ownerToken } from './process-identity';

/**
 * Builders started ahead of their jobs, one per free builder slot: each is a whole sandbox run
 * (its own job folder and disk, its own cgroup with the limits, bubblewrap, the builder's Node
 * process) that has done everything but read its inputs. A job takes one, writes its manifest and
 * limits into the run's /job and lets it go: the set-up and the builder's start, which run under
 * the job's CPU cap, are off the job's path.
 *
 * Nothing of a job's is in a warm builder before it is taken, and a builder serves exactly one
 * job: isolation is the same as a builder started for the job. Only builders made for the same
 * sandbox limits (memory, CPU, pids, disk) are taken; the others are ended (a policy edit).
 */

/** The part of a sandbox run a warm builder fixes when it starts; the job gives the rest. */
export type WarmRunOptions = Omit<SandboxRunOptions, 'jobDir' | 'gate' | 'signal' | 'onStdout' | 'onStderr' | 'timeoutMs'>;

/** What starts a builder run for a job folder (run-builder-job.ts; the same options as a cold start). */
export type WarmRunFactory = (launch: BuilderLaunch, limits: BuilderLimits) => WarmRunOptions;

/** A builder that waits for its job. */
export class WarmBuilder {
  private stdoutTarget: ((chunk: Buffer) => void) | null = null;
  private stderrTarget: ((chunk: Buffer) => void) | null = null;
  private readonly early: Array<{ stream: 'out' | 'err'; chunk: Buffer }> = [];
  private openGate!: (value: { timeoutMs: number }) => void;
  private closeGate!: (reason: Error) => void;
  private ended = false;
  private taken = false;
  private readonly controller = new AbortController();
  /** The host folder that is /job for the run (the job disk's mount point when there is one). */
  readonly ready: Promise<string>;
  readonly result: Promise<SandboxRunResult>;

  constructor(
    readonly name: string,
    readonly jobDir: string,
    readonly limits: BuilderLimits,
    start: (options: SandboxRunOptions) => Promise<SandboxRunResult>,
    runOptions: WarmRunOptions,
  ) {
    const open = new Promise<{ timeoutMs: number }>((resolve, reject) => {
      this.openGate = resolve;
      this.closeGate = reject;
    });
    // A gate closed before anyone waits on it must not be an unhandled rejection.
    open.catch(() => undefined);
    let onReady!: (dir: string) => void;
    let notReady!: (err: Error) => void;
    this.ready = new Promise<string>((resolve, reject) => {
      onReady = resolve;
      notReady = reject;
    });
    this.ready.catch(() => undefined);
    this.result = start({
      ...runOptions,
      jobDir,
      timeoutMs: 0,
      signal: this.controller.signal,
      gate: { onReady, open },
      onStdout: (chunk) => (this.stdoutTarget ? this.stdoutTarget(chunk) : this.early.push({ stream: 'out', chunk })),
      onStderr: (chunk) => (this.stderrTarget ? this.stderrTarget(chunk) : this.early.push({ stream: 'err', chunk })),
    });
    void this.result.then(
      (run) => {
        this.ended = true;
        notReady(new Error(`the warm builder ended before its job: ${run.end_reason} ${run.error ?? ''}`.trim()));
      },
      (err: Error) => {
        this.ended = true;
        notReady(err);
      },
    );
  }

  /** Still waiting for a job (not taken, not ended). */
  get idle(): boolean {
    return !this.taken && !this.ended;
  }

  /** The run is over (it ended while waiting, or its job is done). */
  get done(): boolean {
    return this.ended;
  }

  /** Marks the builder as this job's; false when it cannot serve one any more. */
  take(): boolean {
    if (!this.idle) return false;
    this.taken = true;
    return true;
  }

  /**
   * Hands the run to its job: output goes to the job's handlers (with what came before), the run
   * ends when `signal` aborts, and the builder starts with `timeoutMs` as its limit.
   */
  go(job: {
    onStdout: (chunk: Buffer) => void;
    onStderr: (chunk: Buffer) => void;
    signal?: AbortSignal;
    timeoutMs: number;
  }): void {
    this.stdoutTarget = job.onStdout;
    this.stderrTarget = job.onStderr;
    for (const { stream, chunk } of this.early.splice(0)) (stream === 'out' ? job.onStdout : job.onStderr)(chunk);
    if (job.signal?.aborted) return this.end();
    job.signal?.addEventListener('abort', () => this.end(), { once: true });
    this.openGate({ timeoutMs: job.timeoutMs });
  }

  /** Ends the run (every process of it); a job that has gone on sees it as killed. */
  end(): void {
    this.closeGate(new Error('ended'));
    this.controller.abort();
  }
}

export interface WarmBuildersOptions {
  readonly sandbox: LocalSandbox;
  readonly jobRoot: string;
  /** How many builders to keep waiting (the builder slots). */
  readonly size: () => number;
  readonly runOptions: WarmRunFactory;
}

/** The warm builders of one job root. */
export class WarmBuilders {
  private readonly builders = new Set<WarmBuilder>();
  private filling = false;
  private seq = 0;
  private closed = false;

  constructor(private readonly opts: WarmBuildersOptions) {}

  /** A waiting builder made for these sandbox limits, or null. Builders made for other limits are ended. */
  take(limits: BuilderLimits): WarmBuilder | null {
    let found: WarmBuilder | null = null;
    for (const builder of this.builders) {
      if (!builder.idle) continue;
      if (!sameSandboxLimits(builder.limits, limits)) {
        void this.discard(builder);
        continue;
      }
      if (!found && builder.take()) {
        found = builder;
        this.builders.delete(builder);
      }
    }
    return found;
  }

  /**
   * Starts builders for `limits` in the background until `size()` are waiting, one after the
   * other (each once the previous one is ready), so a burst of starts does not compete with the
   * builds running meanwhile.
   */
  fill(limits: BuilderLimits): void {
    if (this.closed || this.filling) return;
    this.filling = true;
    void (async () => {
      try {
        while (!this.closed && this.waiting < this.opts.size()) {
          const builder = await this.start(limits);
          if (!builder) break;
          await builder.ready.catch(() => undefined);
        }
      } catch (err) {
        logger.warn('A warm builder could not be started', { error: err as Error });
      } finally {
        this.filling = false;
      }
    })();
  }

  /** Builders waiting right now. */
  get waiting(): number {
    return [...this.builders].filter((b) => b.idle).length;
  }

  /** Ends every waiting builder and removes its folder; no builder is started afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.builders].map((b) => this.discard(b)));
  }

  /** Starts one builder (null when closed meanwhile). */
  private async start(limits: BuilderLimits): Promise<WarmBuilder | null> {
    const { sandbox, jobRoot } = this.opts;
    await ensureJobRoot(jobRoot);
    const launch = await ensureBuilderLaunch(join(jobRoot, '.builder'), sandbox.nodePath);
    if (this.closed) return null;
    // The owner token leads the name: a crashed stack's warm folders are swept like any job's.
    const name = `${ownerToken()}-warm${++this.seq}`;
    const jobDir = await claimJobDir(jobRoot, name, sandbox.jobOwner());
    const builder = new WarmBuilder(
      name,
      jobDir,
      limits,
      (options) => sandbox.run(options),
      this.opts.runOptions(launch, limits),
    );
    this.builders.add(builder);
    // A builder that ends while waiting (a failure) is forgotten and its folder removed.
    void builder.result.then(() => {
      if (this.builders.delete(builder)) void releaseJobDir(jobRoot, name).catch(() => undefined);
    });
    // Closed while this one was being made: it never waits.
    if (this.closed) {
      await this.discard(builder);
      return null;
    }
    return builder;
  }

  /** Ends a waiting builder; resolves once its processes and folder are gone. */
  private async discard(builder: WarmBuilder): Promise<void> {
    if (!builder.take()) return;
    this.builders.delete(builder);
    builder.end();
    await builder.result.catch(() => undefined);
    await releaseJobDir(this.opts.jobRoot, builder.name).catch(() => undefined);
  }
}

function sameSandboxLimits(a: BuilderLimits, b: BuilderLimits): boolean {
  return a.memory_mb === b.memory_mb && a.cpu_percent === b.cpu_percent && a.max_pids === b.max_pids && a.disk_mb === b.disk_mb;
}
