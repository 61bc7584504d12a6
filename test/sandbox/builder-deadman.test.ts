import { deadmanSchedule } from '../../builder-image/src/build-job';
import { runBuild } from '../../builder-image/src/build-runner';
import { buildStateTimeoutSeconds } from '../../lambdas/domain/mission-definition';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { appManifest, BUILDER_LIMITS, openTempDir, removeTempDirs } from './sandbox-fixtures';

afterAll(() => removeTempDirs());

describe("the AWS builder's dead man's switch", () => {
  test('the commands end before the switch, which ends before the Build state times out', () => {
    const { policy } = loadPolicyFile();
    const schedule = deadmanSchedule(policy.builder, 0);
    // Even if install, audit and build each used their whole own limit, they stop at the deadline.
    expect(policy.builder.install_timeout_seconds + 2 * policy.builder.command_timeout_seconds).toBeGreaterThan(
      policy.builder.dead_man_switch_seconds,
    );
    expect(schedule.commandsDeadlineMs).toBeLessThan(schedule.hardDeadlineMs);
    expect(schedule.hardDeadlineMs / 1000).toBeLessThan(buildStateTimeoutSeconds(policy));
    expect(deadmanSchedule({ dead_man_switch_seconds: 3600 }, 0)).toEqual({
      commandsDeadlineMs: 3570_000,
      hardDeadlineMs: 3600_000,
    });
  });

  test('a command that would outlive the switch is cut at it and the build ends with deadman', async () => {
    const startedAt = Date.now();
    const result = await runBuild({
      appDir: openTempDir('gantry-deadman-'),
      manifest: appManifest({ audit_command: 'sleep 30' }),
      // The command's own limit (30 s) is far later than the deadline.
      limits: { ...BUILDER_LIMITS, command_timeout_seconds: 30 },
      deadlineMs: startedAt + 1500,
    });
    expect(result).toMatchObject({ ok: false, failed_phase: 'audit', end_reason: 'deadman' });
    expect(result.commands.map((c) => [c.phase, c.end_reason])).toEqual([['audit', 'deadman']]);
  });

  test("a command's own shorter limit still ends it as a timeout", async () => {
    const result = await runBuild({
      appDir: openTempDir('gantry-deadman-'),
      manifest: appManifest({ audit_command: 'sleep 30' }),
      limits: { ...BUILDER_LIMITS, command_timeout_seconds: 1 },
      deadlineMs: Date.now() + 60_000,
    });
    expect(result).toMatchObject({ failed_phase: 'audit', end_reason: 'timeout' });
  });

  test('no command starts after the deadline', async () => {
    const result = await runBuild({
      appDir: openTempDir('gantry-deadman-'),
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      deadlineMs: Date.now() - 1,
    });
    expect(result).toMatchObject({ ok: false, failed_phase: 'audit', end_reason: 'deadman', commands: [] });
  });
});
