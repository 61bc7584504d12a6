import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GantryManifestSchema } from '../../lambdas/domain/manifest';
import { type Policy } from '../../lambdas/domain/policy';
import { loadPolicyFile, PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { checkManifest } from '../../lambdas/domain/policy-gate';

/**
 * The policy corpus: manifests the gate must refuse (each with the rule, and where the rule looks
 * inside a file, the file and line it must name) and manifests it must let through. They run
 * against the shipped policy.yaml; an entry may lower one limit so the corpus stays small.
 */
const CORPUS = join(PROJECT_ROOT, 'test', 'policy-corpus');
interface Expectation {
  rule: string;
  file?: string;
  line?: number;
  policy?: Record<string, Record<string, unknown>>;
  why: string;
}
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as {
  violating: Record<string, Expectation>;
  clean: Record<string, string>;
};
const shipped = loadPolicyFile(join(PROJECT_ROOT, 'policy.yaml')).policy;

function withOverrides(overrides: Expectation['policy']): Policy {
  const policy = { ...shipped } as Record<string, unknown>;
  for (const [section, values] of Object.entries(overrides ?? {})) {
    policy[section] = { ...(policy[section] as Record<string, unknown>), ...values };
  }
  return policy as Policy;
}

function load(folder: string, name: string) {
  return GantryManifestSchema.parse(JSON.parse(readFileSync(join(CORPUS, folder, name), 'utf8')));
}

const violating = readdirSync(join(CORPUS, 'violating')).filter((f) => f.endsWith('.json'));
const clean = readdirSync(join(CORPUS, 'clean')).filter((f) => f.endsWith('.json'));

test('the corpus holds at least 55 violating and 12 clean manifests, each described in expected.json', () => {
  expect(violating.length).toBeGreaterThanOrEqual(55);
  expect(clean.length).toBeGreaterThanOrEqual(12);
  expect(Object.keys(expected.violating).sort()).toEqual([...violating].sort());
  expect(Object.keys(expected.clean).sort()).toEqual([...clean].sort());
  // Every rule family the issue names is represented.
  const rules = new Set(Object.values(expected.violating).map((e) => e.rule));
  for (const rule of [
    'dynamic-code-execution',
    'child-process',
    'crypto-mining',
    'secret-env-read',
    'environment-exfiltration',
    'path-traversal',
    'file-too-large',
    'stack-not-allowed',
    'protected-path',
    'dependency-not-allowed',
    'computed-module-load',
    'runtime-internals',
    'env-read',
    'unparsable-code',
    'file-type-not-allowed',
    'executable-content',
    'package-script-command',
    'remote-script',
    'reverse-shell',
  ]) {
    expect(rules).toContain(rule);
  }
});

describe('violating manifests are refused, each with its rule, file and line', () => {
  test.each(violating)('%s', (name) => {
    const want = expected.violating[name]!;
    const violations = checkManifest(load('violating', name), withOverrides(want.policy));
    expect(violations.length).toBeGreaterThan(0);
    const hit = violations.find((v) => v.rule === want.rule);
    if (!hit) throw new Error(`${name}: expected rule ${want.rule}, got ${JSON.stringify(violations)}`);
    if (want.file !== undefined) expect(hit.file).toBe(want.file);
    if (want.line !== undefined) expect(hit.line).toBe(want.line);
    expect(hit.message.length).toBeGreaterThan(10);
  });
});

describe('clean manifests pass', () => {
  test.each(clean)('%s', (name) => {
    expect(checkManifest(load('clean', name), shipped)).toEqual([]);
  });
});

test('every forbidden pattern of the shipped policy is exercised by the corpus', () => {
  const rules = new Set(Object.values(expected.violating).map((e) => e.rule));
  for (const pattern of shipped.forbidden_patterns) expect(rules).toContain(pattern.name);
});
