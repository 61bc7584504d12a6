import { manifestFileBytes, type GantryManifest } from './manifest';
import type { Policy } from './policy';

/** One broken rule: which rule, where, and why. */
export interface Violation {
  readonly rule: string;
  readonly file?: string;
  readonly line?: number;
  readonly message: string;
}

/** Files the builder must never receive: CI configuration and git hooks run outside the sandbox. */
const PROTECTED_PATHS = [/^\.github\//, /^\.gitlab-ci\.yml$/, /^\.circleci\//, /^\.git\//, /^\.husky\//, /^\.ci\//];

/** Checks a manifest's shape against the policy's stack, file and path rules. Pure. */
export function checkManifest(manifest: GantryManifest, policy: Policy): Violation[] {
  const violations: Violation[] = [];
  if (!policy.stacks.allowed.includes(manifest.stack)) {
    violations.push({
      rule: 'stack-not-allowed',
      message: `Stack ${manifest.stack} is not in stacks.allowed (${policy.stacks.allowed.join(', ')})`,
    });
  }
  if (manifest.files.length > policy.files.max_count) {
    violations.push({
      rule: 'too-many-files',
      message: `${manifest.files.length} files; files.max_count is ${policy.files.max_count}`,
    });
  }
  let total = 0;
  const seen = new Set<string>();
  for (const file of manifest.files) {
    // Decoded size: a base64 file counts for the bytes it writes, not for its longer text form.
    const bytes = manifestFileBytes(file).length;
    total += bytes;
    if (bytes > policy.files.max_file_bytes) {
      violations.push({
        rule: 'file-too-large',
        file: file.path,
        message: `${bytes} bytes; files.max_file_bytes is ${policy.files.max_file_bytes}`,
      });
    }
    if (file.path.startsWith('/') || /^[A-Za-z]:/.test(file.path)) {
      violations.push({ rule: 'absolute-path', file: file.path, message: 'Absolute paths are not allowed' });
    }
    if (file.path.split(/[\\/]/).includes('..') || file.path.includes('\\') || file.path.includes('\0')) {
      violations.push({ rule: 'path-traversal', file: file.path, message: 'Paths may not contain "..", backslashes or NUL' });
    }
    if (PROTECTED_PATHS.some((re) => re.test(file.path))) {
      violations.push({
        rule: 'protected-path',
        file: file.path,
        message: 'Writes to CI configuration or git hooks are not allowed',
      });
    }
    if (seen.has(file.path)) violations.push({ rule: 'duplicate-path', file: file.path, message: 'The same path appears twice' });
    seen.add(file.path);
  }
  if (total > policy.files.max_total_bytes) {
    violations.push({
      rule: 'total-too-large',
      message: `${total} bytes in all; files.max_total_bytes is ${policy.files.max_total_bytes}`,
    });
  }
  return violations;
}
