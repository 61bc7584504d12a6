import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Per-run cgroups for the local sandbox, on either cgroup version.
 *
 * v1 (what this kind of host has): memory, cpu and pids are separate hierarchies under
 * /sys/fs/cgroup/<controller>; a run gets `<hierarchy>/<parent>/<run>` in each. When a v2
 * `unified` tree is mounted alongside (hybrid), the run also gets a group there, for its
 * `cgroup.kill` (one write ends every process, race-free) and its `populated` flag.
 * v2: one tree, controllers enabled on `<root>/<parent>`; the run's group carries the limits and
 * `cgroup.kill`.
 */

export interface CgroupLimits {
  readonly memoryBytes: number;
  /** 100 = one full CPU. */
  readonly cpuPercent: number;
  readonly maxPids: number;
}

/**
 * The builders' CPU weight, all of them together, against any one process outside them (v1
 * `cpu.shares`, where an ordinary process weighs 1024; v2 `cpu.weight`, where it weighs 100): a
 * quarter. Each builder keeps its own cap (the policy's `cpu_percent`); the weight only decides who
 * runs first when the host's cores are all busy, and then the stack's own work (the API, the
 * workflow's steps, the pushes to browsers) goes before the untrusted builds it serves. A free
 * core is used by the builders whatever their weight. An eighth served the pushes no better (runs
 * of the same hour) and slowed builds beside other busy programs (a browser, a test runner) by
 * about two fifths. A quarter cost them a few per cent beside one other test file, but inside the
 * whole test suite, with both cores busy throughout, the corpus builds took 307-369 s against
 * 199-230 s at full weight (runs on different days, so partly the machine).
 */
export const BUILDERS_CPU_SHARES = 256;
export const BUILDERS_CPU_WEIGHT = 25;

/** Where the run groups live. Null entries are controllers this host does not offer. */
export interface CgroupSupport {
  readonly version: 'v1' | 'v2';
  readonly memoryParent: string;
  readonly pidsParent: string;
  readonly cpuParent: string | null;
  /** Parent in a tree whose groups have `cgroup.kill` (v2, or the unified tree of a v1 host). */
  readonly killParent: string | null;
}

export interface CgroupCounters {
  /** Processes the kernel OOM killer ended in this group. */
  readonly oomKills: number;
  /** Forks refused because pids.max was reached. */
  readonly pidsMaxHits: number;
  /** CFS periods in which the group was throttled (0 when unknown). */
  readonly throttledPeriods: number;
}

/** What a run's memory looks like right now (bytes, and a running count of major faults). */
export interface MemorySample {
  /** Memory charged to the group: its processes' own memory and the file pages they brought in. */
  readonly usage: number;
  readonly limit: number;
  /** The part no reclaim can free without swap: anonymous, tmpfs and swapped-out memory. */
  readonly unreclaimable: number;
  /** Page faults that had to read a page back in (a program's own code among them). */
  readonly majorFaults: number;
}

interface Mount {
  readonly point: string;
  readonly fstype: string;
  readonly superOptions: string[];
}

function readMounts(): Mount[] {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const point = left.split(' ')[4];
    const [fstype, , superOpts] = right.split(' ');
    if (!point || !fstype) continue;
    mounts.push({ point: point.replace(/\\040/g, ' '), fstype, superOptions: (superOpts ?? '').split(',') });
  }
  return mounts;
}

function tryWrite(path: string, value: string): boolean {
  try {
    writeFileSync(path, value);
    return true;
  } catch {
    return false;
  }
}

/** `key value` lines of a cgroup stat file; missing file → empty map. */
function readStat(path: string): Map<string, number> {
  const values = new Map<string, number>();
  try {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) values.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  } catch {
    // group already removed
  }
  return values;
}

function readNumber(path: string): number | null {
  try {
    const value = Number(readFileSync(path, 'utf8').trim());
    return Number.isFinite(value) ? value : null;
  } catch {
    return null; // group already removed
  }
}

function readCounter(path: string, key: string): number {
  return readStat(path).get(key) ?? 0;
}

/**
 * Finds the cgroup hierarchies and prepares `<parent>` in each. Returns why cgroups cannot be
 * used (not root, no memory controller, a v2 tree that cannot delegate) instead of throwing.
 */
