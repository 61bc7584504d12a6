import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** What the twin needs from the image's final stage. */
export interface ImageConfig {
  readonly env: Record<string, string>;
  readonly user: string | null;
  readonly workdir: string | null;
  readonly entrypoint: string[];
  readonly cmd: string[];
  /** Paths declared with VOLUME. */
  readonly volumes: string[];
  /** Ownership `RUN … chown U:G path` gives paths in the image. */
  readonly owners: Record<string, { uid: number; gid: number }>;
  /** Modes `RUN … chmod NNNN path` gives paths in the image. */
  readonly modes: Record<string, number>;
}

function jsonOrShell(text: string): string[] {
  const t = text.trim();
  if (t.startsWith('[')) return JSON.parse(t) as string[];
  return ['/bin/sh', '-c', t];
}

/**
 * Reads the instructions of a Dockerfile's final stage that decide how the container starts:
 * ENV, USER, WORKDIR, ENTRYPOINT, CMD, VOLUME and the `chown`/`chmod` of `RUN` lines.
 */
export function parseDockerfile(text: string): ImageConfig {
  const logical: string[] = [];
  let buffer = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!buffer && (line.trim().startsWith('#') || line.trim() === '')) continue;
    if (line.endsWith('\\')) {
      buffer += line.slice(0, -1) + ' ';
      continue;
    }
    logical.push((buffer + line).trim());
    buffer = '';
  }
  const stages: string[][] = [];
  for (const line of logical) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  const final = stages.at(-1) ?? [];
  const config = { env: {} as Record<string, string>, user: null as string | null, workdir: null as string | null };
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  const volumes: string[] = [];
  const owners: Record<string, { uid: number; gid: number }> = {};
  const modes: Record<string, number> = {};
  for (const line of final) {
    const [, instruction = '', rest = ''] = /^(\S+)\s+([\s\S]*)$/.exec(line) ?? [];
    switch (instruction.toUpperCase()) {
      case 'ENV':
        for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
          config.env[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
        }
        break;
      case 'USER':
        config.user = rest.trim();
        break;
      case 'WORKDIR':
        config.workdir = rest.trim();
        break;
      case 'ENTRYPOINT':
        entrypoint = jsonOrShell(rest);
        break;
      case 'CMD':
        cmd = jsonOrShell(rest);
        break;
      case 'VOLUME':
        volumes.push(...(rest.trim().startsWith('[') ? (JSON.parse(rest) as string[]) : rest.trim().split(/\s+/)));
        break;
      case 'RUN':
        for (const m of rest.matchAll(/chown\s+(?:-R\s+)?(\d+):(\d+)\s+([^&;|]+)/g)) {
          for (const path of (m[3] as string).trim().split(/\s+/)) owners[path] = { uid: Number(m[1]), gid: Number(m[2]) };
        }
        for (const m of rest.matchAll(/chmod\s+(?:-R\s+)?([0-7]{3,4})\s+([^&;|]+)/g)) {
          for (const path of (m[2] as string).trim().split(/\s+/)) modes[path] = parseInt(m[1] as string, 8);
        }
        break;
    }
  }
  return { ...config, entrypoint, cmd, volumes, owners, modes };
}

/**
 * Creates the host folder behind one Fargate task-definition volume (no host or EFS settings: a
 * task-scoped scratch volume). As AWS documents for bind mounts, it is owned by root with mode
 * 0755, unless the image declares the same container path as a VOLUME: then the image's
 * ownership and mode of that path are copied.
 */
export function createScratchVolume(hostDir: string, containerPath: string, image: ImageConfig): { uid: number; gid: number } {
  mkdirSync(hostDir, { recursive: true });
  const declared = image.volumes.includes(containerPath);
  const owner = declared ? (image.owners[containerPath] ?? { uid: 0, gid: 0 }) : { uid: 0, gid: 0 };
  chownSync(hostDir, owner.uid, owner.gid);
  chmodSync(hostDir, declared ? (image.modes[containerPath] ?? 0o755) : 0o755);
  return owner;
}

