/**
 * The uid the generated app's commands run as, distinct from the builder's own.
 *
 * Why: an app command running as the builder's uid could read the builder's environment from
 * `/proc/<pid>/environ` (it carries the presigned job URL), ptrace it, or signal it. Under another
 * uid the kernel refuses all three (the ptrace access check requires equal uids or
 * CAP_SYS_PTRACE, which nothing in the task holds).
 *
 * How, with the least privilege that works on Fargate: Fargate can add no capability but
 * SYS_PTRACE, so the task keeps only four of Docker's defaults (CHOWN, KILL, SETGID, SETUID; the
 * rest are dropped) and starts as root only long enough for `setpriv` to switch to the builder's
 * uid with exactly those four as ambient capabilities. The builder then uses them to hand the app
 * its folders (CHOWN), to start each command under the app's uid through `setpriv` with every
 * capability cleared and no_new_privs set (SETUID, SETGID), to end the app's processes on a
 * timeout or cancel (KILL), and to take the output back before reading it (CHOWN). No process of
 * the task runs as root after the first exec; no app process holds any capability.
 */
import { existsSync } from 'node:fs';
import { lchown, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface AppIdentity {
  readonly uid: number;
  readonly gid: number;
  /** Absolute path of util-linux `setpriv`. */
  readonly setpriv: string;
}

/** Capabilities the builder keeps (ambient) so it can run and end the app under another uid. */
export const BUILDER_CAPABILITIES = ['chown', 'kill', 'setgid', 'setuid'] as const;

export function findSetpriv(): string | null {
  return ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p)) ?? null;
}

/**
 * The argv prefix that starts a command as the app: its uid and gid, no supplementary groups, no
 * inheritable (hence no ambient) capabilities, and no way to gain any through exec.
 */
export function appCommandPrefix(identity: AppIdentity): string[] {
  return [
    identity.setpriv,
    `--reuid=${identity.uid}`,
    `--regid=${identity.gid}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--no-new-privs',
    '--',
  ];
}

/**
 * Gives a folder tree to a uid without following links (lchown): the app's folders before its
 * commands run, and the output back to the builder before it is read.
 */
export async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  const stat = await lstat(path).catch(() => null);
  if (!stat) return;
  await lchown(path, uid, gid);
  if (!stat.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
}

/** The builder's uid in the image (the `node` user of node:22-slim) and the app's. */
export const BUILDER_UID = 1000;
export const APP_UID = 1001;

/**
 * How the task starts the builder: as root only for this exec, which switches to the builder's uid
 * keeping {@link BUILDER_CAPABILITIES} as ambient capabilities (the only way a non-root process
 * holds a capability across exec) and sets no_new_privs. The task definition's entry point.
 */
export function builderLaunchArgv(opts: {
  readonly setpriv: string;
  readonly node: string;
  readonly entrypoint: string;
}): string[] {
  const caps = `-all,${BUILDER_CAPABILITIES.map((c) => `+${c}`).join(',')}`;
  return [
    opts.setpriv,
    `--reuid=${BUILDER_UID}`,
    `--regid=${BUILDER_UID}`,
    '--clear-groups',
    `--inh-caps=${caps}`,
    `--ambient-caps=${caps}`,
    '--no-new-privs',
    '--',
    opts.node,
    opts.entrypoint,
  ];
}
