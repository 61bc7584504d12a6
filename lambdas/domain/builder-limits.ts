import * as z from './zod';

/**
 * The builder's limits: `policy.builder` without `concurrency` (which only the local scheduler
 * uses). One schema for the policy loader and the builder; zod only, so the builder bundle does
 * not pull in the YAML loader. Extra keys are ignored here; the policy schema makes it strict.
 */
export const BuilderLimitsSchema = z.object({
  memory_mb: z.number().check(z.int(), z.gte(64), z.lte(30720)),
  cpu_percent: z.number().check(z.int(), z.gte(5), z.lte(400)),
  max_pids: z.number().check(z.int(), z.gte(16), z.lte(4096)),
  /**
   * Size of the job folder (MB). Locally a fixed-size filesystem per run; on Fargate the bound
   * is the task's ephemeral storage. Absent in older limits files: 512.
   */
  disk_mb: z._default(z.number().check(z.int(), z.gte(16), z.lte(20480)), 512),
  install_timeout_seconds: z.number().check(z.int(), z.gte(1), z.lte(900)),
  command_timeout_seconds: z.number().check(z.int(), z.gte(1), z.lte(900)),
  dead_man_switch_seconds: z.number().check(z.int(), z.gte(1), z.lte(3600)),
  max_log_bytes: z.number().check(z.int(), z.gte(1024)),
});
export type BuilderLimits = z.infer<typeof BuilderLimitsSchema>;
