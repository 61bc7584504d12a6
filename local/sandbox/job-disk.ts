import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, open, readdir, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { isOwnerAlive, parseOwnerToken } from './process-identity';

const run = promisify(execFile);

/** Runs a host program to its end (as `promisify(execFile)`: rejects with its stderr on a non-zero exit). */
export type RunProgram = (
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv },
) => Promise<{ stdout: string; stderr: string }>;

const runHere: RunProgram = (file, args, options) => run(file, [...args], options);

/**
 * A job folder's disk quota: for the length of one run, the sandbox's /job is a fixed-size ext4
 * filesystem in a sparse image file, loop-mounted on the host (nosuid, nodev). Writes past its
 * size fail with ENOSPC inside the sandbox and never reach the host's disk; the image grows only
 * as far as its size. The job folder's files are copied in before the run and the run's files
 * back out after it (all of the run's processes are gone by then), so the folder is an ordinary
 * folder for everything before and after, and the host holds at most the quota's worth of it.
 *
 * Needs root, a loop device and mkfs.ext4 (e2fsprogs); without them runs have no disk quota and
 * the sandbox says so (`describe().enforced.disk`).
 */

/** The tools a disk quota needs, found on this machine. */
export interface DiskQuotaSupport {
  readonly mkfs: string;
}

/** Less free space than this on a job disk counts as full (ext4 keeps a little it never hands out). */
export const DISK_FULL_BYTES = 1024 * 1024;

const TOOL_DIRS = ['/usr/sbin', '/sbin', '/usr/bin', '/bin'];

