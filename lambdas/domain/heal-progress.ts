import type { TestOutcome } from './build-result';
import type { AttemptRecord } from './mission';

/**
 * The heal loop's rule that it never goes backwards: an attempt is accepted only if every test
 * that passed in any earlier attempt still passes (a test that is missing does not pass, so
 * deleting a test never "fixes" it). The next heal always starts from the best accepted attempt.
 * Pure functions over build results and attempt records.
 */

/**
 * Names of passing tests, with repeated names told apart by their occurrence (`name`, `name #2`, …)
 * so two tests that share a name in different files both count.
 */
export function passingTests(tests: readonly TestOutcome[]): Set<string> {
  const seen = new Map<string, number>();
  const passing = new Set<string>();
  for (const test of tests) {
    const n = (seen.get(test.name) ?? 0) + 1;
    seen.set(test.name, n);
    if (test.ok) passing.add(n === 1 ? test.name : `${test.name} #${n}`);
  }
  return passing;
}

/** Tests that passed in some earlier attempt and do not pass now, in a stable order. */
export function regressions(current: readonly TestOutcome[], earlier: ReadonlyArray<readonly TestOutcome[]>): string[] {
  const now = passingTests(current);
  const before = new Set<string>();
  for (const tests of earlier) for (const name of passingTests(tests)) before.add(name);
  return [...before].filter((name) => !now.has(name)).sort();
}

/** Whether the record counts as kept (records from before the heal loop have no `accepted`: they were). */
export const isAccepted = (record: AttemptRecord): boolean => record.accepted !== false;

/**
 * The best accepted attempt: most passing tests, then one whose build passed, then the latest.
 * Null when no attempt was accepted (cannot happen: the first attempt has nothing to regress from).
 */
export function bestAttempt(records: readonly AttemptRecord[]): AttemptRecord | null {
  let best: AttemptRecord | null = null;
  for (const record of records) {
    if (!isAccepted(record)) continue;
    if (
      best === null ||
      record.tests_passed > best.tests_passed ||
      (record.tests_passed === best.tests_passed && (record.ok ? 1 : 0) >= (best.ok ? 1 : 0))
    ) {
      best = record;
    }
  }
  return best;
}

/** What the audit decides for one attempt. */
export type AttemptOutcome = 'passed' | 'failed' | 'discarded';

export function outcomeOf(ok: boolean, regressed: readonly string[]): AttemptOutcome {
  if (regressed.length > 0) return 'discarded';
  return ok ? 'passed' : 'failed';
}
