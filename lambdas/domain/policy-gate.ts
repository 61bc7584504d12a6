import { manifestFileBytes, type GantryManifest } from './manifest';
import { matchesAnyGlob } from './path-glob';
import type { Policy } from './policy';

/** One broken rule: which rule, where, and why. */
export interface Violation {
  readonly rule: string;
  readonly file?: string;
  /** 1-based line of the match, for rules that look inside a file. */
  readonly line?: number;
  readonly message: string;
}

/** The manifest fields that hold shell commands; `commands: true` patterns scan them as `manifest:<field>`. */
const COMMAND_FIELDS = ['audit_command', 'build_command', 'run_command'] as const;

/** package.json sections whose entries npm installs. */
const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Lifecycle scripts npm runs on install (the builder passes --ignore-scripts as well; the gate refuses them outright). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish'];

/** Specifiers that fetch from somewhere other than the warmed registry cache. */
const NON_REGISTRY_SPEC =
  /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|npm:|workspace:|portal:|patch:|[\w.-]+\/[\w.-]+(?:#.*)?$)/i;

interface CompiledPattern {
  readonly name: string;
  readonly reason: string;
  readonly regex: RegExp;
  readonly files: readonly string[];
  readonly commands: boolean;
}

const compiled = new WeakMap<Policy['forbidden_patterns'], CompiledPattern[]>();

function compilePatterns(patterns: Policy['forbidden_patterns']): CompiledPattern[] {
  let out = compiled.get(patterns);
  if (!out) {
    out = patterns.map((p) => ({
      name: p.name,
      reason: p.reason,
      regex: new RegExp(p.regex, `gm${p.flags}`),
      files: p.files,
      commands: p.commands,
    }));
    compiled.set(patterns, out);
  }
  return out;
}

/** 1-based line number of `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

/** First match of `pattern` in `text`, as a violation of `file`. */
function scan(pattern: CompiledPattern, file: string, text: string): Violation | null {
  pattern.regex.lastIndex = 0;
  const match = pattern.regex.exec(text);
  if (!match) return null;
  return {
    rule: pattern.name,
    file,
    line: lineAt(text, match.index),
    message: `${pattern.reason} (found "${excerpt(match[0])}")`,
  };
}

function unsafePath(path: string): 'absolute-path' | 'path-traversal' | null {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute-path';
  if (path.split(/[\\/]/).includes('..') || path.includes('\\') || path.includes('\0')) return 'path-traversal';
  return null;
}

/** Line of the first `"key":` in a JSON text (1 when not found). */
function keyLine(text: string, key: string): number {
  const index = text.indexOf(`${JSON.stringify(key)}`);
  return index === -1 ? 1 : lineAt(text, index);
}

/** Dependency allowlist and install-script rules for one package.json. */
function checkPackageJson(path: string, text: string, policy: Policy): Violation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [{ rule: 'package-json-invalid', file: path, message: `package.json is not valid JSON: ${(err as Error).message}` }];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [{ rule: 'package-json-invalid', file: path, message: 'package.json must hold a JSON object' }];
  }
  const pkg = parsed as Record<string, unknown>;
  const violations: Violation[] = [];
  const allowed = policy.dependencies.allowed;
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = pkg[section];
    if (deps === undefined) continue;
    if (typeof deps !== 'object' || deps === null || Array.isArray(deps)) {
      violations.push({
        rule: 'package-json-invalid',
        file: path,
        line: keyLine(text, section),
        message: `${section} must be an object`,
      });
      continue;
    }
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      const line = keyLine(text, name);
      const specText = typeof spec === 'string' ? spec.trim() : JSON.stringify(spec);
      if (NON_REGISTRY_SPEC.test(specText)) {
        violations.push({
          rule: 'dependency-source',
          file: path,
          line,
          message: `${name}@${specText} is fetched from outside the registry cache (git, URL, file or alias specifiers are refused)`,
        });
      } else if (!Object.hasOwn(allowed, name)) {
        violations.push({
          rule: 'dependency-not-allowed',
          file: path,
          line,
          message: `${name} (${section}) is not in dependencies.allowed${Object.keys(allowed).length ? ` (${Object.keys(allowed).join(', ')})` : ' (which is empty)'}`,
        });
      } else if (specText !== allowed[name]) {
        violations.push({
          rule: 'dependency-version',
          file: path,
          line,
          message: `${name}@${specText}: only exactly ${allowed[name]} is allowed (the version the builder's cache holds)`,
        });
      }
    }
  }
  const scripts = pkg.scripts;
  if (policy.dependencies.forbid_install_scripts && typeof scripts === 'object' && scripts !== null) {
    for (const name of INSTALL_SCRIPTS) {
      if (Object.hasOwn(scripts, name)) {
        violations.push({
          rule: 'install-script',
          file: path,
          line: keyLine(text, name),
          message: `scripts.${name} would run at install time; install scripts are not allowed`,
        });
      }
    }
  }
  return violations;
}

/**
 * Checks a manifest against the policy: stack, file count and sizes, path rules, the output
 * folder, the dependency allowlist and install scripts of every package.json, and every forbidden
 * pattern (reported with the file and line of its first match). Pure; returns every violation.
 */
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
  const outputProblem = unsafePath(manifest.output_dir);
  if (outputProblem || manifest.output_dir.split('/').some((p) => p === '' || p === '.')) {
    violations.push({
      rule: 'unsafe-output-dir',
      message: `output_dir ${JSON.stringify(manifest.output_dir)} must be a plain relative folder inside the app`,
    });
  }

  const patterns = compilePatterns(policy.forbidden_patterns);
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
    const pathProblem = unsafePath(file.path);
    if (pathProblem === 'absolute-path') {
      violations.push({ rule: pathProblem, file: file.path, message: 'Absolute paths are not allowed' });
    } else if (pathProblem === 'path-traversal') {
      violations.push({ rule: pathProblem, file: file.path, message: 'Paths may not contain "..", backslashes or NUL' });
    }
    if (matchesAnyGlob(file.path, policy.files.protected_paths)) {
      violations.push({
        rule: 'protected-path',
        file: file.path,
        message: 'Writes to CI configuration, git hooks or package-manager settings are not allowed (files.protected_paths)',
      });
    }
    if (seen.has(file.path)) violations.push({ rule: 'duplicate-path', file: file.path, message: 'The same path appears twice' });
    seen.add(file.path);

    // Binary files are only counted; patterns and package rules read text.
    if (file.encoding === 'base64') continue;
    if (file.path === 'package.json' || file.path.endsWith('/package.json')) {
      violations.push(...checkPackageJson(file.path, file.content, policy));
    }
    for (const pattern of patterns) {
      if (!matchesAnyGlob(file.path, pattern.files)) continue;
      const found = scan(pattern, file.path, file.content);
      if (found) violations.push(found);
    }
  }
  if (total > policy.files.max_total_bytes) {
    violations.push({
      rule: 'total-too-large',
      message: `${total} bytes in all; files.max_total_bytes is ${policy.files.max_total_bytes}`,
    });
  }
  for (const field of COMMAND_FIELDS) {
    for (const pattern of patterns) {
      if (!pattern.commands) continue;
      const found = scan(pattern, `manifest:${field}`, manifest[field]);
      if (found) violations.push(found);
    }
  }
  return violations;
}

/** One line per violation: `rule  file:line  message`. */
export function formatViolation(v: Violation): string {
  const where = v.file ? `${v.file}${v.line ? `:${v.line}` : ''}` : '(manifest)';
  return `${v.rule}  ${where}  ${v.message}`;
}
