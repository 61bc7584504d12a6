import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSandbox, SandboxRunOptions, SandboxRunResult } from '../../local/sandbox/local-sandbox';
import { LocalSandbox as Sandbox, SANDBOX_JOB_DIR } from '../../local/sandbox/local-sandbox';
import { ownerToken } from '../../local/sandbox/process-identity';
import { jobDirFor, openTempDir, ownRunCgroups, PidWatcher, SMALL_LIMITS, testSandbox, removeTempDirs } from './sandbox-fixtures';

/** Runs and watches a command; returns the result and what was left behind. */
async function watchedRun(
  sandbox: LocalSandbox,
  options: Omit<SandboxRunOptions, 'jobDir' | 'onStart'>,
  jobDir?: string,
): Promise<{ run: SandboxRunResult; watcher: PidWatcher }> {
  const watcher = new PidWatcher(sandbox);
  jobDir ??= await jobDirFor(sandbox);
  try {
    const run = await sandbox.run({ ...options, jobDir, onStart: (info) => watcher.add(info) });
    return { run, watcher };
  } finally {
    watcher.stop();
  }
}

async function expectNothingLeft(sandbox: LocalSandbox, run: SandboxRunResult, watcher: PidWatcher): Promise<void> {
  expect(run.cleaned_up).toBe(true);
  expect(watcher.pids.size).toBeGreaterThan(0);
  // run() resolves only after the sandbox's pid-namespace init (and so every process in it) is gone.
  expect(watcher.survivors()).toEqual([]);
  expect(watcher.leftoverCgroups()).toEqual([]);
  expect(sandbox.activeCgroupDirs()).toEqual([]);
  expect(ownRunCgroups(sandbox)).toEqual([]);
}

