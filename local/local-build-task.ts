import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLogKey, limitsKey, manifestKey, outputKey, resultKey } from '../builder-image/src/artifact-keys';
import { BuilderLimitsSchema } from '../builder-image/src/build-runner';
import type { Services } from '../lambdas/composition-root';
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

export interface LocalBuildTaskDeps {
  readonly services: () => Services;
  readonly jobRoot: string;
  readonly slots: BuilderSlots;
  readonly runJob: typeof runBuilderJob;
  /** Cancellation per mission (the cancel route aborts it). */
  readonly signals: Map<string, AbortController>;
}

/**
 * The local stand-in for `ecs:runTask.sync`: it receives the same parameters as the Fargate
 * task, runs the same builder entrypoint in the sandbox, and leaves the same artifacts
 * (result.json, output/, build.log) where the AWS builder would put them.
 */
export function createLocalBuildTask(deps: LocalBuildTaskDeps) {
  return async (input: unknown): Promise<{ TaskArn: string }> => {
    const env = envOf(input as RunTaskParameters);
    const tenant = env.GANTRY_TENANT_ID;
    const mission = env.GANTRY_MISSION_ID;
    const attempt = Number(env.GANTRY_ATTEMPT);
    if (!tenant || !mission || !Number.isInteger(attempt))
      throw new GantryError('BAD_TASK', 'Build task without tenant, mission or attempt', 500);
    const svc = deps.services();
    const manifestRaw = await svc.artifacts.get(manifestKey(tenant, mission, attempt));
    const limitsRaw = await svc.artifacts.get(limitsKey(tenant, mission, attempt));
    if (!manifestRaw || !limitsRaw)
      throw new GantryError('MANIFEST_MISSING', `No manifest or limits for attempt ${attempt}`, 500);
    const manifest = GantryManifestSchema.parse(JSON.parse(manifestRaw.toString('utf8')));
    const limits = BuilderLimitsSchema.parse(JSON.parse(limitsRaw.toString('utf8')));
    const controller = new AbortController();
    deps.signals.set(mission, controller);
    const jobId = `${mission}-a${attempt}`;

    // Queue position is visible on the mission while it waits for a builder slot.
    const release = await deps.slots.acquire(jobId, async (position) => {
      await svc.store.patchMission(tenant, mission, { queue_position: position }).catch(() => undefined);
      await broadcast(svc, tenant, mission, { type: 'queue', mission_id: mission, queue_position: position });
    });
    let pending: string[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const lines = pending;
      pending = [];
      void broadcast(svc, tenant, mission, { type: 'log', mission_id: mission, attempt, lines });
    };
    const timer = setInterval(flush, 300);
    const log: string[] = [];
    try {
      await svc.store.patchMission(tenant, mission, { queue_position: null }).catch(() => undefined);
      const job = await deps.runJob({
        jobRoot: deps.jobRoot,
        jobId,
        manifest,
        limits,
        signal: controller.signal,
        onLog: (line: string) => {
          log.push(line);
          pending.push(line);
        },
      });
      const result: BuildResult = job.result;
      if (result.ok) {
        for (const rel of result.output_files) {
          const body = await readFile(join(job.outputDir, rel));
          await svc.artifacts.put(outputKey(tenant, mission, attempt, rel), body);
        }
      }
      await svc.artifacts.put(buildLogKey(tenant, mission, attempt), log.join('\n'), 'text/plain');
      // Written last: its presence means the attempt's other artifacts are complete.
      await svc.artifacts.put(resultKey(tenant, mission, attempt), JSON.stringify(result, null, 2), 'application/json');
      return { TaskArn: `arn:aws:ecs:local:000000000000:task/gantry-builder/${jobId}` };
    } catch (err) {
      logger.error('Local build task failed', { mission_id: mission, error: err as Error });
      throw err;
    } finally {
      clearInterval(timer);
      flush();
      release();
      deps.signals.delete(mission);
    }
  };
}
