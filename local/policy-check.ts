import { readFileSync } from 'node:fs';
import { GantryManifestSchema } from '../lambdas/domain/manifest';
import { PolicyConfigError, type LoadedPolicy } from '../lambdas/domain/policy';
import { loadPolicyFile } from '../lambdas/domain/policy-file';
import { checkManifest, formatViolation, type Violation } from '../lambdas/domain/policy-gate';

export const POLICY_CHECK_USAGE = 'Usage: gantry policy check <manifest.json> [--policy <policy.yaml>] [--json]';

export interface PolicyCheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The verdict of the gate on one manifest file, as `gantry policy check` reports it. */
export interface PolicyCheckReport {
  readonly verdict: 'PASSED' | 'REFUSED';
  readonly manifest: string;
  readonly policy_hash: string;
  readonly violations: readonly Violation[];
}

/** Runs the gate on a manifest text: a manifest that does not parse is refused as `manifest-invalid`. */
export function checkManifestText(text: string, manifestPath: string, loaded: LoadedPolicy): PolicyCheckReport {
  let raw: unknown;
  let violations: Violation[];
  try {
    raw = JSON.parse(text);
  } catch (err) {
    raw = undefined;
    violations = [{ rule: 'manifest-invalid', message: `not valid JSON: ${(err as Error).message}` }];
  }
  if (raw !== undefined) {
    const parsed = GantryManifestSchema.safeParse(raw);
    violations = parsed.success
      ? checkManifest(parsed.data, loaded.policy)
      : parsed.error.issues.map((issue) => ({
          rule: 'manifest-invalid',
          message: `${issue.path.join('.') || '(root)'}: ${issue.message}`,
        }));
  }
  return {
    verdict: violations!.length === 0 ? 'PASSED' : 'REFUSED',
    manifest: manifestPath,
    policy_hash: loaded.hash,
    violations: violations!,
  };
}

/**
 * `gantry policy check <manifest.json>`: the policy gate as a dry run for policy authors. Exit 0
 * when the manifest passes, 1 when it is refused (each violation printed with its rule, file and
 * line), 2 for usage errors (missing file, invalid policy).
 */
export function policyCheck(args: readonly string[], io: PolicyCheckIo): number {
  const json = args.includes('--json');
  const policyFlag = args.indexOf('--policy');
  const policyPath = policyFlag === -1 ? undefined : args[policyFlag + 1];
  const positional = args.filter((a, i) => !a.startsWith('--') && (policyFlag === -1 || i !== policyFlag + 1));
  const manifestPath = positional[0];
  if (!manifestPath || positional.length > 1 || (policyFlag !== -1 && !policyPath)) {
    io.err(POLICY_CHECK_USAGE);
    return 2;
  }
  let loaded: LoadedPolicy;
  try {
    loaded = loadPolicyFile(policyPath);
  } catch (err) {
    io.err(err instanceof PolicyConfigError ? err.message : `cannot read the policy: ${(err as Error).message}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (err) {
    io.err(`cannot read ${manifestPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const report = checkManifestText(text, manifestPath, loaded);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
  } else if (report.verdict === 'PASSED') {
    io.out(`PASSED  ${manifestPath}  (policy ${loaded.hash.slice(0, 12)})`);
  } else {
    io.out(`REFUSED  ${manifestPath}  (policy ${loaded.hash.slice(0, 12)}): ${report.violations.length} violation(s)`);
    for (const v of report.violations) io.out(`  ${formatViolation(v)}`);
  }
  return report.verdict === 'PASSED' ? 0 : 1;
}
