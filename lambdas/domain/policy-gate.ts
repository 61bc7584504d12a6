import { analyzeJavaScript, inlineScripts, type SourceKind, type SyntaxRules } from './js-syntax-rules';
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
function checkPackageJson(path: string, text: string, policy: Policy, programs: readonly string[]): Violation[] {
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
  if (scripts !== undefined && (typeof scripts !== 'object' || scripts === null || Array.isArray(scripts))) {
    violations.push({
      rule: 'package-json-invalid',
      file: path,
      line: keyLine(text, 'scripts'),
      message: 'scripts must be an object',
    });
  } else if (scripts !== undefined) {
    violations.push(...checkPackageScripts(path, text, scripts as Record<string, unknown>, programs));
  }
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

/** Operators that start another command inside one script line. */
const COMMAND_SEPARATOR = /&&|\|\||[;|&\n]/;

/**
 * Every command of every package.json script starts a program the stack's profile allows, with
 * no inline code (`node -e`) and no command substitution. `npm test` and `npm run build` run these
 * in the builder, so a script is as much a command as the manifest's own.
 */
function checkPackageScripts(
  path: string,
  text: string,
  scripts: Record<string, unknown>,
  programs: readonly string[],
): Violation[] {
  const violations: Violation[] = [];
  for (const [name, value] of Object.entries(scripts)) {
    const line = keyLine(text, name);
    if (typeof value !== 'string') {
      violations.push({ rule: 'package-json-invalid', file: path, line, message: `scripts.${name} must be a string` });
      continue;
    }
    if (/`|\$\(|<\(|>\(/.test(value)) {
      violations.push({
        rule: 'package-script-command',
        file: path,
        line,
        message: `scripts.${name} uses command substitution ("${excerpt(value)}"); scripts run plain commands only`,
      });
      continue;
    }
    for (const command of value.split(COMMAND_SEPARATOR)) {
      const words = command
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
      const program = words[0];
      if (program === undefined) continue;
      if (!programs.includes(program)) {
        violations.push({
          rule: 'package-script-command',
          file: path,
          line,
          message: `scripts.${name} starts ${JSON.stringify(program)}; scripts may start only ${programs.join(', ')} (stacks.profiles.*.script_programs)`,
        });
        break;
      }
      if (program === 'node' && words.some((w) => /^(?:-e|-p|--eval|--print|-pe|-ep)(?:=|$)/.test(w))) {
        violations.push({
          rule: 'package-script-command',
          file: path,
          line,
          message: `scripts.${name} runs inline code with node ${words.find((w) => w.startsWith('-'))}; scripts run reviewed files only`,
        });
        break;
      }
    }
  }
  return violations;
}

/** File name and lowercased extension (`''` when the name has none; a leading dot is not one). */
function fileType(path: string): { name: string; ext: string } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return { name, ext: dot > 0 ? name.slice(dot + 1).toLowerCase() : '' };
}

/** Leading bytes of executables and native code: ELF, PE (MZ), Mach-O, WebAssembly, Java class. */
const EXECUTABLE_MAGIC: ReadonlyArray<{ readonly bytes: readonly number[]; readonly what: string }> = [
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable or shared library' },
  { bytes: [0x4d, 0x5a], what: 'a Windows executable (MZ)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'a Mach-O executable' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a Mach-O universal binary or Java class' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
];

/** What executable content a file starts with, or null. A `#!` line is allowed only on JavaScript run by node. */
function executableContent(bytes: Buffer, ext: string): string | null {
  for (const magic of EXECUTABLE_MAGIC) {
    if (bytes.length >= magic.bytes.length && magic.bytes.every((b, i) => bytes[i] === b)) return magic.what;
  }
  // Skip a UTF-8 byte-order mark before looking for a shebang.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[start] === 0x23 && bytes[start + 1] === 0x21) {
    const line =
      bytes
        .subarray(start, start + 200)
        .toString('utf8')
        .split('\n')[0] ?? '';
    const byNode = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?node\b|\/usr\/(?:local\/)?bin\/node\b)/.test(line);
    if (!(byNode && ['js', 'mjs', 'cjs'].includes(ext))) return `a script for ${JSON.stringify(excerpt(line))}`;
  }
  return null;
}

const syntaxRulesCache = new WeakMap<Policy['code_analysis'], SyntaxRules>();

function syntaxRules(analysis: Policy['code_analysis']): SyntaxRules {
  let rules = syntaxRulesCache.get(analysis);
  if (!rules) {
    const forbiddenModules = new Map<string, { rule: string; reason: string }>();
    for (const group of analysis.forbidden_modules) {
      for (const name of group.modules) forbiddenModules.set(name, { rule: group.rule, reason: group.reason });
    }
    rules = { forbiddenModules, allowedEnv: new Set(analysis.allowed_env) };
    syntaxRulesCache.set(analysis, rules);
  }
  return rules;
}

/** Syntax-tree findings for one text file: JavaScript files whole, pages by their inline scripts. */
function checkSyntax(path: string, text: string, ext: string, policy: Policy): Violation[] {
  const analysis = policy.code_analysis;
  const rules = syntaxRules(analysis);
  if (matchesAnyGlob(path, analysis.files)) {
    const kind: SourceKind = ext === 'mjs' ? 'module' : ext === 'cjs' ? 'script' : 'either';
    return analyzeJavaScript(text, kind, rules).map((f) => ({ ...f, file: path }));
  }
  if (matchesAnyGlob(path, analysis.html_files)) {
    return inlineScripts(text).flatMap((script) =>
      analyzeJavaScript(script.code, script.kind, rules).map((f) => ({
        ...f,
        file: path,
        line: f.line + script.firstLine - 1,
        message: `inline <script>: ${f.message}`,
      })),
    );
  }
  return [];
}

/**
 * Keeps one violation per rule and file: the one on the earliest line (patterns come first, so a
 * pattern wins a tie with the syntax tree and keeps its "found …" excerpt).
 */
function firstPerRuleAndFile(violations: readonly Violation[]): Violation[] {
  const best = new Map<string, Violation>();
  for (const v of violations) {
    const key = `${v.rule}\0${v.file ?? ''}`;
    const held = best.get(key);
    if (!held || (v.line ?? 0) < (held.line ?? 0)) best.set(key, v);
  }
  return [...best.values()];
}

/**
 * Checks a manifest against the policy: stack, file count and sizes, path rules, the output
 * folder, file types the stack allows and executable content, the dependency allowlist and the
 * scripts of every package.json, every forbidden pattern (reported with the file and line of its
 * first match), and the syntax-tree rules for JavaScript and inline page scripts. Pure; returns
 * every violation, the first of each rule in each file.
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
  // A stack outside stacks.allowed is refused above; its files are still checked by content.
  const profile = Object.hasOwn(policy.stacks.profiles, manifest.stack) ? policy.stacks.profiles[manifest.stack] : undefined;
  let total = 0;
  const seen = new Set<string>();
  for (const file of manifest.files) {
    // Decoded size: a base64 file counts for the bytes it writes, not for its longer text form.
    const size = manifestFileBytes(file).length;
    total += size;
    if (size > policy.files.max_file_bytes) {
      violations.push({
        rule: 'file-too-large',
        file: file.path,
        message: `${size} bytes; files.max_file_bytes is ${policy.files.max_file_bytes}`,
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

    const { name, ext } = fileType(file.path);
    const isText = profile ? profile.text_extensions.includes(ext) || profile.file_names.includes(name) : true;
    if (profile && !isText && !profile.binary_extensions.includes(ext)) {
      violations.push({
        rule: 'file-type-not-allowed',
        file: file.path,
        message: `${ext ? `.${ext} files have` : `${JSON.stringify(name)} has`} no place in a ${manifest.stack} app (stacks.profiles.${manifest.stack} allows ${[...profile.text_extensions, ...profile.binary_extensions].map((e) => `.${e}`).join(' ')})`,
      });
      continue;
    }
    const bytes = manifestFileBytes(file);
    const executable = executableContent(bytes, ext);
    if (executable) {
      violations.push({
        rule: 'executable-content',
        file: file.path,
        line: 1,
        message: `The file holds ${executable}, whatever its name says; apps ship no executables`,
      });
      continue;
    }
    // Binary types are only counted and sniffed; a text type is read even when sent as base64, so
    // encoding cannot hide code from the rules below.
    if (!isText) continue;
    const text = file.encoding === 'base64' ? bytes.toString('utf8') : file.content;
    const found: Violation[] = [];
    if (name === 'package.json') found.push(...checkPackageJson(file.path, text, policy, profile?.script_programs ?? []));
    for (const pattern of patterns) {
      if (!matchesAnyGlob(file.path, pattern.files)) continue;
      const hit = scan(pattern, file.path, text);
      if (hit) found.push(hit);
    }
    found.push(...checkSyntax(file.path, text, ext, policy));
    violations.push(...firstPerRuleAndFile(found));
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