export function detectCgroups(parentName: string): { support: CgroupSupport } | { unavailable: string } {
  const mounts = readMounts();
  const v1 = (controller: string): string | null =>
    mounts.find((m) => m.fstype === 'cgroup' && m.superOptions.includes(controller))?.point ?? null;
  const unified = mounts.find((m) => m.fstype === 'cgroup2')?.point ?? null;

  try {
    const memory = v1('memory');
    if (memory) {
      const pids = v1('pids');
      if (!pids) return { unavailable: 'cgroup v1 without a pids controller' };
      const cpu = v1('cpu');
      const parents = {
        memoryParent: join(memory, parentName),
        pidsParent: join(pids, parentName),
        cpuParent: cpu ? join(cpu, parentName) : null,
        killParent: unified && existsSync(join(unified, 'cgroup.procs')) ? join(unified, parentName) : null,
      };
      for (const dir of [parents.memoryParent, parents.pidsParent, parents.cpuParent]) {
        if (dir) mkdirSync(dir, { recursive: true });
      }
      if (parents.cpuParent) tryWrite(join(parents.cpuParent, 'cpu.shares'), String(BUILDERS_CPU_SHARES));
      let killParent = parents.killParent;
      if (killParent) {
        try {
          mkdirSync(killParent, { recursive: true });
        } catch {
          killParent = null;
        }
      }
      const support: CgroupSupport = { version: 'v1', ...parents, killParent };
      probe(support);
      return { support };
    }
    if (!unified) return { unavailable: 'no cgroup hierarchy is mounted' };
    const available = readFileSync(join(unified, 'cgroup.controllers'), 'utf8').trim().split(/\s+/);
    if (!available.includes('memory') || !available.includes('pids')) {
      return { unavailable: `cgroup v2 at ${unified} does not offer the memory and pids controllers` };
    }
    const parent = join(unified, parentName);
    mkdirSync(parent, { recursive: true });
    const wanted = ['memory', 'pids', 'cpu'].filter((c) => available.includes(c));
    for (const c of wanted) tryWrite(join(unified, 'cgroup.subtree_control'), `+${c}`);
    for (const c of wanted) tryWrite(join(parent, 'cgroup.subtree_control'), `+${c}`);
    const enabled = readFileSync(join(parent, 'cgroup.subtree_control'), 'utf8').trim().split(/\s+/);
    if (!enabled.includes('memory') || !enabled.includes('pids')) {
      return { unavailable: `cannot enable the memory and pids controllers under ${parent}` };
    }
    const support: CgroupSupport = {
      version: 'v2',
      memoryParent: parent,
      pidsParent: parent,
      cpuParent: enabled.includes('cpu') ? parent : null,
      killParent: parent,
    };
    if (support.cpuParent) tryWrite(join(parent, 'cpu.weight'), String(BUILDERS_CPU_WEIGHT));
    probe(support);
    return { support };
  } catch (err) {
    return { unavailable: `cannot manage cgroups: ${(err as Error).message}` };
  }
}

/** Creates and removes one throw-away group, so a host that cannot set limits is found at start-up. */
function probe(support: CgroupSupport): void {
  const group = RunCgroup.create(support, `probe-${process.pid}-${Date.now()}`, {
    memoryBytes: 256 * 1024 * 1024,
    cpuPercent: 100,
    maxPids: 64,
  });
  group.removeSync();
}

/** The cgroup(s) of one sandbox run. */
export class RunCgroup {
  private constructor(
    private readonly support: CgroupSupport,
    readonly name: string,
    /** The memory limit the group was made with (null for a group only attached to). */
    private readonly memoryLimit: number | null = null,
  ) {}

  /** Makes the run's groups and writes the limits; throws when the kernel refuses. */
  static create(support: CgroupSupport, name: string, limits: CgroupLimits): RunCgroup {
    const group = new RunCgroup(support, name, limits.memoryBytes);
    for (const dir of group.dirs()) mkdirSync(dir);
    try {
      group.applyLimits(limits);
    } catch (err) {
      group.removeSync();
      throw err;
    }
    return group;
  }

  /** A handle on an existing group (used to sweep leftovers). */
  static attach(support: CgroupSupport, name: string): RunCgroup {
    return new RunCgroup(support, name);
  }

  /** Names of the groups currently under the parent (any owner). */
  static list(support: CgroupSupport): string[] {
    const names = new Set<string>();
    for (const parent of distinct([support.memoryParent, support.pidsParent, support.cpuParent, support.killParent])) {
      try {
        for (const entry of readdirSync(parent, { withFileTypes: true })) if (entry.isDirectory()) names.add(entry.name);
      } catch {
        // parent missing: nothing to list
      }
    }
    return [...names];
  }

  /** One folder per hierarchy the run is in. */
  dirs(): string[] {
    const s = this.support;
    return distinct([s.memoryParent, s.pidsParent, s.cpuParent, s.killParent]).map((p) => join(p, this.name));
  }

  /** `cgroup.procs` files a process writes its pid into to join the run (all of them, before exec). */
  procsFiles(): string[] {
    return this.dirs().map((d) => join(d, 'cgroup.procs'));
  }

