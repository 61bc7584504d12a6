import { existsSync } from 'node:fs';
import { chown, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isOwnerAlive, ownerToken } from './process-identity';

/**
 * Job folders under a job root, each claimed by the process that made it:
 *
 *   <root>/.owners/<name>   owner token (`<pid>-<start time>`), written before the folder
 *   <root>/<name>/          the job folder, bound read-write into the sandbox at /job
 *
 * A folder whose owner process is gone is a leftover (crash, or a finished stack) and is swept.
 */

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class JobDirError extends Error {
  readonly code = 'JOB_DIR_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'JobDirError';
  }
}

export function assertJobName(name: string): void {
  if (!NAME.test(name)) throw new JobDirError(`job id must match ${NAME}: ${JSON.stringify(name)}`);
}

/** Creates the job root (traversable by the sandbox user, so it can reach its own bind source). */
export async function ensureJobRoot(root: string): Promise<void> {
  await mkdir(join(root, '.owners'), { recursive: true, mode: 0o711 });
}

/**
 * Claims `<root>/<name>`: records the owner, removes any previous folder of that name and creates
 * a fresh one (plus `home/`), owned by `owner` when given (the sandbox user).
 */
export async function claimJobDir(root: string, name: string, owner: { uid: number; gid: number } | null): Promise<string> {
  assertJobName(name);
  await ensureJobRoot(root);
  const dir = join(root, name);
  await writeFile(join(root, '.owners', name), ownerToken());
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'home'), { recursive: true, mode: 0o755 });
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    await chown(join(dir, 'home'), owner.uid, owner.gid);
  }
  return dir;
}

/** Gives every file under `dir` to the sandbox user (files the host wrote into a claimed folder). */
export async function chownTree(dir: string, owner: { uid: number; gid: number } | null): Promise<void> {
  if (!owner) return;
  const walk = async (path: string): Promise<void> => {
    const stat = await lstat(path);
    await chown(path, owner.uid, owner.gid);
    if (stat.isDirectory()) for (const entry of await readdir(path)) await walk(join(path, entry));
  };
  await walk(dir);
}

/** Removes a job folder and its claim. */
export async function releaseJobDir(root: string, name: string): Promise<void> {
  assertJobName(name);
  await rm(join(root, name), { recursive: true, force: true });
  await rm(join(root, '.owners', name), { force: true });
}

/** Removes every job folder of `root` whose owner process is gone; returns the removed paths. */
export async function sweepJobDirs(root: string): Promise<string[]> {
  const owners = join(root, '.owners');
  if (!existsSync(owners)) return [];
  const removed: string[] = [];
  for (const name of await readdir(owners)) {
    if (!NAME.test(name)) continue;
    const token = (await readFile(join(owners, name), 'utf8').catch(() => '')).trim();
    if (token && isOwnerAlive(token)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    await rm(join(owners, name), { force: true });
    removed.push(join(root, name));
  }
  return removed;
}

/** `dir` and its parents that `uid` cannot traverse (not its own, o+x missing): bind sources there fail. */
export async function untraversableAncestors(dir: string, uid: number): Promise<string[]> {
  const blocked: string[] = [];
  let current = dir;
  for (;;) {
    const stat = await lstat(current).catch(() => null);
    if (stat && stat.uid !== uid && (stat.mode & 0o001) === 0) blocked.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return blocked;
}
