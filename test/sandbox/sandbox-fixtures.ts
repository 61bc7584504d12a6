import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuilderLimits } from '../../builder-image/src/build-runner';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { claimJobDir } from '../../local/sandbox/job-dirs';
import { LocalSandbox, type SandboxLimits } from '../../local/sandbox/local-sandbox';

const tempDirs: string[] = [];

/** A temp folder every user can traverse (the sandbox user must reach its bind sources). */
export function openTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  tempDirs.push(dir);
  return dir;
}

/** Removes the folders `openTempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A sandbox with its own root, swept on creation. */
export async function testSandbox(): Promise<LocalSandbox> {
  return LocalSandbox.create({ root: openTempDir('gantry-sbx-') });
}

/** A fresh job folder owned by the sandbox user. */
export async function jobDirFor(
  sandbox: LocalSandbox,
  name = `job-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
): Promise<string> {
  return claimJobDir(join(sandbox.root, 'jobs'), name, sandbox.jobOwner());
}

export const SMALL_LIMITS: SandboxLimits = { memoryMb: 128, cpuPercent: 100, maxPids: 64 };

export const BUILDER_LIMITS: BuilderLimits = {
  memory_mb: 512,
  cpu_percent: 100,
  max_pids: 128,
  disk_mb: 512,
  install_timeout_seconds: 30,
  command_timeout_seconds: 30,
  dead_man_switch_seconds: 40,
  max_log_bytes: 65536,
};

/** State and start time of a process, or null when it does not exist. */
function procStat(pid: number): { state: string; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/**
 * True while the process `pid` that started at `started` is alive (not a zombie). The start time
 * matters: pids wrap quickly on a busy host, and a new process may already carry a dead one's pid.
 */
export function isRunning(pid: number, started?: string): boolean {
  const stat = procStat(pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  return started === undefined || stat.started === started;
}

/**
 * Collects the host pids of a run while it goes (from its cgroup folders), so a test can check
 * afterwards that none survived.
 */
export class PidWatcher {
  /** pid → start time, of every process seen in the run. */
  readonly pids = new Map<number, string>();
  readonly cgroupDirs = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly sandbox?: LocalSandbox) {
    this.timer = setInterval(() => this.poll(), 20);
  }

  add(info: { pid: number; cgroupDirs: readonly string[] }): void {
    this.record(info.pid);
    for (const d of info.cgroupDirs) this.cgroupDirs.add(d);
    this.poll();
  }

  poll(): void {
    for (const d of this.sandbox?.activeCgroupDirs() ?? []) this.cgroupDirs.add(d);
    for (const dir of this.cgroupDirs) {
      try {
        for (const line of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n')) if (line) this.record(Number(line));
      } catch {
        // gone already
      }
    }
  }

  private record(pid: number): void {
    if (this.pids.has(pid)) return;
    const stat = procStat(pid);
    if (stat) this.pids.set(pid, stat.started);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  survivors(): number[] {
    return [...this.pids].filter(([pid, started]) => isRunning(pid, started)).map(([pid]) => pid);
  }

  leftoverCgroups(): string[] {
    return [...this.cgroupDirs].filter((d) => existsSync(d));
  }
}

/** Run cgroups of this test process still present under the sandbox's parents. */
export function ownRunCgroups(sandbox: LocalSandbox): string[] {
  const support = sandbox.describe().cgroup;
  if (!support) return [];
  const parents = [support.memoryParent, support.pidsParent, support.cpuParent, support.killParent].filter(
    (p): p is string => p !== null,
  );
  return parents.flatMap((p) => {
    try {
      return readdirSync(p)
        .filter((n) => n.startsWith(`${process.pid}-`))
        .map((n) => join(p, n));
    } catch {
      return [];
    }
  });
}

/** A small static-web app: one passing node:test file (or a failing one), build.mjs writes dist/index.html. */
export function appManifest(overrides: Partial<GantryManifest> & { failingTest?: boolean } = {}): GantryManifest {
  const { failingTest, ...rest } = overrides;
  const testFile = [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "test('adds', () => assert.strictEqual(1 + 1, 2));",
    failingTest ? "test('subtracts', () => assert.strictEqual(3 - 1, 1));" : '',
  ].join('\n');
  return {
    project_name: 'tiny-app',
    stack: 'static-web',
    description: '',
    features: [],
    files: [
      {
        path: 'package.json',
        content: JSON.stringify({
          name: 'tiny-app',
          version: '1.0.0',
          private: true,
          scripts: { test: 'node --test', build: 'node build.mjs' },
        }),
      },
      { path: 'test/app.test.js', content: testFile },
      {
        path: 'build.mjs',
        content:
          "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\nwriteFileSync('dist/index.html', '<h1>tiny</h1>');\n",
      },
    ],
    audit_command: 'npm test',
    build_command: 'npm run build',
    output_dir: 'dist',
    run_command: '',
    ...rest,
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
