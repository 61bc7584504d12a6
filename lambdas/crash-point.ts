/** The places the kill tests (the stack's, the publisher's) can stop the process at deterministically. */
export type CrashPoint = 'repo-init' | 'repo-first-commit' | 'proceed';

/**
 * Test-only fault injection. With `GANTRY_TEST_CRASH_AT=<point>` in the environment the process
 * kills itself with SIGKILL when it reaches that point, as a power cut would, so the kill test
 * (`test/hardening/kill-resume.test.ts`) can hit moments too short to catch by timing. Without the
 * variable (always, outside that test) it does nothing. Read here rather than in the config module
 * on purpose: it is not configuration, and it must cost nothing and say nothing when unset.
 */
export function crashPoint(point: CrashPoint): void {
  if (process.env.GANTRY_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
