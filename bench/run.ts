/**
 * Local stack benchmark. Runs N missions through the real local stack (HTTP API → workflow →
 * sandboxed builder → deploy → publish → seal) and prints:
 *   - request → DEPLOYED wall time (median, p95),
 *   - the builder's own command time (install + audit + build),
 *   - orchestration overhead (everything else) as a share of the total,
 *   - sandbox start overhead (a trivial command in the sandbox vs. a plain child process),
 *   - per-attempt heal overhead: from a failed audit to the next attempt's build start, with a
 *     scripted architect whose first app fails its tests and whose heal fixes them (so the figure
 *     is Gantry's own cost: events, heal step, diff, policy gate, limits; no model time),
 *   - cancel latency: from the cancel request to the running build being gone,
 *   - the fast paths (bench/fast-paths.ts): status read against a raw store read, push latency
 *     at 1 and 20 missions, makespan against the ideal, builder slot wait apart,
 *   - start-up to /ready, prebuilt against compiling at run time (bench/startup.ts),
 *   - each Lambda function's bundle size and module init time (bench/function-bundles.ts),
 *   - at the start and at the end, how much of the machine's cores is free (bench/machine-check.ts).
 * Figures are ratios within one run; absolute times depend on the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import { runSnippet } from '../local/sandbox/snippet';
import { functionBundleFigures } from './function-bundles';
import { appCompilerFigures } from './app-compiler';
import { startBenchStack, type BenchStack } from './bench-stack';
import { fastPathFigures, follow } from './fast-paths';
import { machineCheck } from './machine-check';
import { missionVsBareFigures } from './mission-vs-bare';
import { startupFigures } from './startup';
import { brokenMath, mathApp, ScriptedArchitect } from '../test/helpers/scripted-architect';

const N_SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 3);
const N_CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 4);
const SANDBOX_RUNS = Number(process.env.BENCH_SANDBOX_RUNS ?? 20);
const HEAL_RUNS = Number(process.env.BENCH_HEAL_RUNS ?? 5);
const CANCEL_RUNS = Number(process.env.BENCH_CANCEL_RUNS ?? 3);
const PROMPTS = [
  'Build a calculator with dark mode',
  'Build a task manager with local storage',
  'Build a notes app with search',
  'Build a unit converter',
  'Build a pomodoro timer with dark mode',
];

const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (v: number): string => `${v.toFixed(0)} ms`;

interface MissionFigures {
  wallMs: number;
  builderMs: number;
}

async function main(): Promise<void> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  // How much of the machine's cores is free now: the figures that need them together follow it.
  out(await machineCheck());
  const bench = await startBenchStack('missions');
  const { stack, auth } = bench;
  out(`Gantry bench — builder: ${stack.sandbox.describe().summary}`);

  // Followed over the WebSocket: polling would load the stack being measured.
  const runMission = async (prompt: string): Promise<MissionFigures> => {
    const m = await follow(bench, prompt);
    const s = (await (await fetch(`${stack.url}/gantry/status/${m.missionId}`, { headers: auth })).json()) as {
      status: string;
      attempts: Array<{ command_ms: number }>;
      failure: unknown;
    };
    if (s.status !== 'DEPLOYED') throw new Error(`Mission ended ${s.status}: ${JSON.stringify(s.failure)}`);
    return { wallMs: m.endedAt - m.submittedAt, builderMs: s.attempts.reduce((sum, a) => sum + a.command_ms, 0) };
  };

  try {
    const figures: MissionFigures[] = [];
    for (let i = 0; i < N_SEQUENTIAL; i++) figures.push(await runMission(PROMPTS[i % PROMPTS.length]!));
    const concurrentStart = performance.now();
    figures.push(
      ...(await Promise.all(Array.from({ length: N_CONCURRENT }, (_, i) => runMission(PROMPTS[i % PROMPTS.length]!)))),
    );
    const concurrentWall = performance.now() - concurrentStart;

    const walls = figures.map((f) => f.wallMs);
    const builders = figures.map((f) => f.builderMs);
    const totalWall = walls.reduce((a, b) => a + b, 0);
    const totalBuilder = builders.reduce((a, b) => a + b, 0);
    out(
      `missions: ${figures.length} (${N_SEQUENTIAL} one at a time, then ${N_CONCURRENT} at once; builder slots ${stack.services.policy.policy.builder.concurrency})`,
    );
    out(
      `request → DEPLOYED: median ${ms(pct(walls, 50))}, p95 ${ms(pct(walls, 95))}, min ${ms(Math.min(...walls))}, max ${ms(Math.max(...walls))}`,
    );
    out(`builder command time per mission: median ${ms(pct(builders, 50))}, p95 ${ms(pct(builders, 95))}`);
    out(
      `orchestration overhead (wall − builder commands): median ${ms(
        pct(
          figures.map((f) => f.wallMs - f.builderMs),
          50,
        ),
      )}; ${((1 - totalBuilder / totalWall) * 100).toFixed(1)}% of total mission time`,
    );
    out(
      `${N_CONCURRENT} concurrent missions finished in ${ms(concurrentWall)} (${(concurrentWall / N_CONCURRENT).toFixed(0)} ms per mission)`,
    );

    // Sandbox start overhead: the same trivial command in the sandbox and as a plain child process.
    const limits = stack.services.policy.policy.builder;
    const sandboxTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let i = 0; i < SANDBOX_RUNS; i++) {
      const a = performance.now();
      const r = await runSnippet({ code: 'true', language: 'shell', timeoutMs: 5000, limits, sandbox: stack.sandbox });
      sandboxTimes.push(performance.now() - a);
      if (r.exit_code !== 0) throw new Error(`sandbox run failed: ${JSON.stringify(r)}`);
      const b = performance.now();
      spawnSync('/bin/sh', ['-c', 'true']);
      plainTimes.push(performance.now() - b);
    }
    const sb = pct(sandboxTimes, 50);
    const pl = pct(plainTimes, 50);
    out(
      `sandbox start (trivial command, ${SANDBOX_RUNS} runs): median ${sb.toFixed(1)} ms in the sandbox vs ${pl.toFixed(1)} ms plain → overhead ${(sb - pl).toFixed(1)} ms (${(sb / pl).toFixed(1)}×)`,
    );
  } finally {
    await bench.stop();
  }
  await healAndCancelFigures(out);
  await missionVsBareFigures(out);
  await fastPathFigures(out);
  for (const line of await startupFigures()) out(line);
  await functionBundleFigures(out);
  await appCompilerFigures(out);
  out(`at the end: ${await machineCheck()}`);
}

interface BenchEvent {
  event_type: string;
  status: string | null;
  at: string;
  data: Record<string, unknown>;
}

/** A stack with its own owner and a scripted architect, for the heal and cancel figures. */
function scriptedStack(): Promise<BenchStack> {
  // First draft: multiply is wrong (one failing test); the heal fixes it. "hang": tests never end.
  const architect = new ScriptedArchitect(
    (prompt) => {
      if (!prompt.startsWith('hang')) return mathApp({ math: brokenMath({ multiply: true }) });
      const app = mathApp({ test: 'node hang.js' });
      return { ...app, files: [...app.files, { path: 'hang.js', content: 'setInterval(() => {}, 1000);\n' }] };
    },
    (input) => ({
      ...input.manifest,
      files: input.manifest.files.map((f) => (f.path === 'src/math.js' ? { ...f, content: brokenMath({}) } : f)),
    }),
  );
  return startBenchStack('heal', { architect });
}