function tool(name: string): string | null {
  for (const dir of TOOL_DIRS) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

/** What this machine offers for disk quotas, or why it offers none. */
export function detectDiskQuota(isRoot: boolean): { support: DiskQuotaSupport } | { unavailable: string } {
  if (!isRoot) return { unavailable: 'not running as root (mounting a job disk needs it)' };
  const mkfs = tool('mkfs.ext4');
  if (!mkfs) return { unavailable: 'mkfs.ext4 is not installed (apt-get install e2fsprogs)' };
  if (!tool('mount') || !tool('umount')) return { unavailable: 'mount is not installed (apt-get install mount)' };
  if (!existsSync('/dev/loop-control')) return { unavailable: 'no loop devices (/dev/loop-control is missing)' };
  return { support: { mkfs } };
}

/** Every mount point of this process's mount table (spaces in paths are octal-escaped there). */
function mountPoints(): string[] {
  let text = '';
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const decode = (path: string): string =>
    path.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  return text.split('\n').map((line) => decode(line.split(' ')[4] ?? ''));
}

/** Mount points under `root`. */
export function mountsUnder(root: string): string[] {
  return mountPoints().filter((point) => point === root || point.startsWith(`${root}/`));
}

async function unmount(point: string, runProgram: RunProgram = runHere): Promise<void> {
  // Lazy: a leftover may still be busy; the kernel finishes the unmount (and frees the loop
  // device, which mount set to auto-clear) once the last user is gone.
  await runProgram('umount', ['-l', point], { env: { PATH: TOOL_DIRS.join(':') } }).catch(() => undefined);
}

/**
 * Recreates `from`'s tree under `to` with each folder's owner and mode when the tree holds nothing
 * but folders; answers false (having made nothing) when it holds anything else.
 */
async function copyFoldersOnly(from: string, to: string): Promise<boolean> {
  const folders: string[] = [];
  const walk = async (rel: string): Promise<boolean> => {
    for (const entry of await readdir(join(from, rel), { withFileTypes: true })) {
      if (!entry.isDirectory()) return false;
      folders.push(join(rel, entry.name));
      if (!(await walk(join(rel, entry.name)))) return false;
    }
    return true;
  };
  if (!(await walk(''))) return false;
  for (const rel of folders) {
    const stat = await lstat(join(from, rel));
    await mkdir(join(to, rel), { mode: stat.mode & 0o7777 });
    await chmod(join(to, rel), stat.mode & 0o7777);
    await chown(join(to, rel), stat.uid, stat.gid);
  }
  return true;
}

export class JobDisk {
  private constructor(
    /** Where the filesystem is mounted (bound at /job in place of the job folder). */
    readonly mountPoint: string,
    private readonly image: string,
    /** The quota in bytes. */
    readonly sizeBytes: number,
    /** Starts the disk's programs (mkfs and mount, cp, umount). */
    private readonly runProgram: RunProgram,
  ) {}

  /**
   * Makes and mounts a `sizeMb` filesystem as `<root>/<name>` (image `<root>/<name>.img`), its
   * top folder owned by `owner` (the sandbox user). `name` must start with the owner token, so a
   * crashed process's disks are found by `sweepJobDisks`.
   */
  static async create(
    support: DiskQuotaSupport,
    root: string,
    name: string,
    sizeMb: number,
    owner: { uid: number; gid: number } | null,
    runProgram: RunProgram = runHere,
  ): Promise<JobDisk> {
    await mkdir(root, { recursive: true, mode: 0o711 });
    const image = join(root, `${name}.img`);
    const mountPoint = join(root, name);
    const disk = new JobDisk(mountPoint, image, sizeMb * 1024 * 1024, runProgram);
    const env = { PATH: TOOL_DIRS.join(':') };
    try {
      // The sparse image by a file call, then one process formats and mounts it: each process
      // started costs the stack's event loop a fork, and this runs for every build.
      const file = await open(image, 'w', 0o600);
      try {
        await file.truncate(disk.sizeBytes);
      } finally {
        await file.close();
      }
      await mkdir(mountPoint, { mode: 0o700 });
      // No journal and no reserved blocks: a throw-away disk whose whole size is the job's.
      await runProgram(
        '/bin/sh',
        [
          '-c',
          '"$1" -q -F -m 0 -O ^has_journal -E nodiscard "$2" && mount -t ext4 -o loop,nosuid,nodev "$2" "$3"',
          'gantry-disk',
          support.mkfs,
          image,
          mountPoint,
        ],
        { env },
      );
      await rm(join(mountPoint, 'lost+found'), { recursive: true, force: true });
      if (owner) await chown(mountPoint, owner.uid, owner.gid);
    } catch (err) {
      await disk.remove();
      const detail = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
      throw new Error(`cannot set up the job's ${sizeMb} MB disk: ${detail}`);
    }
    return disk;
  }

  /** Copies the job folder's files onto the disk (ownership and links kept as they are). */
  async fill(fromDir: string): Promise<void> {
    // A warm builder's folder holds only its empty home when its disk is made: folders alone are
    // made by file calls, sparing the stack a process start on every build.
    if (await copyFoldersOnly(fromDir, this.mountPoint)) return;
    await this.runProgram('cp', ['-a', '--', `${fromDir}/.`, `${this.mountPoint}/`], { env: { PATH: TOOL_DIRS.join(':') } });
  }

  /** Free bytes left on the disk. */
  freeBytes(): number {
    const stat = statfsSync(this.mountPoint);
    return stat.bavail * stat.bsize;
  }

  /** True when the disk is (all but) full. */
  isFull(): boolean {
    try {
      return this.freeBytes() < DISK_FULL_BYTES;
    } catch {
      return false;
    }
  }

  /**
   * Replaces the job folder's contents with the disk's, then unmounts the disk and deletes its
   * image. Call only once every process of the run is gone: links are copied as links (never
   * followed), so nothing outside the disk is read. One process copies and unmounts (this is on
   * every job's path); the disk is removed even when the copy fails, whose error is thrown after.
   */
  async drainAndRemove(dir: string): Promise<void> {
    try {
      for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
      await this.runProgram('/bin/sh', ['-c', 'cp -a -- "$1/." "$2/" && umount -l "$1"', 'gantry-drain', this.mountPoint, dir], {
        env: { PATH: TOOL_DIRS.join(':') },
      });
    } finally {
      await this.remove();
    }
  }

  /** Unmounts the disk and deletes its image. */
  async remove(): Promise<void> {
    if (mountsUnder(this.mountPoint).length > 0) await unmount(this.mountPoint, this.runProgram);
    await rmdir(this.mountPoint).catch(() => undefined);
    await rm(this.image, { force: true });
  }
}

/** Unmounts a dead owner's disk (if it is mounted) and deletes its mount point and image. */
async function removeLeftover(point: string): Promise<void> {
  if (mountsUnder(point).length > 0) await unmount(point);
  await rmdir(point).catch(() => undefined);
  await rm(`${point}.img`, { force: true });
}

/**
 * Unmounts and deletes job disks anywhere on this machine whose owner process is gone: those of a
 * stack that crashed on another data folder, which its own next start would never sweep. A job
 * disk is known by its name (`<owner token>-disk<n>`, see `create`) in a folder named `disks`; a
 * live owner's disk is never touched. Answers the mount points swept.
 */
export async function sweepOrphanedJobDisks(): Promise<string[]> {
  const swept: string[] = [];
  for (const point of mountPoints()) {
    const name = basename(point);
    if (basename(dirname(point)) !== 'disks' || !/-disk\d+$/.test(name)) continue;
    const owner = parseOwnerToken(name);
    if (!owner || isOwnerAlive(owner.token)) continue;
    await removeLeftover(point);
    swept.push(point);
  }
  return swept;
}

/** Unmounts and deletes the job disks under `root` whose owner process is gone; returns their names. */
export async function sweepJobDisks(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const swept: string[] = [];
  for (const entry of await readdir(root)) {
    const name = entry.replace(/\.img$/, '');
    const owner = parseOwnerToken(name);
    if (!owner || isOwnerAlive(owner.token)) continue;
    await removeLeftover(join(root, name));
    if (!swept.includes(name)) swept.push(name);
  }
  return swept;
}
