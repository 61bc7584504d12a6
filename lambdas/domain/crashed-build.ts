import * as z from './zod';
import type { BuildResult, EndReason } from './build-result';

/**
 * The part of an ECS task description that says why a build task stopped. Step Functions puts
 * the whole description (JSON) in the `Cause` of a failed `ecs:runTask.sync` state; locally the
 * Cause is a plain message. Every field is optional: the description is parsed, never trusted.
 */
const StoppedTaskSchema = z.looseObject({
  StoppedReason: z.optional(z.string()),
  StopCode: z.optional(z.string()),
  Containers: z.optional(
    z.array(
      z.looseObject({
        Name: z.optional(z.string()),
        ExitCode: z.optional(z.number().check(z.int())),
        Reason: z.optional(z.string()),
      }),
    ),
  ),
});

/** The error a failed Build state hands on (`$.build_error`). */
export interface BuildStateError {
  readonly Error?: string;
  readonly Cause?: string;
}

function parseCause(cause: string | undefined): z.infer<typeof StoppedTaskSchema> | null {
  if (!cause) return null;
  try {
    const parsed = StoppedTaskSchema.safeParse(JSON.parse(cause));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What a build that ended without writing its result amounts to: a failed attempt whose `error`
 * says how the task ended (stop reason, exit code, container reason). The audit records it like
 * any failed attempt, so the heal loop gets its turn instead of the mission failing outright.
 */
export function crashedBuildResult(error: BuildStateError, startedAt: string, builderContainer = 'builder'): BuildResult {
  const timedOut = error.Error === 'States.Timeout';
  const task = parseCause(error.Cause);
  const container = task?.Containers?.find((c) => c.Name === builderContainer) ?? task?.Containers?.[0];
  const exitCode = container?.ExitCode;
  const reasonText = `${container?.Reason ?? ''} ${task?.StoppedReason ?? ''}`;
  let endReason: EndReason;
  if (timedOut) endReason = 'timeout';
  else if (/OutOfMemory|OOM/i.test(reasonText) || exitCode === 137) endReason = 'memory';
  else if (exitCode !== undefined) endReason = 'exit';
  else if (task?.StopCode) endReason = 'killed';
  else endReason = 'error';

  const parts: string[] = [];
  if (timedOut) parts.push('the build task ran past the Build state timeout and was stopped');
  if (task?.StoppedReason) parts.push(`stopped: ${task.StoppedReason}`);
  if (task?.StopCode) parts.push(`stop code ${task.StopCode}`);
  if (exitCode !== undefined) parts.push(`exit code ${exitCode}`);
  if (container?.Reason) parts.push(container.Reason);
  if (parts.length === 0) parts.push(`${error.Error ?? 'error'}: ${(error.Cause ?? 'no cause given').slice(0, 500)}`);
  return {
    ok: false,
    failed_phase: null,
    end_reason: endReason,
    commands: [],
    tests: [],
    output_files: [],
    duration_ms: 0,
    started_at: startedAt,
    error: `The builder ended without reporting a result (${parts.join('; ')})`.slice(0, 2000),
  };
}
