/**
 * A whole mission against the same app's own work, side by side in alternating rounds:
 *   (a) mission: one lone mission, request → DEPLOYED, followed over the WebSocket;
 *   (b) bare: that mission's app (its attempt-1 manifest from the artifact store, so the files are
 *       byte-identical) written to a fresh folder and the builder's commands for it (install only
 *       when it declares dependencies, then the audit and build commands) run as plain child
 *       processes with the environment the builder gives them;
 *   (c) capped: (b) again, every command inside a cgroup with the policy's builder limits (the
 *       CPU cap is what matters), the true floor for a builder held to that cap.
 * Medians over ROUNDS rounds; a round runs (a), (b), (c) in turn so load drifts hit all three.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestKey } from '../builder-image/src/artifact-keys';
import { writeAppFiles } from '../builder-image/src/app-files';
import { GantryManifestSchema, type GantryManifest } from '../lambdas/domain/manifest';
import type { BuilderLimits } from '../lambdas/domain/builder-limits';
import { detectCgroups, RunCgroup, type CgroupSupport } from '../local/sandbox/cgroups';
import { ownerToken } from '../local/sandbox/process-identity';
import { startBenchStack } from './bench-stack';
import { follow } from './fast-paths';

const ROUNDS = Number(process.env.BENCH_MISSION_ROUNDS ?? 5);
const PROMPT = 'Build a unit converter';
/** The builder's install command (builder-image/src/build-runner.ts). */
const INSTALL_COMMAND = 'npm install --offline --no-audit --no-fund --ignore-scripts';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The commands the builder runs for `manifest`, in order (install only with declared dependencies). */
function builderCommands(manifest: GantryManifest): string[] {
  const pkg = manifest.files.find((f) => f.path === 'package.json');
  let deps = false;
  try {
    const parsed = JSON.parse(pkg?.content ?? '{}') as Record<string, unknown>;
    const any = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length > 0;
    deps = any(parsed.dependencies) || any(parsed.devDependencies);
  } catch {
    deps = false;
  }
  return [...(deps ? [INSTALL_COMMAND] : []), manifest.audit_command, manifest.build_command];
}

/** The environment the builder gives an app's commands (build-runner.ts `commandEnv`), with a home of the run's own. */
function commandEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH || '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
    CI: 'true',
    NO_COLOR: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_offline: 'true',
  };
}

/** Runs `command` through /bin/sh, joining `procsFiles` first (before exec) when given; rejects on failure. */
function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, procsFiles: readonly string[]): Promise<void> {
  const join = procsFiles.map((f) => `echo $$ > '${f}' || exit 125`).join('\n');
  const script = procsFiles.length > 0 ? `${join}\nexec /bin/sh -c "$0"` : command;
  const args = procsFiles.length > 0 ? ['-c', script, command] : ['-c', script];
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${output.slice(-2000)}`)),
    );
  });
}

/** Writes the app to a fresh folder and runs the builder's commands for it; returns the wall time in ms. */
async function bareRun(manifest: GantryManifest, cgroup: RunCgroup | null): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-bare-'));
  try {
    const home = join(dir, 'home');
    mkdirSync(home);
    const appDir = join(dir, 'app');
    const started = performance.now();
    await writeAppFiles(appDir, manifest.files);
    for (const command of builderCommands(manifest)) {
      await runCommand(command, appDir, commandEnv(home), cgroup ? cgroup.procsFiles() : []);
    }
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cgroupSupport(): { support: CgroupSupport } | { unavailable: string } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { unavailable: 'not running as root' };
  return detectCgroups('gantry');
}

/** Runs the rounds and prints the ratio line (and a line per phase median). */
export async function missionVsBareFigures(out: (line: string) => void): Promise<void> {
  const b = await startBenchStack('mission-bare');
  const limits: BuilderLimits = b.stack.services.policy.policy.builder;
  const cg = cgroupSupport();
  if ('unavailable' in cg) out(`mission / bare: (c) capped runs skipped: cgroups unavailable (${cg.unavailable})`);
  else if (!cg.support.cpuParent) out('mission / bare: (c) capped runs skipped: this host has no cpu cgroup controller');
  const support = 'support' in cg && cg.support.cpuParent ? cg.support : null;
  const missions: number[] = [];
  const bares: number[] = [];
  const capped: number[] = [];
  let seq = 0;
  try {
    // One mission first, unmeasured: the first build also bundles the builder and makes the repository.
    const warm = await follow(b, PROMPT);
    if (warm.status !== 'DEPLOYED') throw new Error(`warm-up mission ended ${warm.status}`);
    for (let i = 0; i < ROUNDS; i++) {
      const m = await follow(b, PROMPT);
      if (m.status !== 'DEPLOYED') throw new Error(`mission ${m.missionId} ended ${m.status}`);
      missions.push(m.endedAt - m.submittedAt);
      const raw = await b.stack.services.artifacts.get(manifestKey(b.tenantId, m.missionId, 1));
      if (!raw) throw new Error(`mission ${m.missionId} has no attempt-1 manifest`);
      const manifest = GantryManifestSchema.parse(JSON.parse(raw.toString('utf8')));
      bares.push(await bareRun(manifest, null));
      if (support) {
        // The group is made before the clock starts: only the commands' time under the cap counts.
        const group = RunCgroup.create(support, `${ownerToken()}-bench${++seq}`, {
          memoryBytes: limits.memory_mb * 1024 * 1024,
          cpuPercent: limits.cpu_percent,
          maxPids: limits.max_pids,
        });
        try {
          capped.push(await bareRun(manifest, group));
        } finally {
          await group.killAll();
          await group.remove();
        }
      }
    }
  } finally {
    await b.stop();
  }
  const mission = median(missions);
  const bare = median(bares);
  const cappedPart = support
    ? (() => {
        const c = median(capped);
        return `, bare under the ${limits.cpu_percent}% CPU cap median ${c.toFixed(0)} ms (the cap alone ${(c / bare).toFixed(2)}×) → mission / capped ${(mission / c).toFixed(2)}×`;
      })()
    : '';
  out(
    `mission / bare: ${(mission / bare).toFixed(2)}× (mission median ${mission.toFixed(0)} ms, bare median ${bare.toFixed(0)} ms${cappedPart}; ${ROUNDS} alternating rounds, '${PROMPT}')`,
  );
  const spread = (v: number[]): string => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
  out(
    `  spread: mission ${spread(missions)}, bare ${spread(bares)}${support ? `, capped ${spread(capped)}` : ''}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
}

if (require.main === module) {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  void missionVsBareFigures((line) => void process.stdout.write(`${line}\n`)).catch((err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  });
}