async function healAndCancelFigures(out: (line: string) => void): Promise<void> {
  const bench = await scriptedStack();
  const { stack, auth } = bench;
  const api = async (method: string, path: string, body?: unknown): Promise<any> =>
    (await fetch(`${stack.url}${path}`, { method, headers: auth, ...(body ? { body: JSON.stringify(body) } : {}) })).json();
  try {
    const overheads: number[] = [];
    const healSteps: number[] = [];
    const gateSteps: number[] = [];
    for (let i = 0; i < HEAL_RUNS; i++) {
      const { mission_id } = await api('POST', '/gantry/architect', { voice_memo: `heal ${i}`, publish: false });
      let status: any;
      do {
        await new Promise((r) => setTimeout(r, 250));
        status = await api('GET', `/gantry/status/${mission_id}`);
      } while (!['DEPLOYED', 'FAILED'].includes(status.status));
      if (status.status !== 'DEPLOYED' || status.attempts.length !== 2) {
        throw new Error(`heal run ${i}: expected a failed then a passing attempt, got ${JSON.stringify(status.attempts)}`);
      }
      const events = (await api('GET', `/gantry/missions/${mission_id}/events`)).events as BenchEvent[];
      const at = (pick: (e: BenchEvent) => boolean): number => {
        const found = events.find(pick);
        if (!found) throw new Error(`heal run ${i}: an event is missing`);
        return Date.parse(found.at);
      };
      const failed = at((e) => e.event_type === 'audit.failed');
      const healing = at((e) => e.status === 'HEALING');
      const patched = at((e) => e.event_type === 'heal.patched');
      const gate = at((e) => e.status === 'POLICY_CHECK' && e.data.attempt === 2);
      const building = at((e) => e.status === 'BUILDING' && e.data.attempt === 2);
      overheads.push(building - failed);
      healSteps.push(patched - healing);
      gateSteps.push(building - gate);
    }
    out(
      `heal overhead per attempt (failed audit → next attempt's build start, ${HEAL_RUNS} heals, scripted architect): median ${ms(pct(overheads, 50))}, p95 ${ms(pct(overheads, 95))}; of which heal step (architect + diff + artifacts) median ${ms(pct(healSteps, 50))}, policy gate median ${ms(pct(gateSteps, 50))}`,
    );

    const cancels: number[] = [];
    for (let i = 0; i < CANCEL_RUNS; i++) {
      const { mission_id } = await api('POST', '/gantry/architect', { voice_memo: `hang ${i}`, publish: false });
      while (stack.builds.active === 0) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      const started = performance.now();
      const res = await api('POST', `/gantry/missions/${mission_id}/cancel`);
      cancels.push(performance.now() - started);
      if (res.status !== 'CANCELLED' || stack.builds.active !== 0) throw new Error(`cancel run ${i}: ${JSON.stringify(res)}`);
    }
    out(
      `cancel (request → workflow stopped and build processes gone, ${CANCEL_RUNS} runs): median ${ms(pct(cancels, 50))}, max ${ms(Math.max(...cancels))}`,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
  process.exitCode = 1;
});
