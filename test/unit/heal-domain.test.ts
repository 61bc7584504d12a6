import { budgetBreach, BudgetExceededError, describeBreach, missionSpend } from '../../lambdas/domain/budget';
import { bestAttempt, outcomeOf, passingTests, regressions } from '../../lambdas/domain/heal-progress';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { diffLines, diffManifests } from '../../lambdas/domain/manifest-diff';
import type { AttemptRecord } from '../../lambdas/domain/mission';

const t = (name: string, ok: boolean) => ({ name, ok });

describe('heal progress', () => {
  test('a test that passed before and fails now is a regression; a missing one too', () => {
    const first = [t('adds', true), t('subtracts', true), t('multiplies', false)];
    expect(regressions([t('adds', true), t('subtracts', false), t('multiplies', true)], [first])).toEqual(['subtracts']);
    expect(regressions([t('multiplies', true)], [first])).toEqual(['adds', 'subtracts']);
    expect(regressions([t('adds', true), t('subtracts', true), t('multiplies', true)], [first])).toEqual([]);
  });

  test('every earlier attempt counts, including a discarded one', () => {
    const one = [t('a', true), t('b', false)];
    const two = [t('a', false), t('b', true)];
    expect(regressions([t('a', true), t('b', false)], [one, two])).toEqual(['b']);
  });

  test('tests that share a name are told apart by occurrence', () => {
    expect([...passingTests([t('renders', true), t('renders', false), t('renders', true)])]).toEqual(['renders', 'renders #3']);
    expect(regressions([t('renders', true), t('renders', false)], [[t('renders', true), t('renders', true)]])).toEqual([
      'renders #2',
    ]);
  });

  const record = (attempt: number, fields: Partial<AttemptRecord>): AttemptRecord => ({
    attempt,
    ok: false,
    failed_phase: 'audit',
    end_reason: 'exit',
    tests_passed: 0,
    tests_failed: 0,
    duration_ms: 1000,
    command_ms: 500,
    ...fields,
  });

  test('the best attempt is the accepted one with most passing tests, then a passing build, then the latest', () => {
    const attempts = [
      record(1, { tests_passed: 2 }),
      record(2, { tests_passed: 3, accepted: false }),
      record(3, { tests_passed: 2 }),
    ];
    expect(bestAttempt(attempts)?.attempt).toBe(3);
    expect(bestAttempt([...attempts, record(4, { tests_passed: 1, ok: true })])?.attempt).toBe(3);
    expect(bestAttempt([record(1, { tests_passed: 2, ok: true }), record(2, { tests_passed: 2 })])?.attempt).toBe(1);
    // Records from before the heal loop have no `accepted`: they count as kept.
    expect(bestAttempt([record(1, {})])?.attempt).toBe(1);
    expect(bestAttempt([record(1, { accepted: false })])).toBeNull();
  });

  test('outcomes', () => {
    expect(outcomeOf(true, [])).toBe('passed');
    expect(outcomeOf(false, [])).toBe('failed');
    expect(outcomeOf(true, ['x'])).toBe('discarded');
  });
});

describe('manifest diff', () => {
  const manifest = (files: Record<string, string>, fields: Partial<GantryManifest> = {}): GantryManifest => ({
    project_name: 'x',
    stack: 'static-web',
    description: '',
    features: [],
    audit_command: 'npm test',
    build_command: 'npm run build',
    output_dir: 'dist',
    run_command: '',
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    ...fields,
  });

  test('the edit script reproduces both texts (random texts)', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = (): string => Array.from({ length: Math.floor(next() * 20) }, () => 'abcd'[Math.floor(next() * 4)]).join('\n');
    for (let i = 0; i < 500; i++) {
      const a = text();
      const b = text();
      const ops = diffLines(a, b);
      expect(ops.filter((o) => o.kind !== '+').map((o) => o.line)).toEqual(a === '' ? [] : a.split('\n'));
      expect(ops.filter((o) => o.kind !== '-').map((o) => o.line)).toEqual(b === '' ? [] : b.split('\n'));
    }
  });

  test('a one-line change is a one-line hunk with context; files added, removed and fields are listed', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const before = manifest({ 'a.js': `${lines.join('\n')}\n`, 'old.txt': 'bye\n' });
    const changed = [...lines];
    changed[9] = 'line ten';
    const after = manifest({ 'a.js': `${changed.join('\n')}\n`, 'new.txt': 'hi\n' }, { audit_command: 'node --test' });
    const diff = diffManifests(before, after);
    expect(diff.text).toContain('@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n');
    expect(diff.text).toContain('--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+hi\n');
    expect(diff.text).toContain('--- a/old.txt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-bye\n');
    expect(diff.text).toContain('-audit_command: "npm test"\n+audit_command: "node --test"');
    expect(diff).toMatchObject({
      files_added: ['new.txt'],
      files_removed: ['old.txt'],
      files_modified: ['manifest:fields', 'a.js'],
      files_changed: 4,
      lines_added: 3,
      lines_removed: 3,
    });
    expect(diff.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(diffManifests(before, before)).toMatchObject({ text: '', files_changed: 0 });
  });
});

describe('budget', () => {
  const budget = { max_tokens: 1000, max_cost_usd: 1, max_builder_seconds: 10 };
  const spend = (builder: number, usage?: unknown) =>
    missionSpend({ attempts: [{ duration_ms: builder * 1000 } as AttemptRecord], usage });

  test('spend: builder seconds from attempts, tokens and cost from the mission usage', () => {
    expect(spend(3)).toEqual({ tokens: 0, cost_usd: 0, builder_seconds: 3 });
    expect(spend(1, { total_tokens: 900, estimated_cost_usd: 0.4 })).toMatchObject({ tokens: 900, cost_usd: 0.4 });
    expect(spend(1, { input_tokens: 10, output_tokens: 5 })).toMatchObject({ tokens: 15 });
    expect(spend(1, 'garbage')).toMatchObject({ tokens: 0, cost_usd: 0 });
  });

  test('a cap passed, or one the next step would pass, is a breach with a clear message', () => {
    expect(budgetBreach(spend(3), budget)).toBeNull();
    expect(budgetBreach(spend(3), budget, { builder_seconds: 3 })).toBeNull();
    const wouldPass = budgetBreach(spend(6), budget, { builder_seconds: 6 });
    expect(wouldPass).toEqual({ resource: 'builder_seconds', used: 6, projected: 6, limit: 10 });
    expect(describeBreach(wouldPass!)).toBe(
      'Budget exceeded: 6 builder seconds spent and the next attempt would add about 6 builder seconds, past budget.max_builder_seconds (10 builder seconds)',
    );
    expect(budgetBreach(spend(10), budget)?.resource).toBe('builder_seconds');
    const tokens = budgetBreach(spend(1, { total_tokens: 1001 }), budget);
    expect(new BudgetExceededError(tokens!).message).toBe(
      'Budget exceeded: 1001 tokens spent, past budget.max_tokens (1000 tokens)',
    );
    expect(budgetBreach(spend(1, { estimated_cost_usd: 1.5 }), budget)?.resource).toBe('cost_usd');
    expect(new BudgetExceededError(tokens!)).toMatchObject({ code: 'BUDGET_EXCEEDED', name: 'BudgetExceededError' });
  });
});
