import { join } from 'node:path';
import * as z from '../../lambdas/domain/zod';
import type { BuildResult } from '../../lambdas/domain/build-result';
import { GantryManifestSchema } from '../../lambdas/domain/manifest';
import type { AppIdentity } from './app-identity';
import { BuilderLimitsSchema, runBuild, type BuilderLimits, type BuildResultDetail } from './build-runner';
import { formatBuilderMessage, type BuilderMessage } from './protocol';

/** Protocol messages emitted in this turn of the event loop, not yet written. */
let unwritten: string[] = [];
let flushQueued = false;

/**
 * Writes one protocol message to stdout: this is the entrypoint's contract with whoever started it.
 * Log lines emitted in one turn of the event loop (a test run's output arrives as many lines at a
 * time) go out as one write: a write to a pipe is a system call and wakes the reader, so a line
 * each cost the builder and the stack a call per line. Any other message (a phase about to start,
 * a command's result, the build's result, an error) is written at once with everything before it:
 * the stack must know which command runs before that command can do anything (it may kill the
 * builder), and nothing is pending when the process ends.
 */
export function emit(message: BuilderMessage): void {
  unwritten.push(formatBuilderMessage(message));
  if (message.type !== 'log') {
    flushEmitted();
    return;
  }
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flushEmitted);
  }
}

/** Writes every message emitted so far, in order. */
export function flushEmitted(): void {
  flushQueued = false;
  if (unwritten.length === 0) return;
  const text = unwritten.join('');
  unwritten = [];
  process.stdout.write(text);
}

/** A result for a build that could not start (bad inputs): still a result, so the workflow can react. */
export function failedBeforeBuild(error: string, startedAt = new Date()): BuildResultDetail {
  return {
    ok: false,
    failed_phase: null,
    end_reason: 'error',
    commands: [],
    tests: [],
    output_files: [],
    duration_ms: Date.now() - startedAt.getTime(),
    started_at: startedAt.toISOString(),
    error,
  };
}

/** Parses one JSON input file against its schema; the error names the file and the first issue. */
function parseInput<T>(label: string, text: string, schema: z.ZodMiniType<T>): { data: T } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { error: `${label} is not valid JSON: ${(err as Error).message}` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `${label}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * The builder's own dead man's switch, from the job's limits: the app's commands must all end by
 * `commandsDeadlineMs`, which leaves a tenth of the switch (1 to 30 s) to upload the log, the
 * output and the result before `hardDeadlineMs`. The Build state's timeout is the switch plus a
 * start margin, so a builder that keeps to this always reports before the workflow gives up.
 */
export function deadmanSchedule(
  limits: Pick<BuilderLimits, 'dead_man_switch_seconds'>,
  startedAtMs: number,
): { readonly commandsDeadlineMs: number; readonly hardDeadlineMs: number } {
  const seconds = limits.dead_man_switch_seconds;
  const reserve = Math.min(30, Math.max(1, Math.floor(seconds / 10)));
  return { commandsDeadlineMs: startedAtMs + (seconds - reserve) * 1000, hardDeadlineMs: startedAtMs + seconds * 1000 };
}

export interface BuildJobOutcome {
  readonly result: BuildResultDetail;
  /** The full log (as streamed, capped at max_log_bytes) for build.log. */
  readonly log: string;
  /** Absolute folder holding `result.output_files`, when the manifest could be read. */
  readonly outputDir: string | null;
}

/**
 * Parses the job's inputs and builds the app in `appDir`, streaming protocol messages to stdout.
 * Bad inputs become a failed result rather than an exception.
 */
export async function buildFromInputs(input: {
  readonly manifestText: string;
  readonly limitsText: string;
  readonly appDir: string;
  readonly signal: AbortSignal;
  readonly processLimit?: (maxPids: number) => number | undefined;
  readonly reapStrays?: boolean;
  readonly appIdentity?: AppIdentity;
  /** Apply the dead man's switch of the limits from this moment (the local sandbox applies its own). */
  readonly deadmanFromMs?: number;
}): Promise<BuildJobOutcome> {
  const startedAt = new Date();
  const lines: string[] = [];
  const onLog = (line: string): void => {
    lines.push(line);
    emit({ v: 1, type: 'log', line });
  };
  const manifest = parseInput('manifest.json', input.manifestText, GantryManifestSchema);
  const limits = parseInput('limits.json', input.limitsText, BuilderLimitsSchema);
  if ('error' in manifest || 'error' in limits) {
    const what = 'error' in manifest ? manifest.error : 'error' in limits ? limits.error : '';
    const result = failedBeforeBuild(`invalid job input: ${what}`, startedAt);
    onLog(`[gantry] ${result.error}`);
    return { result, log: lines.map((l) => `${l}\n`).join(''), outputDir: null };
  }
  const processLimit = input.processLimit?.(limits.data.max_pids);
  const result = await runBuild({
    appDir: input.appDir,
    manifest: manifest.data,
    limits: limits.data,
    onLog,
    onEvent: (event) => {
      if (event.type === 'phase') emit({ v: 1, type: 'phase', phase: event.phase, command: event.command });
      else emit({ v: 1, type: 'command', result: event.result });
    },
    signal: input.signal,
    reapStrays: input.reapStrays === true,
    ...(processLimit ? { processLimit } : {}),
    ...(input.appIdentity ? { appIdentity: input.appIdentity } : {}),
    ...(input.deadmanFromMs === undefined
      ? {}
      : { deadlineMs: deadmanSchedule(limits.data, input.deadmanFromMs).commandsDeadlineMs }),
  });
  return {
    result,
    log: lines.map((l) => `${l}\n`).join(''),
    outputDir: join(input.appDir, manifest.data.output_dir),
  };
}

/** Serialised result (pretty enough to read in a console, small enough to not matter). */
export function resultJson(result: BuildResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
