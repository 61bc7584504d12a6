import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildResultSchema } from '../../lambdas/domain/build-result';
import { copyBuildOutput, runBuilderJob } from '../../local/sandbox/run-builder-job';
import type { LocalSandbox } from '../../local/sandbox/local-sandbox';
import {
  appManifest,
  BUILDER_LIMITS,
  openTempDir,
  ownRunCgroups,
  PidWatcher,
  testSandbox,
  removeTempDirs,
} from './sandbox-fixtures';

describe('runBuilderJob (builder entrypoint in the sandbox)', () => {
  let sandbox: LocalSandbox;
  let jobRoot: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    jobRoot = join(openTempDir('gantry-jobs-'), 'jobs');
  });

  afterAll(() => removeTempDirs());

  afterEach(() => {
    expect(sandbox.activeCgroupDirs()).toEqual([]);
    expect(ownRunCgroups(sandbox)).toEqual([]);
  });

  it('builds a valid app: tests parsed, output listed and copyable, log streamed', async () => {
    const lines: string[] = [];
    const phases: string[] = [];
    const job = await runBuilderJob({
      jobRoot,
      jobId: 'ok-1',
      manifest: appManifest(),
      limits: BUILDER_LIMITS,
      sandbox,
      onLog: (line) => lines.push(line),
      onEvent: (event) => phases.push(event.type === 'phase' ? `start ${event.phase}` : `end ${event.result.phase}`),
    });
    const { result } = job;
    expect(BuildResultSchema.parse(result)).toBeTruthy();
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.failed_phase).toBeNull();
    expect(result.end_reason).toBe('exit');
    expect(result.commands.map((c) => c.phase)).toEqual(['audit', 'build']); // no dependencies: install skipped
    expect(result.tests).toEqual([{ name: 'adds', ok: true }]);
    expect(result.output_files).toEqual(['index.html']);
    expect(phases).toEqual(['start audit', 'end audit', 'start build', 'end build']);
    expect(lines).toContain('ok 1 - adds');
    expect(lines.some((l) => l.includes('install: skipped'))).toBe(true);

    expect(job.jobDir).toBe(join(jobRoot, 'ok-1'));
    expect(job.outputDir).toBe(join(jobRoot, 'ok-1', 'app', 'dist'));
    expect(readFileSync(join(job.outputDir, 'index.html'), 'utf8')).toBe('<h1>tiny</h1>');
    expect(existsSync(join(job.jobDir, 'build.log'))).toBe(true);
    const dest = openTempDir('gantry-deploy-');
    expect(await copyBuildOutput(job.outputDir, dest)).toEqual(['index.html']);
    expect(readFileSync(join(dest, 'index.html'), 'utf8')).toBe('<h1>tiny</h1>');
  });

  it('reports a failing test as a failed audit, names it, and does not build', async () => {
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'fail-1',
      manifest: appManifest({ failingTest: true }),
      limits: BUILDER_LIMITS,
      sandbox,
    });
    expect(result.ok).toBe(false);
    expect(result.failed_phase).toBe('audit');
    expect(result.end_reason).toBe('exit');
    expect(result.tests).toEqual([
      { name: 'adds', ok: true },
      { name: 'subtracts', ok: false },
    ]);
    expect(result.commands.map((c) => c.phase)).toEqual(['audit']);
    expect(result.commands[0]?.exit_code).not.toBe(0);
    expect(result.commands[0]?.log_tail).toContain('not ok 2 - subtracts');
    expect(result.output_files).toEqual([]);
  });

  it('refuses an unsafe path and writes nothing', async () => {
    const manifest = appManifest();
    const job = await runBuilderJob({
      jobRoot,
      jobId: 'unsafe-1',
      manifest: { ...manifest, files: [...manifest.files, { path: '../escape.js', content: 'owned' }] },
      limits: BUILDER_LIMITS,
      sandbox,
    });
    expect(job.result.ok).toBe(false);
    expect(job.result.end_reason).toBe('error');
    expect(job.result.commands).toEqual([]);
    expect(job.result.error).toMatch(/refused unsafe path "\.\.\/escape\.js"/);
    expect(existsSync(join(job.jobDir, 'escape.js'))).toBe(false);
    expect(existsSync(join(job.jobDir, 'app')) ? readdirSync(join(job.jobDir, 'app')) : []).toEqual([]);
  });

  it('does not trust a result.json the app forged before killing the builder', async () => {
    const forged = JSON.stringify({
      ok: true,
      failed_phase: null,
      end_reason: 'exit',
      commands: [],
      tests: [],
      output_files: ['index.html'],
      duration_ms: 1,
      started_at: '2020-01-01T00:00:00.000Z',
    });
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'forged-1',
      manifest: appManifest({ audit_command: `printf '%s' '${forged}' > /job/result.json; kill -9 $PPID` }),
      limits: BUILDER_LIMITS,
      sandbox,
    });
    expect(result.ok).toBe(false);
    expect(result.end_reason).toBe('error');
    expect(result.failed_phase).toBe('audit');
    expect(result.error).toMatch(/exited with/);
  });

  it('kills a hanging command at the command timeout', async () => {
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'cmd-timeout-1',
      manifest: appManifest({ audit_command: 'sleep 60' }),
      limits: { ...BUILDER_LIMITS, command_timeout_seconds: 1 },
      sandbox,
    });
    expect(result.ok).toBe(false);
    expect(result.failed_phase).toBe('audit');
    expect(result.end_reason).toBe('timeout');
    expect(result.commands[0]?.duration_ms).toBeLessThan(3000);
  });

  it("stops a whole job at the dead man's switch and leaves no process", async () => {
    const watcher = new PidWatcher(sandbox);
    const started = Date.now();
    const lines: string[] = [];
    try {
      const { result } = await runBuilderJob({
        jobRoot,
        jobId: 'deadman-1',
        manifest: appManifest({ audit_command: 'echo about to hang; sleep 60 & sleep 60' }),
        limits: { ...BUILDER_LIMITS, command_timeout_seconds: 60, dead_man_switch_seconds: 3 },
        sandbox,
        onLog: (l) => lines.push(l),
      });
      expect(result.ok).toBe(false);
      expect(result.end_reason).toBe('deadman');
      expect(result.failed_phase).toBe('audit');
      expect(result.commands.at(-1)?.end_reason).toBe('deadman');
      expect(result.commands.at(-1)?.log_tail).toContain('about to hang');
      expect(BuildResultSchema.safeParse(result).success).toBe(true);
    } finally {
      watcher.stop();
    }
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(7000);
    expect(lines).toContain('about to hang');
    expect(watcher.pids.size).toBeGreaterThanOrEqual(3);
    expect(watcher.survivors()).toEqual([]);
    expect(watcher.leftoverCgroups()).toEqual([]);
  });

  it('reports an OOM-killed test run as memory (host-side cgroup evidence)', async () => {
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'oom-1',
      manifest: appManifest({ audit_command: `node -e "const k=[]; for(;;) k.push(Buffer.alloc(1<<20,1))"` }),
      limits: { ...BUILDER_LIMITS, memory_mb: 160 },
      sandbox,
    });
    expect(result.ok).toBe(false);
    expect(result.failed_phase).toBe('audit');
    expect(result.end_reason).toBe('memory');
    expect(result.commands[0]?.end_reason).toBe('memory');
  });

  it('cancels a build within 2 s', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const { result } = await runBuilderJob({
      jobRoot,
      jobId: 'cancel-1',
      manifest: appManifest({ audit_command: 'sleep 60' }),
      limits: BUILDER_LIMITS,
      sandbox,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'phase') {
          setTimeout(() => {
            abortedAt = Date.now();
            controller.abort();
          }, 200);
        }
      },
    });
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(2000);
    expect(result.end_reason).toBe('killed');
    expect(result.failed_phase).toBe('audit');
  });
});
