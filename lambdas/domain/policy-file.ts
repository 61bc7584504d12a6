import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkPolicy, PolicyConfigError, type LoadedPolicy } from './policy';

/*
 * policy.yaml as text and as a file: the YAML side of the policy, kept apart from the schema so
 * that a Lambda bundle (which embeds the policy as JSON) carries no YAML parser.
 */

/** Parses policy text; the error names the offending key path. */
export function parsePolicy(text: string): LoadedPolicy {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new PolicyConfigError(`policy.yaml is not valid YAML: ${(err as Error).message}`);
  }
  return checkPolicy(raw, createHash('sha256').update(text).digest('hex'));
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
