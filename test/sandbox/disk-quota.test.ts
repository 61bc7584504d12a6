import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { detectDiskQuota, JobDisk, sweepJobDisks } from '../../local/sandbox/job-disk';
import { LocalSandbox, type SweepReport } from '../../local/sandbox/local-sandbox';
import { ownerToken } from '../../local/sandbox/process-identity';
import { runBuilderJob } from '../../local/sandbox/run-builder-job';
import {
  appManifest,
  BUILDER_LIMITS,
  jobDirFor,
  openTempDir,
  removeTempDirs,
  SMALL_LIMITS,
  testSandbox,
} from './sandbox-fixtures';

/**
 * The job folder's disk quota: /job is a fixed-size filesystem for the run, so a job that writes
 * past it is refused by the kernel and stopped with end reason `disk`, and the host keeps at most
 * the quota's worth of its files.
 */

/** Bytes a folder takes on the host's disk (blocks actually used, not apparent sizes). */
function diskUsage(dir: string): number {
  return Number(execFileSync('du', ['-s', '-B1', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/** Mount points under `dir` in this process's mount table. */
function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((point) => point.startsWith(dir));
}

const MB = 1024 * 1024;
let sandbox: LocalSandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});
afterAll(() => removeTempDirs());

test('this machine enforces disk quotas (root, loop devices, mkfs.ext4)', () => {
  expect(detectDiskQuota(true)).toHaveProperty('support');
  expect(sandbox.describe().enforced.disk).toBe('quota');
  expect(sandbox.describe().summary).toMatch(/disk quota/);
});

test('a job writing 200 MB into a 32 MB quota is stopped with disk; the host keeps under 32 MB of it', async () => {
  const jobDir = await jobDirFor(sandbox);
  const run = await sandbox.run({
    argv: ['/bin/sh', '-c', 'dd if=/dev/zero of=/job/big bs=1M count=200; echo "dd ended $?"'],
    jobDir,
    limits: { ...SMALL_LIMITS, diskMb: 32 },
    timeoutMs: 30_000,
  });
  expect(run.end_reason).toBe('disk');
  expect(run.disk_full).toBe(true);
  expect(run.stderr).toMatch(/No space left on device/);
  expect(diskUsage(jobDir)).toBeLessThanOrEqual(32 * MB);
  expect(lstatSync(join(jobDir, 'big')).size).toBeLessThanOrEqual(32 * MB);
  // The disk is gone: nothing mounted, no image left behind.
  expect(mountsUnder(sandbox.root)).toEqual([]);
  expect(readdirSync(join(sandbox.root, 'disks'))).toEqual([]);
});

test('a job that ignores ENOSPC and keeps writing is stopped at the full disk, not at its timeout', async () => {
  const jobDir = await jobDirFor(sandbox);
  const script = [
    "const fs = require('node:fs');",
    'const chunk = Buffer.alloc(1 << 20, 7);',
    'for (let i = 0; ; i++) { try { fs.writeFileSync(`/job/f${i % 4096}`, chunk); } catch {} }',
  ].join('\n');
  const run = await sandbox.run({
    argv: [sandbox.nodePath, '-e', script],
    jobDir,
    limits: { ...SMALL_LIMITS, diskMb: 24 },
    timeoutMs: 60_000,
  });
  expect(run.end_reason).toBe('disk');
  expect(run.exit_code).toBeNull();
  expect(diskUsage(jobDir)).toBeLessThanOrEqual(24 * MB);
  expect(mountsUnder(sandbox.root)).toEqual([]);
});

test('within the quota: the job folder is seen inside, and what the run wrote (links as links) comes back', async () => {
  const jobDir = await jobDirFor(sandbox);
  writeFileSync(join(jobDir, 'input.txt'), 'from the host');
  const run = await sandbox.run({
    argv: [
      '/bin/sh',
      '-c',
      'cat /job/input.txt > /job/copy.txt && mkdir /job/out && head -c 1048576 /dev/zero > /job/out/one-mb && ln -s /etc/passwd /job/link && rm /job/input.txt && df -k /job | tail -1',
    ],
    jobDir,
    limits: { ...SMALL_LIMITS, diskMb: 16 },
    timeoutMs: 20_000,
  });
  expect(run).toMatchObject({ end_reason: 'exit', exit_code: 0, disk_full: false });
  // Inside, /job is a filesystem of about 16 MB (less its own bookkeeping).
  const totalKb = Number(run.stdout.trim().split(/\s+/)[1]);
  expect(totalKb).toBeGreaterThan(12 * 1024);
  expect(totalKb).toBeLessThanOrEqual(16 * 1024);
  expect(readFileSync(join(jobDir, 'copy.txt'), 'utf8')).toBe('from the host');
  expect(lstatSync(join(jobDir, 'out', 'one-mb')).size).toBe(MB);
  expect(lstatSync(join(jobDir, 'link')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(jobDir, 'link'))).toBe('/etc/passwd');
  expect(existsSync(join(jobDir, 'input.txt'))).toBe(false);
  expect(mountsUnder(sandbox.root)).toEqual([]);
});

test('a job folder larger than its quota is refused with disk before anything runs', async () => {
  const jobDir = await jobDirFor(sandbox);
  writeFileSync(join(jobDir, 'too-big'), Buffer.alloc(20 * MB, 1));
  const run = await sandbox.run({
    argv: ['/bin/sh', '-c', 'echo ran'],
    jobDir,
    limits: { ...SMALL_LIMITS, diskMb: 16 },
    timeoutMs: 20_000,
  });
  expect(run).toMatchObject({ end_reason: 'disk', disk_full: true, stdout: '' });
  expect(run.error).toMatch(/larger than its 16 MB disk/);
  expect(mountsUnder(sandbox.root)).toEqual([]);
});

test('a build that writes past builder.disk_mb ends with end reason disk and says why', async () => {
  const jobRoot = join(openTempDir('gantry-jobs-'), 'jobs');
  const { result, jobDir } = await runBuilderJob({
    jobRoot,
    jobId: 'disk-hog-1',
    manifest: appManifest({ build_command: 'head -c 100000000 /dev/zero > /job/app/fill.bin' }),
    limits: { ...BUILDER_LIMITS, disk_mb: 24 },
    sandbox,
  });
  expect(result.ok).toBe(false);
  expect(result.end_reason).toBe('disk');
  expect(result.failed_phase).toBe('build');
  expect(result.commands.at(-1)?.end_reason).toBe('disk');
  expect(result.error).toMatch(/filled its disk.*24 MB \(builder\.disk_mb\)/);
  expect(diskUsage(jobDir)).toBeLessThanOrEqual(24 * MB);
  expect(mountsUnder(sandbox.root)).toEqual([]);
});

test('without a quota (disabled) runs say so and /job is the job folder itself', async () => {
  const plain = await LocalSandbox.create({ root: openTempDir('gantry-sbx-'), useDiskQuota: false });
  expect(plain.describe().enforced.disk).toBe('none');
  expect(plain.describe().diskQuotaUnavailable).toBe('disabled by configuration');
});

test("a crashed owner's leftover disk is unmounted and deleted by the sweep; a live owner's is kept", async () => {
  const support = detectDiskQuota(true);
  if (!('support' in support)) throw new Error(support.unavailable);
  // Not a folder named `disks`: a sandbox starting meanwhile in another test file sweeps dead
  // owners' disks in every such folder on the machine, and would take this one's first.
  const root = join(openTempDir('gantry-disks-'), 'job-disks');
  // pid 1 with a start time that is not its own: a process that no longer exists.
  const dead = await JobDisk.create(support.support, root, '1-999999999-disk1', 16, null);
  const mine = await JobDisk.create(support.support, root, `${ownerToken()}-disk2`, 16, null);
  expect(mountsUnder(root)).toHaveLength(2);
  expect(await sweepJobDisks(root)).toEqual(['1-999999999-disk1']);
  expect(mountsUnder(root)).toEqual([mine.mountPoint]);
  expect(existsSync(dead.mountPoint)).toBe(false);
  await mine.remove();
  expect(mountsUnder(root)).toEqual([]);
  expect(readdirSync(root)).toEqual([]);
});

test("a sandbox's start-up sweep also ends a dead owner's disks of another data folder, never a live one's", async () => {
  const support = detectDiskQuota(true);
  if (!('support' in support)) throw new Error(support.unavailable);
  const sandbox = await testSandbox();
  // Another stack's sandbox folder: its owner crashed, so its own next start would never come.
  const elsewhere = join(openTempDir('gantry-other-stack-'), 'sandbox', 'disks');
  const live = await JobDisk.create(support.support, elsewhere, `${ownerToken()}-disk8`, 16, null);
  const made: JobDisk[] = [];
  try {
    // A sandbox starting in another test file sweeps the same way and may take the dead disk
    // first: then the scenario is made again (that sweep did the same work, but this one is on trial).
    let report: SweepReport | null = null;
    for (let tries = 0; tries < 5 && !report; tries++) {
      const disk = await JobDisk.create(support.support, elsewhere, `1-999999999-disk${70 + tries}`, 16, null);
      made.push(disk);
      const swept = await sandbox.sweepLeftovers();
      if (swept.disks.includes(basename(disk.mountPoint))) report = swept;
      else expect(existsSync(disk.mountPoint)).toBe(false);
    }
    const dead = made.at(-1)!;
    if (!report) throw new Error('every try, another sweep took the dead disk first');
    expect(report.disks).not.toContain(`${ownerToken()}-disk8`);
    expect(mountsUnder(elsewhere)).toEqual([live.mountPoint]);
    expect(existsSync(dead.mountPoint)).toBe(false);
    expect(existsSync(`${dead.mountPoint}.img`)).toBe(false);
  } finally {
    await live.remove();
    for (const disk of made) await disk.remove();
  }
});
