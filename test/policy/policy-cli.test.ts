import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';

const CLI = join(PROJECT_ROOT, 'local', 'gantry-cli.js');
const corpus = (...parts: string[]): string => join(PROJECT_ROOT, 'test', 'policy-corpus', ...parts);

function gantry(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GANTRY_POLICY_PATH: '' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-policy-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a violating manifest: exit 1, every violation printed with rule, file and line', () => {
  const r = gantry('policy', 'check', corpus('violating', '13-env-secret-sent-out.json'));
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^REFUSED /);
  expect(r.stdout).toMatch(/environment-exfiltration {2}test\/app\.test\.js:10 {2}/);
  expect(r.stdout).toMatch(/secret-env-read {2}test\/app\.test\.js:10 {2}/);
});

test('a clean manifest: exit 0 and PASSED with the policy hash', () => {
  const r = gantry('policy', 'check', corpus('clean', '02-generated-calculator.json'));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^PASSED .*\(policy [0-9a-f]{12}\)/);
});

test('--json prints the verdict, the policy hash and the violations', () => {
  const r = gantry('policy', 'check', corpus('violating', '24-curl-pipe-sh-build.json'), '--json');
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report).toMatchObject({ verdict: 'REFUSED', policy_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(report.violations).toEqual([
    expect.objectContaining({ rule: 'download-and-execute', file: 'manifest:build_command', line: 1 }),
  ]);
});

test('--policy checks against another policy file (here one that allows the dependency)', () => {
  const policy = parse(readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8'));
  policy.dependencies.allowed = { 'left-pad': '1.3.0' };
  const path = join(dir, 'policy.yaml');
  writeFileSync(path, stringify(policy));
  const manifest = corpus('violating', '44-dependency-not-allowed.json');
  expect(gantry('policy', 'check', manifest).status).toBe(1);
  expect(gantry('policy', 'check', manifest, '--policy', path).status).toBe(0);
});

test('a manifest that is not a manifest is refused as manifest-invalid; usage errors exit 2', () => {
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ project_name: 'Not Valid', files: [] }));
  const r = gantry('policy', 'check', broken);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/manifest-invalid/);
  expect(gantry('policy', 'check').status).toBe(2);
  expect(gantry('policy', 'check', join(dir, 'missing.json')).stderr).toMatch(/ENOENT/);
  const badPolicy = join(dir, 'bad-policy.yaml');
  writeFileSync(badPolicy, 'version: 1\nbuilder: {}\n');
  const p = gantry('policy', 'check', corpus('clean', '01-minimal-app.json'), '--policy', badPolicy);
  expect(p.status).toBe(2);
  expect(p.stderr).toMatch(/builder\./);
});
