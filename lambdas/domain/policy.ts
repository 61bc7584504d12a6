import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Schema of `policy.yaml`. Unknown keys are refused so a typo never silently disables a rule. */
export const PolicySchema = z
  .object({
    version: z.literal(1),
    builder: z
      .object({
        memory_mb: z.number().int().min(64).max(30720),
        cpu_percent: z.number().int().min(5).max(400),
        max_pids: z.number().int().min(16).max(4096),
        install_timeout_seconds: z.number().int().min(1).max(900),
        command_timeout_seconds: z.number().int().min(1).max(900),
        dead_man_switch_seconds: z.number().int().min(1).max(3600),
        max_log_bytes: z.number().int().min(1024),
        concurrency: z.number().int().min(1).max(32),
      })
      .strict(),
    mission: z
      .object({
        timeout_seconds: z.number().int().min(10).max(86400),
        max_attempts: z.number().int().min(1).max(10),
      })
      .strict(),
    api: z
      .object({
        max_body_bytes: z.number().int().min(256).max(6_000_000),
        max_prompt_chars: z.number().int().min(10),
      })
      .strict(),
    stacks: z.object({ allowed: z.array(z.string().min(1)).min(1) }).strict(),
    files: z
      .object({
        max_count: z.number().int().min(1),
        max_total_bytes: z.number().int().min(1),
        max_file_bytes: z.number().int().min(1),
      })
      .strict(),
    evidence: z.object({ retention_days: z.number().int().min(1).max(36500) }).strict(),
    deploy: z
      .object({
        timeout_seconds: z.number().int().min(5).max(900),
        verify_attempts: z.number().int().min(1).max(10),
      })
      .strict(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;

/** A policy together with the SHA-256 of the exact text it was parsed from (recorded on every mission). */
export interface LoadedPolicy {
  readonly policy: Policy;
  readonly hash: string;
}

export class PolicyConfigError extends Error {
  readonly code = 'POLICY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'PolicyConfigError';
  }
}

/** Parses policy text; the error names the offending key path. */
export function parsePolicy(text: string): LoadedPolicy {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new PolicyConfigError(`policy.yaml is not valid YAML: ${(err as Error).message}`);
  }
  const result = PolicySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.join('.') || '(root)';
    throw new PolicyConfigError(`policy.yaml: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return { policy: result.data, hash: createHash('sha256').update(text).digest('hex') };
}

/** Project root: the folder holding policy.yaml (works from sources and from bundles that copy it). */
export const PROJECT_ROOT = join(__dirname, '..', '..');

/**
 * Where policy.yaml is looked for: `GANTRY_POLICY_PATH`, next to a bundled handler (the CDK
 * bundling copies it there), then the project root.
 */
export function policyPathCandidates(): string[] {
  const fromEnv = process.env.GANTRY_POLICY_PATH;
  return [...(fromEnv ? [fromEnv] : []), join(__dirname, 'policy.yaml'), join(PROJECT_ROOT, 'policy.yaml')];
}

/** Reads and validates a policy file (default: the first of `policyPathCandidates()` that exists). */
export function loadPolicyFile(path?: string): LoadedPolicy {
  const chosen = path ?? policyPathCandidates().find((p) => existsSync(p));
  if (!chosen) throw new PolicyConfigError(`policy.yaml not found (looked in ${policyPathCandidates().join(', ')})`);
  return parsePolicy(readFileSync(chosen, 'utf8'));
}
