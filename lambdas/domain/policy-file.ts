import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPolicy, PolicyConfigError, type LoadedPolicy } from './policy';

/*
 * policy.yaml as text and as a file: the YAML side of the policy, kept apart from the schema so
 * that a Lambda bundle (which embeds the policy as JSON) carries no YAML parser.
 */

/**
 * Parsed policy documents kept by the SHA-256 of their text (the local stack keeps them on disk):
 * a start whose policy.yaml is unchanged then loads no YAML parser and parses nothing. Only a
 * document that passed the check is kept, and it is checked again when taken.
 */
export interface PolicyDocuments {
  get(digest: string): unknown;
  set(digest: string, document: unknown): void;
}

/** Parses policy text; the error names the offending key path. */
export function parsePolicy(text: string, documents?: PolicyDocuments): LoadedPolicy {
  const digest = createHash('sha256').update(text).digest('hex');
  const known = documents?.get(digest);
  if (known !== undefined) return checkPolicy(known, digest);
  let raw: unknown;
  try {
    // Loaded when a policy is first parsed, not with this module (a tenth of a local start).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    raw = (require('yaml') as typeof import('yaml')).parse(text);
  } catch (err) {
    throw new PolicyConfigError(`policy.yaml is not valid YAML: ${(err as Error).message}`);
  }
  const loaded = checkPolicy(raw, digest);
  documents?.set(digest, raw);
  return loaded;
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
export function loadPolicyFile(path?: string, documents?: PolicyDocuments): LoadedPolicy {
  const chosen = path ?? policyPathCandidates().find((p) => existsSync(p));
  if (!chosen) throw new PolicyConfigError(`policy.yaml not found (looked in ${policyPathCandidates().join(', ')})`);
  return parsePolicy(readFileSync(chosen, 'utf8'), documents);
}