/** The capabilities Docker (and so Fargate) gives a container before the definition adds or drops any. */
const DOCKER_DEFAULT_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
] as const;

interface ContainerDefinition {
  readonly Name: string;
  readonly Environment?: Array<{ Name: string; Value: string }>;
  readonly User?: string;
  readonly ReadonlyRootFilesystem?: boolean;
  readonly MountPoints?: Array<{ ContainerPath: string; SourceVolume: string; ReadOnly?: boolean }>;
  readonly Command?: string[];
  readonly EntryPoint?: string[];
  readonly WorkingDirectory?: string;
  readonly StopTimeout?: number;
  readonly LinuxParameters?: { Capabilities?: { Add?: string[]; Drop?: string[] }; InitProcessEnabled?: boolean };
}

export interface ContainerOverride {
  readonly Name: string;
  readonly Environment?: Array<{ Name: string; Value: string }>;
  readonly Command?: string[];
}

export interface FargateTaskOptions {
  /** The task definition's properties from the template (resolved). */
  readonly taskDefinition: { ContainerDefinitions: ContainerDefinition[]; Volumes?: Array<{ Name: string }> };
  readonly overrides: readonly ContainerOverride[];
  readonly image: ImageConfig;
  /** Host folders laid over the image's root (e.g. the bundled entrypoint at /opt/gantry). */
  readonly imageLayers: ReadonlyArray<{ source: string; target: string }>;
  /** Host folder under which the task's scratch volumes are created. */
  readonly scratchDir: string;
  /** What Fargate and the task role add to the environment (region, credentials endpoint, …). */
  readonly platformEnvironment: Record<string, string>;
  readonly onOutput?: (line: string) => void;
}

export interface RunningTask {
  readonly done: Promise<{ exitCode: number | null; output: string }>;
  /** ECS StopTask: SIGTERM, then SIGKILL after the container's StopTimeout. */
  stop(): void;
}

/** The container's capability set: Docker's defaults, minus the definition's drops, plus its adds. */
export function containerCapabilities(container: ContainerDefinition): string[] {
  const norm = (c: string): string => c.toUpperCase().replace(/^CAP_/, '');
  const drop = (container.LinuxParameters?.Capabilities?.Drop ?? []).map(norm);
  const add = (container.LinuxParameters?.Capabilities?.Add ?? []).map(norm);
  const all = drop.includes('ALL');
  const kept = new Set<string>(DOCKER_DEFAULT_CAPABILITIES.filter((c) => !all && !drop.includes(c)));
  for (const c of add) kept.add(c);
  return [...kept].sort();
}

/**
 * Runs the essential container of a task definition the way Fargate would, as far as a laptop
 * can: the image's entrypoint (or the definition's), the environment merged image → definition →
 * overrides → platform, the definition's user, a read-only root when the definition says so, each
 * mount point bound to a fresh scratch volume ({@link createScratchVolume}), and the container's
 * capabilities (Docker's defaults minus the definition's drops plus its adds).
 *
 * bubblewrap runs as the host's root without a user namespace, because the container must start
 * as real uid 0 with real capabilities: the task's entry point (`setpriv`) switches to the
 * builder's uid and the builder starts the app's commands under yet another uid, and a user
 * namespace maps only one uid for an unprivileged caller. bubblewrap gives the container its own
 * root (read-only binds of the host's /usr, /etc, /bin, /lib), pid, ipc and uts namespaces, and
 * only the container's capabilities; the network stays shared so the task reaches the twin's
 * endpoints as a task reaches VPC endpoints. Unlike Docker it does not narrow the bounding set,
 * which matters only to a process that could gain capabilities by exec (the entry point sets
 * no_new_privs). A definition user other than root is applied with `setpriv` inside the sandbox,
 * which leaves that process no effective capability, as Docker does.
 */