describe('sandbox limits', () => {
  let sandbox: LocalSandbox;

  beforeAll(async () => {
    sandbox = await testSandbox();
    expect(sandbox.describe().cgroup).not.toBeNull();
  });

  afterAll(() => removeTempDirs());

  it('OOM-kills a process that allocates past its memory cap', async () => {
    const { run, watcher } = await watchedRun(sandbox, {
      argv: [
        sandbox.nodePath,
        '-e',
        'const keep = []; for (let i = 0; i < 2048; i++) keep.push(Buffer.alloc(1 << 20, 1)); console.log("survived")',
      ],
      limits: { ...SMALL_LIMITS, memoryMb: 96 },
      timeoutMs: 20_000,
    });
    expect(run.stdout).not.toContain('survived');
    expect(run.end_reason).toBe('memory');
    expect(run.oom_kills).toBeGreaterThan(0);
    await expectNothingLeft(sandbox, run, watcher);
  });

  it('stops a process that sits at its memory cap paging its own code back in, as memory, long before its timeout', async () => {
    // A copy of node written past the page cache: its code is read in by the run itself, so it is
    // charged to the run's group; at the cap, reclaim drops that code and the process faults it
    // back in instead of being OOM-killed.
    const jobDir = await jobDirFor(sandbox);
    const copy = join(jobDir, 'node-uncached');
    execFileSync('dd', [`if=${sandbox.nodePath}`, `of=${copy}`, 'bs=1M', 'oflag=direct', 'status=none']);
    chmodSync(copy, 0o755);
    const started = Date.now();
    const { run, watcher } = await watchedRun(
      sandbox,
      {
        argv: [`${SANDBOX_JOB_DIR}/node-uncached`, '-e', 'const keep = []; for (;;) keep.push(Buffer.alloc(8 << 20, 1));'],
        limits: { ...SMALL_LIMITS, memoryMb: 96 },
        timeoutMs: 20_000,
      },
      jobDir,
    );
    expect(run.end_reason).toBe('memory');
    // The kernel alone takes from under a second to past 7 s to end such a run, when it does at all.
    expect(Date.now() - started).toBeLessThan(4000);
    await expectNothingLeft(sandbox, run, watcher);
  });

  it('kills a hanging command at its timeout, with everything it started', async () => {
    const started = Date.now();
    const { run, watcher } = await watchedRun(sandbox, {
      argv: ['/bin/sh', '-c', '(sleep 300 &) ; sleep 300 & setsid sleep 300 & wait'],
      limits: SMALL_LIMITS,
      timeoutMs: 1000,
    });
    expect(run.end_reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(watcher.pids.size).toBeGreaterThanOrEqual(3);
    await expectNothingLeft(sandbox, run, watcher);
  });

  it('stops a fork bomb at pids.max and reports it', async () => {
    const { run, watcher } = await watchedRun(sandbox, {
      argv: ['/bin/sh', '-c', 'bomb() { bomb | bomb & }; bomb; sleep 30'],
      limits: { ...SMALL_LIMITS, maxPids: 32 },
      timeoutMs: 2500,
    });
    expect(run.end_reason).toBe('pids');
    expect(run.pids_limit_hits).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/Cannot fork|Resource temporarily unavailable/);
    await expectNothingLeft(sandbox, run, watcher);
  });

  it('cancels through an AbortSignal within 2 s and leaves nothing', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = Date.now();
      controller.abort();
    }, 500);
    const { run, watcher } = await watchedRun(sandbox, {
      argv: ['/bin/sh', '-c', 'trap "" TERM INT; sleep 300 & sleep 300 & wait'],
      limits: SMALL_LIMITS,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(2000);
    expect(run.end_reason).toBe('killed');
    await expectNothingLeft(sandbox, run, watcher);
  });

  it('throttles CPU to the quota', async () => {
    const { run } = await watchedRun(sandbox, {
      argv: [
        sandbox.nodePath,
        '-e',
        'const t0 = Date.now(), c0 = process.cpuUsage(); while (Date.now() - t0 < 1500) {} const c = process.cpuUsage(c0); console.log(((c.user + c.system) / 1000) / (Date.now() - t0))',
      ],
      limits: { ...SMALL_LIMITS, cpuPercent: 20 },
      timeoutMs: 20_000,
    });
    expect(run.end_reason).toBe('exit');
    const share = Number(run.stdout.trim());
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.4);
    expect(run.throttled_periods).toBeGreaterThan(0);
  });

  it("weighs all builders together at a quarter of one of the host's own processes, so a busy host serves the stack first", () => {
    const support = sandbox.describe().cgroup!;
    expect(support.cpuParent).not.toBeNull();
    const [file, ordinary] = support.version === 'v1' ? ['cpu.shares', 1024] : ['cpu.weight', 100];
    const weight = Number(readFileSync(join(support.cpuParent!, file), 'utf8').trim());
    expect(weight).toBe(Math.floor(ordinary / 4));
  });

  it('sweeps run cgroups left by a process that is gone, and keeps those of live ones', async () => {
    // Under a parent of its own: another test process's sandbox sweeps every dead owner's groups
    // under the shared parent, and could take these first.
    const other = new Sandbox({ root: openTempDir('gantry-sbx-'), cgroupParent: `gantry-sweep-${process.pid}` });
    const support = other.describe().cgroup;
    if (!support) throw new Error('cgroups are required for this test');
    // A pid beyond any pid_max stands for a crashed stack; this pid with another start time for a
    // previous process whose pid was reused; this process's own token for a live run.
    const dead = join(support.pidsParent, '4194999-1-1');
    const reused = join(support.pidsParent, `${process.pid}-999999999-1`);
    const live = join(support.pidsParent, `${ownerToken()}-77777`);
    for (const dir of [dead, reused, live]) mkdirSync(dir);
    try {
      const report = await other.sweepLeftovers();
      expect(report.cgroups).toEqual(expect.arrayContaining(['4194999-1-1', `${process.pid}-999999999-1`]));
      expect(report.cgroups).not.toContain(`${ownerToken()}-77777`);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(reused)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      for (const dir of [dead, reused, live]) if (existsSync(dir)) rmdirSync(dir);
      for (const parent of [support.memoryParent, support.pidsParent, support.cpuParent, support.killParent]) {
        if (parent && existsSync(parent)) rmdirSync(parent);
      }
    }
  });

  it('reports a sandbox that cannot start as an error, not as the command failing', async () => {
    const jobDir = await jobDirFor(sandbox);
    const run = await sandbox.run({
      argv: ['/bin/true'],
      jobDir,
      readOnlyBinds: [{ source: join(jobDir, 'no-such-file'), target: '/opt/missing' }],
      limits: SMALL_LIMITS,
      timeoutMs: 5000,
    });
    expect(run.end_reason).toBe('error');
    expect(run.error).toMatch(/did not start/);
    expect(ownRunCgroups(sandbox)).toEqual([]);
  });

  it('without cgroups keeps bubblewrap, caps memory by rlimit and says it is degraded', async () => {
    const partial = new Sandbox({ root: openTempDir('gantry-sbx-'), useCgroups: false });
    const caps = partial.describe();
    expect(caps.isolation).toBe('partial');
    expect(caps.enforced.memory).toBe('rlimit');
    expect(caps.warning).toMatch(/SANDBOX DEGRADED/);
    const jobDir = await jobDirFor(partial);
    const run = await partial.run({
      argv: [partial.nodePath, '-e', 'const keep = []; for (;;) keep.push(Buffer.alloc(1 << 20, 1))'],
      jobDir,
      limits: { ...SMALL_LIMITS, memoryMb: 128 },
      timeoutMs: 20_000,
    });
    expect(run.end_reason).toBe('memory');
  });

  it("without cgroups gives each run its own process budget: the sandbox user's other processes do not use it up", async () => {
    const partial = new Sandbox({ root: openTempDir('gantry-sbx-'), useCgroups: false });
    const runAs = partial.describe().runAs;
    if (!runAs) throw new Error('this test needs root (the dedicated sandbox uid)');
    // Another run, or another stack's, holding more processes of the same uid than this run may start.
    const others = Array.from({ length: 40 }, () =>
      spawn('setpriv', [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', 'sleep', '60'], { stdio: 'ignore' }),
    );
    try {
      const jobDir = await jobDirFor(partial);
      const limits = { ...SMALL_LIMITS, maxPids: 32 };
      const fine = await partial.run({
        argv: ['/bin/sh', '-c', 'for i in 1 2 3 4 5 6 7 8; do sleep 0.2 & done; wait; echo done'],
        jobDir,
        limits,
        timeoutMs: 20_000,
      });
      expect(fine.end_reason).toBe('exit');
      expect(fine.stdout.trim()).toBe('done');
      // The budget is still a cap: a fork bomb hits it.
      const bomb = await partial.run({
        argv: ['/bin/sh', '-c', 'bomb() { bomb | bomb & }; bomb; sleep 30'],
        jobDir,
        limits,
        timeoutMs: 2500,
      });
      expect(bomb.stderr).toMatch(/Cannot fork|Resource temporarily unavailable/);
    } finally {
      for (const child of others) child.kill('SIGKILL');
    }
  });

  it('refuses to run anything without bubblewrap, naming the fix, unless the operator opted in', async () => {
    const refusing = new Sandbox({ root: openTempDir('gantry-sbx-'), bwrapPath: null, useCgroups: false });
    expect(refusing.describe().refusal).toMatch(/bubblewrap.*GANTRY_SANDBOX=none/);
    expect(refusing.describe().warning).toMatch(/SANDBOX UNAVAILABLE.*builds are refused/);
    const refused = await refusing.run({
      argv: ['/bin/sh', '-c', 'echo ran'],
      jobDir: await jobDirFor(refusing),
      limits: SMALL_LIMITS,
      timeoutMs: 5000,
    });
    expect(refused.end_reason).toBe('error');
    expect(refused.error).toMatch(/^SANDBOX_UNAVAILABLE: .*apt-get install bubblewrap.*GANTRY_SANDBOX=none/);
    expect(refused.stdout).toBe('');
  });

  it('with the opt-in, still runs, with timeouts, when bubblewrap and cgroups are unavailable, and says so', async () => {
    const degraded = new Sandbox({
      root: openTempDir('gantry-sbx-'),
      bwrapPath: null,
      useCgroups: false,
      allowUnsandboxed: true,
    });
    const caps = degraded.describe();
    expect(caps.isolation).toBe('none');
    expect(caps.refusal).toBeNull();
    expect(caps.warning).toMatch(/UNSANDBOXED \(GANTRY_SANDBOX=none\)/);
    const jobDir = await jobDirFor(degraded);
    const ok = await degraded.run({
      argv: ['/bin/sh', '-c', 'echo "$HOME" && pwd'],
      jobDir,
      limits: SMALL_LIMITS,
      timeoutMs: 5000,
    });
    expect(ok.end_reason).toBe('exit');
    expect(ok.stdout.trim().split('\n')).toEqual([`${jobDir}/home`, jobDir]);
    const started = Date.now();
    const hung = await degraded.run({ argv: ['/bin/sh', '-c', 'sleep 300'], jobDir, limits: SMALL_LIMITS, timeoutMs: 500 });
    expect(hung.end_reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