  private applyLimits(limits: CgroupLimits): void {
    const s = this.support;
    const mem = join(s.memoryParent, this.name);
    const pids = join(s.pidsParent, this.name);
    const cpu = s.cpuParent ? join(s.cpuParent, this.name) : null;
    const period = 100_000;
    const quota = Math.max(1000, Math.round((limits.cpuPercent / 100) * period));
    if (s.version === 'v1') {
      writeFileSync(join(mem, 'memory.limit_in_bytes'), String(limits.memoryBytes));
      // Without this the limit only covers RAM and a host with swap would page instead of killing.
      if (existsSync(join(mem, 'memory.memsw.limit_in_bytes'))) {
        writeFileSync(join(mem, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
      }
      // Where the swap limit is not offered, reclaim at the group's limit must still not swap.
      tryWrite(join(mem, 'memory.swappiness'), '0');
      writeFileSync(join(pids, 'pids.max'), String(limits.maxPids));
      if (cpu) {
        writeFileSync(join(cpu, 'cpu.cfs_period_us'), String(period));
        writeFileSync(join(cpu, 'cpu.cfs_quota_us'), String(quota));
      }
    } else {
      writeFileSync(join(mem, 'memory.max'), String(limits.memoryBytes));
      if (existsSync(join(mem, 'memory.swap.max'))) writeFileSync(join(mem, 'memory.swap.max'), '0');
      writeFileSync(join(pids, 'pids.max'), String(limits.maxPids));
      if (cpu) writeFileSync(join(cpu, 'cpu.max'), `${quota} ${period}`);
    }
  }

  /** Host pids of every process in the run. */
  pids(): number[] {
    const found = new Set<number>();
    for (const file of this.procsFiles()) {
      try {
        for (const line of readFileSync(file, 'utf8').split('\n')) if (line) found.add(Number(line));
      } catch {
        // group already removed
      }
    }
    return [...found];
  }

  counters(): CgroupCounters {
    const s = this.support;
    const mem = join(s.memoryParent, this.name);
    const pids = join(s.pidsParent, this.name);
    const cpu = s.cpuParent ? join(s.cpuParent, this.name) : null;
    return {
      oomKills: readCounter(join(mem, s.version === 'v1' ? 'memory.oom_control' : 'memory.events'), 'oom_kill'),
      pidsMaxHits: readCounter(join(pids, 'pids.events'), 'max'),
      throttledPeriods: cpu ? readCounter(join(cpu, 'cpu.stat'), 'nr_throttled') : 0,
    };
  }

  /** The run's memory now, or null once the group is gone (or it was only attached to). */
  memory(): MemorySample | null {
    const s = this.support;
    const limit = this.memoryLimit;
    const mem = join(s.memoryParent, this.name);
    const usage = readNumber(join(mem, s.version === 'v1' ? 'memory.usage_in_bytes' : 'memory.current'));
    if (limit === null || usage === null) return null;
    const stat = readStat(join(mem, 'memory.stat'));
    if (s.version === 'v1') {
      const unreclaimable = ['total_rss', 'total_shmem', 'total_swap'].reduce((sum, k) => sum + (stat.get(k) ?? 0), 0);
      return { usage, limit, unreclaimable, majorFaults: stat.get('total_pgmajfault') ?? 0 };
    }
    const swapped = readNumber(join(mem, 'memory.swap.current')) ?? 0;
    const unreclaimable = (stat.get('anon') ?? 0) + (stat.get('shmem') ?? 0) + swapped;
    return { usage, limit, unreclaimable, majorFaults: stat.get('pgmajfault') ?? 0 };
  }

  /**
   * Ends every process of the run: `cgroup.kill` where the kernel has it, then SIGKILL to each
   * listed pid until the group is empty (a forking process cannot outrun this: pids.max bounds it
   * and every round kills what the previous one missed). Resolves true when the group is empty.
   */
  async killAll(timeoutMs = 3000): Promise<boolean> {
    const killFile = this.support.killParent ? join(this.support.killParent, this.name, 'cgroup.kill') : null;
    if (killFile && existsSync(killFile)) tryWrite(killFile, '1');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pids = this.pids();
      if (pids.length === 0) return true;
      if (Date.now() > deadline) return false;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await sleep(2);
    }
  }

  /** Removes the groups (retrying while the kernel still tears down the last processes). */
  async remove(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.removeSync()) return true;
      if (Date.now() > deadline) return false;
      await sleep(5);
    }
  }

  /** One removal attempt; true when every group is gone. */
  removeSync(): boolean {
    let allGone = true;
    for (const dir of this.dirs()) {
      try {
        rmdirSync(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') allGone = false;
      }
    }
    return allGone;
  }

  /** True while any of the run's groups still exists. */
  exists(): boolean {
    return this.dirs().some((d) => existsSync(d));
  }
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
