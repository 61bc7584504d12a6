import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyFile, parsePolicy, PROJECT_ROOT } from '../../lambdas/domain/policy-file';
import { MISSION_SUBSTITUTIONS, missionDefinitionJson, substitute } from '../../lambdas/domain/mission-definition';
import { checkManifest } from '../../lambdas/domain/policy-gate';
import type { GantryManifest } from '../../lambdas/domain/manifest';

const text = readFileSync(join(PROJECT_ROOT, 'policy.yaml'), 'utf8');

describe('policy.yaml', () => {
  test('the shipped policy carries the seed defaults', () => {
    const { policy, hash } = loadPolicyFile();
    expect(policy.builder).toMatchObject({
      memory_mb: 512,
      cpu_percent: 50,
      install_timeout_seconds: 90,
      command_timeout_seconds: 120,
      dead_man_switch_seconds: 180,
    });
    expect(policy.mission).toEqual({ timeout_seconds: 600, max_attempts: 3 });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('an unknown or mistyped key is refused with its path', () => {
    expect(() => parsePolicy(text.replace('memory_mb: 512', 'memory_mb: "lots"'))).toThrow(/builder\.memory_mb/);
    expect(() => parsePolicy(`${text}\nsurprise: true\n`)).toThrow(/surprise|Unrecognized/i);
    expect(() => parsePolicy('version: [')).toThrow(/not valid YAML/);
  });
});

describe('mission definition', () => {
  const { policy } = loadPolicyFile();
  test('timeouts come from policy and every placeholder is substituted', () => {
    // A long mission timeout is kept; a short one is raised to the worst case the states allow.
    const json = missionDefinitionJson({ ...policy, mission: { ...policy.mission, timeout_seconds: 86_400 } });
    const values = Object.fromEntries(MISSION_SUBSTITUTIONS.map((n) => [n, `value-${n}`])) as never;
    const def = JSON.parse(substitute(json, values));
    expect(def.TimeoutSeconds).toBe(86_400);
    const short = JSON.parse(missionDefinitionJson({ ...policy, mission: { ...policy.mission, timeout_seconds: 321 } }));
    expect(short.TimeoutSeconds).toBeGreaterThan(321);
    expect(def.States.Build.TimeoutSeconds).toBeGreaterThan(policy.builder.dead_man_switch_seconds);
    expect(def.States.Build.Resource).toBe('arn:aws:states:::ecs:runTask.sync');
    expect(JSON.stringify(def)).not.toMatch(/\$\{/);
    expect(def.States.Architect.Resource).toBe('value-StepArchitectFunctionArn');
  });

  test('a missing substitution is an error, not a leftover placeholder', () => {
    expect(() => substitute('{"a":"${Nope}"}', {} as never)).toThrow(/Nope/);
  });

  test('every task state catches into RecordFailure (a crashed build first goes to Audit)', () => {
    const def = JSON.parse(missionDefinitionJson(policy));
    for (const [name, state] of Object.entries<any>(def.States)) {
      if (state.Type === 'Task' && name !== 'RecordFailure') {
        expect(state.Catch?.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' });
        expect(state.TimeoutSeconds).toBeGreaterThan(0);
      }
    }
  });
});

describe('policy gate (shape rules)', () => {
  const { policy } = loadPolicyFile();
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
  test('a clean manifest passes', () => {
    expect(checkManifest(base, policy)).toEqual([]);
  });
  test.each([
    ['path-traversal', { files: [{ path: '../evil.js', content: '' }] }],
    ['absolute-path', { files: [{ path: '/etc/passwd', content: '' }] }],
    ['protected-path', { files: [{ path: '.github/workflows/x.yml', content: '' }] }],
    ['stack-not-allowed', { stack: 'php' }],
    ['file-too-large', { files: [{ path: 'big.txt', content: 'x'.repeat(policy.files.max_file_bytes + 1) }] }],
    [
      'too-many-files',
      { files: Array.from({ length: policy.files.max_count + 1 }, (_, i) => ({ path: `f${i}.txt`, content: '' })) },
    ],
  ])('refuses %s', (rule, patch) => {
    expect(checkManifest({ ...base, ...(patch as Partial<GantryManifest>) }, policy).map((v) => v.rule)).toContain(rule);
  });
});
