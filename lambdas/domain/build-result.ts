import * as z from './zod';

/**
 * Why a sandboxed command stopped. `network`: it failed after trying to reach the network, which
 * the builder does not have (judged from the command's own error output, like `pids`).
 */
export const EndReasonSchema = z.enum(['exit', 'timeout', 'memory', 'pids', 'disk', 'network', 'killed', 'deadman', 'error']);
export type EndReason = z.infer<typeof EndReasonSchema>;

export const CommandResultSchema = z.object({
  /** `install`, `audit` or `build`. */
  phase: z.enum(['install', 'audit', 'build']),
  command: z.string(),
  exit_code: z.nullable(z.number().check(z.int())),
  end_reason: EndReasonSchema,
  duration_ms: z.number().check(z.nonnegative()),
  /** Last bytes of combined stdout/stderr. */
  log_tail: z.string(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

/** Per-test outcome parsed from `node --test` (TAP) output, when the audit produced one. */
export const TestOutcomeSchema = z.object({ name: z.string(), ok: z.boolean() });
export type TestOutcome = z.infer<typeof TestOutcomeSchema>;

/** What the builder reports for one attempt. Written by the builder, read by the audit step. */
export const BuildResultSchema = z.object({
  ok: z.boolean(),
  /** Phase that failed, when `ok` is false. */
  failed_phase: z.nullable(z.enum(['install', 'audit', 'build'])),
  end_reason: EndReasonSchema,
  commands: z.array(CommandResultSchema),
  tests: z.array(TestOutcomeSchema),
  /** Files of `output_dir` after the build (relative paths), when the build ran. */
  output_files: z.array(z.string()),
  duration_ms: z.number().check(z.nonnegative()),
  started_at: z.string(),
  /** Why the builder failed when no command's output explains it (refused path, missing output, sandbox failure, cancel). */
  error: z.optional(z.string()),
});
export type BuildResult = z.infer<typeof BuildResultSchema>;