export function runFargateTask(options: FargateTaskOptions): RunningTask {
  if (process.getuid?.() !== 0) {
    throw new Error('The twin starts Fargate tasks as the host root (the task definition starts its container as uid 0)');
  }
  const [container] = options.taskDefinition.ContainerDefinitions;
  if (!container) throw new Error('The task definition has no container');
  const override = options.overrides.find((o) => o.Name === container.Name);
  const env: Record<string, string> = { ...options.image.env };
  for (const { Name, Value } of container.Environment ?? []) env[Name] = Value;
  for (const { Name, Value } of override?.Environment ?? []) env[Name] = Value;
  Object.assign(env, options.platformEnvironment);
  env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

  const user = container.User ?? options.image.user ?? '0:0';
  const [uidText, gidText] = user.split(':');
  const uid = Number(uidText);
  const gid = Number(gidText ?? uidText);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`The twin needs a numeric user, got ${user}`);

  const args = ['--unshare-pid', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session'];
  args.push('--cap-drop', 'ALL');
  for (const cap of containerCapabilities(container)) args.push('--cap-add', `CAP_${cap}`);
  args.push('--proc', '/proc', '--dev', '/dev');
  for (const dir of ['/usr', '/etc']) args.push('--ro-bind', dir, dir);
  for (const dir of ['/bin', '/lib', '/lib64', '/sbin']) {
    if (existsSync(dir)) args.push('--ro-bind', dir, dir);
  }
  for (const layer of options.imageLayers) {
    // As root, bubblewrap creates missing parents 0700; an image's folders are 0755.
    const parents = layer.target.split('/').slice(1, -1);
    parents.forEach((_, i) => args.push('--perms', '0755', '--dir', `/${parents.slice(0, i + 1).join('/')}`));
    args.push('--ro-bind', layer.source, layer.target);
  }
  const volumes = new Set((options.taskDefinition.Volumes ?? []).map((v) => v.Name));
  for (const mount of container.MountPoints ?? []) {
    if (!volumes.has(mount.SourceVolume)) throw new Error(`Mount point ${mount.ContainerPath} names no volume of the task`);
    const hostDir = join(options.scratchDir, mount.SourceVolume);
    createScratchVolume(hostDir, mount.ContainerPath, options.image);
    args.push(mount.ReadOnly ? '--ro-bind' : '--bind', hostDir, mount.ContainerPath);
  }
  if (container.ReadonlyRootFilesystem) args.push('--remount-ro', '/');
  const workdir = container.WorkingDirectory ?? options.image.workdir ?? '/';
  args.push('--chdir', workdir, '--clearenv');
  for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v);
  const entrypoint = container.EntryPoint ?? options.image.entrypoint;
  const command = override?.Command ?? container.Command ?? options.image.cmd;
  const argv = [...entrypoint, ...command];
  if (argv.length === 0) throw new Error('The task has neither an entrypoint nor a command');
  const asUser = uid === 0 && gid === 0 ? [] : ['/usr/bin/setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'];

  const child: ChildProcess = spawn('bwrap', [...args, '--', ...asUser, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Whole lines per stream, as the awslogs driver ships them: a chunk may end mid-line.
  const lineReader = (): { onData: (d: Buffer) => void; flush: () => void } => {
    let partial = '';
    return {
      onData: (d) => {
        const text = d.toString();
        output += text;
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) if (line) options.onOutput?.(line);
      },
      flush: () => {
        if (partial) options.onOutput?.(partial);
        partial = '';
      },
    };
  };
  const stdout = lineReader();
  const stderr = lineReader();
  child.stdout?.on('data', stdout.onData);
  child.stderr?.on('data', stderr.onData);
  const done = new Promise<{ exitCode: number | null; output: string }>((resolve) => {
    child.on('close', (code) => {
      stdout.flush();
      stderr.flush();
      resolve({ exitCode: code, output });
    });
  });
  let killTimer: NodeJS.Timeout | undefined;
  void done.then(() => clearTimeout(killTimer));
  return {
    done,
    stop: () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), (container.StopTimeout ?? 30) * 1000);
      killTimer.unref();
    },
  };
}
