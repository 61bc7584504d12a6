import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLogKey, limitsKey, manifestKey, outputKey, resultKey } from '../builder-image/src/artifact-keys';
import { BuilderLimitsSchema } from '../builder-image/src/build-runner';
import type { Services } from '../lambdas/app/services';
import { broadcast } from '../lambdas/app/mission-events';
import type { BuildResult } from '../lambdas/domain/build-result';
import { GantryError } from '../lambdas/domain/errors';
import { GantryManifestSchema } from '../lambdas/domain/manifest';
import { logger } from '../lambdas/observability';
import type { BuilderSlots } from './sandbox/builder-slots';
import type { runBuilderJob } from './sandbox/run-builder-job';

/** The container overrides the ASL's Build state passes to ECS RunTask (same shape locally). */
interface RunTaskParameters {
  Overrides?: { ContainerOverrides?: Array<{ Name?: string; Environment?: Array<{ Name: string; Value: string }> }> };
}

function envOf(params: RunTaskParameters): Record<string, string> {
  const container = params.Overrides?.ContainerOverrides?.find((c) => c.Name === 'builder');
  return Object.fromEntries((container?.Environment ?? []).map((e) => [e.Name, e.Value]));
}

/** The build was cancelled before it could start (the mission was cancelled while it waited). */
export class BuildCancelledError extends GantryError {
  constructor(missionId: string) {
    super('BUILD_CANCELLED', `The build of mission ${missionId} was cancelled before it started`, 409);
    this.name = 'BuildCancelledError';
  }
}

export interface LocalBuildTaskDeps {
  readonly services: () => Services;
  readonly jobRoot: string;
  readonly slots: BuilderSlots;
  readonly runJob: typeof runBuilderJob;
}

/** What `LocalBuilds.stop` found and did. */
export interface BuildStopOutcome {
  /** A build of the mission was queued or running and has now ended. */
  readonly stopped: boolean;
  readonly waited_ms: number;
}

interface RunningBuild {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * The local stand-in for `ecs:runTask.sync`: it receives the same parameters as the Fargate
 * task, takes a sandbox slot (shared with debugger snippets), runs the same
 * builder entrypoint in the sandbox, and leaves the same artifacts (result.json, output/,
 * build.log) where the AWS builder would put them. `stop` is the local StopTask: it ends a
 * mission's build (queued or running) and resolves once every process of it is gone.
 */
export class LocalBuilds {
  private readonly running = new Map<string, RunningBuild>();
  /** Missions whose builds must not start (cancelled before their build task ran). */
  private readonly cancelled = new Set<string>();
  private activeCount = 0;
  private peakCount = 0;

  constructor(private readonly deps: LocalBuildTaskDeps) {}

  /** Builds running in the sandbox right now (not counting queued ones). */
  get active(): number {
    return this.activeCount;
  }

  /** The most builds that ever ran at the same time. */
  get peak(): number {
    return this.peakCount;
  }

  /** The Task handler for the Build state. */
  task(): (input: unknown) => Promise<{ TaskArn: string }> {
    return (input) => this.run(input);
  }

  /**
   * Ends the mission's build: withdraws it from the queue or kills every process of it. Resolves
   * when it is gone (at most `timeoutMs`). A build task that has not started yet will not start.
   */
  async stop(missionId: string, timeoutMs = 5000): Promise<BuildStopOutcome> {
    const started = Date.now();
    this.cancelled.add(missionId);
    const build = this.running.get(missionId);
    if (!build) return { stopped: false, waited_ms: 0 };
    build.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      build.done.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return { stopped: ended, waited_ms: Date.now() - started };
  }

  /** Aborts every build (the stack is stopping). */
  abortAll(): void {
    for (const build of this.running.values()) build.controller.abort();
  }

  private async run(input: unknown): Promise<{ TaskArn: string }> {
    const env = envOf(input as RunTaskParameters);
    const tenant = env.GANTRY_TENANT_ID;
    const mission = env.GANTRY_MISSION_ID;
    const attempt = Number(env.GANTRY_ATTEMPT);
    if (!tenant || !mission || !Number.isInteger(attempt))
      throw new GantryError('BAD_TASK', 'Build task without tenant, mission or attempt', 500);
    const controller = new AbortController();
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.running.set(mission, { controller, done });
    // Registered and checked in one turn of the event loop: a cancel either sees this build or
    // has already marked the mission.
    if (this.cancelled.has(mission)) controller.abort();
    try {
      return await this.build(tenant, mission, attempt, controller.signal);
    } finally {
      this.running.delete(mission);
      finish();
    }
  }

  private async build(tenant: string, mission: string, attempt: number, signal: AbortSignal): Promise<{ TaskArn: string }> {
    if (signal.aborted) throw new BuildCancelledError(mission);
    const svc = this.deps.services();
    const manifestRaw = await svc.artifacts.get(manifestKey(tenant, mission, attempt));
    const limitsRaw = await svc.artifacts.get(limitsKey(tenant, mission, attempt));
    if (!manifestRaw || !limitsRaw)
      throw new GantryError('MANIFEST_MISSING', `No manifest or limits for attempt ${attempt}`, 500);
    const manifest = GantryManifestSchema.parse(JSON.parse(manifestRaw.toString('utf8')));
    const limits = BuilderLimitsSchema.parse(JSON.parse(limitsRaw.toString('utf8')));
    const jobId = `${mission}-a${attempt}`;

    // The workflow's builders' line already admitted this build (at most builder.concurrency hold
    // one, and it shows queue positions); a local slot is busy only while a debugger snippet runs
    // in it, a wait of seconds at most.
    let release: () => void;
    try {
      release = await this.deps.slots.acquire(jobId, signal);
    } catch (err) {
      if (signal.aborted) throw new BuildCancelledError(mission);
      throw err;
    }
    let pending: string[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const lines = pending;
      pending = [];
      void broadcast(svc, tenant, mission, { type: 'log', mission_id: mission, attempt, lines });
    };
    const timer = setInterval(flush, 300);
    const log: string[] = [];
    this.activeCount++;
    this.peakCount = Math.max(this.peakCount, this.activeCount);
    try {
      const job = await this.deps.runJob({
        jobRoot: this.deps.jobRoot,
        jobId,
        manifest,
        limits,
        signal,
        onLog: (line: string) => {
          log.push(line);
          pending.push(line);
        },
      });
      const result: BuildResult = job.result;
      if (result.ok && !signal.aborted) {
        for (const rel of result.output_files) {
          const body = await readFile(join(job.outputDir, rel));
          await svc.artifacts.put(outputKey(tenant, mission, attempt, rel), body);
        }
      }
      await svc.artifacts.put(buildLogKey(tenant, mission, attempt), `${log.join('\n')}\n`, 'text/plain');
      // Written last: its presence means the attempt's other artifacts are complete.
      await svc.artifacts.put(resultKey(tenant, mission, attempt), JSON.stringify(result, null, 2), 'application/json');
      return { TaskArn: `arn:aws:ecs:local:000000000000:task/gantry-builder/${jobId}` };
    } catch (err) {
      logger.error('Local build task failed', { mission_id: mission, error: err as Error });
      throw err;
    } finally {
      this.activeCount--;
      clearInterval(timer);
      flush();
      release();
    }
  }
}
