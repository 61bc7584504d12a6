import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builderRunOptions, runBuilderJob } from '../../local/sandbox/run-builder-job';
import type { LocalSandbox } from '../../local/sandbox/local-sandbox';
import { MemoryStallWatch } from '../../local/sandbox/memory-stall';
import { WarmBuilders } from '../../local/sandbox/warm-builders';
import {
  appManifest,
  BUILDER_LIMITS,
  openTempDir,
  ownRunCgroups,
  PidWatcher,
  removeTempDirs,
  testSandbox,
} from './sandbox-fixtures';

/**
 * Builders started ahead of their jobs: a job that takes one gets the same build, folder and
 * limits as a builder started for it, its dead man's switch counts from its own start, a cancel
 * still ends every process, and a builder made for other limits is never used.
 */
describe('warm builders', () => {
  let sandbox: LocalSandbox;
  let jobRoot: string;
  let warm: WarmBuilders;

  const until = async (what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const warmFolders = (): string[] => readdirSync(jobRoot).filter((n) => /^\d+-\d+-warm\d+$/.test(n));

  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  beforeEach(() => {
    jobRoot = join(openTempDir('gantry-warm-'), 'jobs');
    warm = new WarmBuilders({
      sandbox,
      jobRoot,
      size: () => 1,
      runOptions: (launch, limits) => builderRunOptions(sandbox, launch, limits, 'stdin'),
    });
  });
  afterEach(async () => {
    await warm.close();
    expect(warmFolders()).toEqual([]);
    expect(sandbox.activeCgroupDirs()).toEqual([]);
    expect(ownRunCgroups(sandbox)).toEqual([]);
  });
  afterAll(() => removeTempDirs());

  it('a job takes the waiting builder: same build, the job its own folder, the next builder started', async () => {
    warm.fill(BUILDER_LIMITS);
    await until('a waiting builder', () => warm.waiting === 1);
    const [first] = warmFolders();
    // Waiting is not running: a builder slot's count of running builds does not see it.
    expect(sandbox.activeRunCount()).toBe(0);

    const job = await runBuilderJob({
      jobRoot,
      jobId: 'warm-ok',
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      sandbox,
      warm,
    });
    expect(job.result.error).toBeUndefined();
    expect(job.result.ok).toBe(true);
    expect(job.result.commands.map((c) => c.phase)).toEqual(['audit', 'build']);
    expect(job.result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(job.result.output_files).toEqual(['index.html']);
    expect(job.jobDir).toBe(join(jobRoot, 'warm-ok'));
    expect(existsSync(join(job.outputDir, 'index.html'))).toBe(true);
    expect(existsSync(join(job.jobDir, 'result.json'))).toBe(true);
    // The builder it took is gone (its folder is the job's now), its claim moved to the job.
    expect(existsSync(join(jobRoot, first!))).toBe(false);
    expect(existsSync(join(jobRoot, '.owners', first!))).toBe(false);
    expect(existsSync(join(jobRoot, '.owners', 'warm-ok'))).toBe(true);
    await until('the next waiting builder', () => warm.waiting === 1 && warmFolders()[0] !== first);
  }, 60_000);

  it("the dead man's switch counts from the job's start, not from the builder's", async () => {
    // The builder waits longer than the switch; the job itself (seconds under a loaded suite) has
    // all of it. Counted from the builder's start, the switch would end the job at once.
    const limits = { ...BUILDER_LIMITS, dead_man_switch_seconds: 6 };
    warm.fill(limits);
    await until('a waiting builder', () => warm.waiting === 1);
    await new Promise((r) => setTimeout(r, 6500));
    const job = await runBuilderJob({ jobRoot, jobId: 'warm-late', manifest: appManifest(), limits, sandbox, warm });
    expect(job.result.end_reason).toBe('exit');
    expect(job.result.ok).toBe(true);
    expect(existsSync(join(jobRoot, 'warm-late', 'result.json'))).toBe(true);
  }, 60_000);

  it('a cancel ends every process of a job on a warm builder', async () => {
    warm.fill(BUILDER_LIMITS);
    await until('a waiting builder', () => warm.waiting === 1);
    const [first] = warmFolders();
    const watcher = new PidWatcher(sandbox);
    const controller = new AbortController();
    let abortedAt = 0;
    const job = await runBuilderJob({
      jobRoot,
      jobId: 'warm-cancel',
      manifest: appManifest({
        audit_command: 'node -e "setInterval(() => {}, 1000)" & node -e "setInterval(() => {}, 1000)"; wait',
      }),
      limits: BUILDER_LIMITS,
      sandbox,
      warm,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'phase' && event.phase === 'audit') {
          setTimeout(() => {
            watcher.poll();
            abortedAt = Date.now();
            controller.abort();
          }, 500);
        }
      },
    });
    watcher.stop();
    expect(abortedAt).toBeGreaterThan(0);
    expect(job.result.end_reason).toBe('killed');
    expect(watcher.pids.size).toBeGreaterThan(0);
    expect(watcher.survivors()).toEqual([]);
    expect(watcher.leftoverCgroups()).toEqual([]);
    expect(existsSync(join(jobRoot, first!))).toBe(false);
  }, 60_000);

  it('a builder made for other limits is ended, not taken: the job starts its own', async () => {
    warm.fill({ ...BUILDER_LIMITS, cpu_percent: 100 });
    await until('a waiting builder', () => warm.waiting === 1);
    const [stale] = warmFolders();
    const limits = { ...BUILDER_LIMITS, cpu_percent: 50 };
    const job = await runBuilderJob({ jobRoot, jobId: 'warm-other', manifest: appManifest(), limits, sandbox, warm });
    expect(job.result.ok).toBe(true);
    await until('the stale builder gone', () => !existsSync(join(jobRoot, stale!)));
  }, 60_000);

  it('a builder that died while it waited is not taken: the job starts its own', async () => {
    warm.fill(BUILDER_LIMITS);
    await until('a waiting builder', () => warm.waiting === 1 && ownRunCgroups(sandbox).length > 0);
    const [dead] = warmFolders();
    // Let the builder's processes start, then kill them all from the host.
    await new Promise((r) => setTimeout(r, 500));
    for (const dir of ownRunCgroups(sandbox)) {
      for (const pid of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
    await until('the dead builder forgotten', () => !existsSync(join(jobRoot, dead!)));
    const job = await runBuilderJob({
      jobRoot,
      jobId: 'warm-dead',
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      sandbox,
      warm,
    });
    expect(job.result.ok).toBe(true);
    expect(job.result.error).toBeUndefined();
  }, 60_000);

  it('a waiting builder is not watched: its disk and memory are sampled once its job starts', async () => {
    const observe = jest.spyOn(MemoryStallWatch.prototype, 'observe');
    try {
      warm.fill(BUILDER_LIMITS);
      await until('a waiting builder', () => warm.waiting === 1 && ownRunCgroups(sandbox).length > 0);
      // Five of the watch's periods: an idle stack's builders would be read ten times a second.
      await new Promise((r) => setTimeout(r, 500));
      expect(observe).not.toHaveBeenCalled();
      const job = await runBuilderJob({
        jobRoot,
        jobId: 'warm-watched',
        manifest: appManifest(),
        limits: BUILDER_LIMITS,
        sandbox,
        warm,
      });
      expect(job.result.ok).toBe(true);
      // The job's own run was watched (its tests and build take several periods).
      expect(observe).toHaveBeenCalled();
    } finally {
      observe.mockRestore();
    }
  }, 60_000);

  it('close ends the waiting builders and removes their folders', async () => {
    warm.fill(BUILDER_LIMITS);
    await until('a waiting builder', () => warm.waiting === 1);
    expect(ownRunCgroups(sandbox).length).toBeGreaterThan(0);
    await warm.close();
    await until('the folders gone', () => warmFolders().length === 0);
    warm.fill(BUILDER_LIMITS);
    expect(warm.waiting).toBe(0);
  }, 60_000);
});
