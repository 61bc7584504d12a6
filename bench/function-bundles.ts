/**
 * Lambda function bundles: each function's size and module init time. Every function entry is
 * bundled with the CDK construct's own options (the policy embedded as the construct embeds it), then
 * `require()`d in a fresh `node` process several times; the median load time is the module
 * init cost Lambda bills on a cold start (before the first invocation builds the clients).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction, FUNCTION_NAMES } from '../test/helpers/function-bundles';

const INIT_RUNS = Number(process.env.BENCH_INIT_RUNS ?? 5);
/**
 * The issue's budget for one function: 500 KB of bundle (read as 500,000 bytes, which also keeps
 * it within 500 KiB), 100 ms of module init.
 */
const BUDGET = { bytes: 500_000, initMs: 100 };

// Loads the bundle and prints how long `require` took, in milliseconds: wall clock and the CPU
// time the process spent (user + system). On a busy machine the wall clock mostly measures the
// wait for a core; the CPU time is what a Lambda's vCPU would spend on the same work.
const LOADER =
  'const c = process.cpuUsage(); const t = process.hrtime.bigint(); require(process.argv[1]); ' +
  'const w = Number(process.hrtime.bigint() - t) / 1e6; const u = process.cpuUsage(c); ' +
  'process.stdout.write(JSON.stringify([w, (u.user + u.system) / 1000]));';

function initMs(file: string): { wall: number; cpu: number } {
  const r = spawnSync(process.execPath, ['-e', LOADER, file], {
    encoding: 'utf8',
    // The Lambda's environment: the AWS runtime selection (clients are built on first invocation, not here).
    env: { PATH: process.env.PATH ?? '', GANTRY_RUNTIME: 'aws', AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  let value: unknown;
  try {
    value = JSON.parse(r.stdout);
  } catch {
    value = undefined;
  }
  const [wall, cpu] = Array.isArray(value) ? (value as number[]) : [];
  if (r.status !== 0 || !Number.isFinite(wall) || !Number.isFinite(cpu)) throw new Error(`loading ${file} failed: ${r.stderr}`);
  return { wall: wall as number, cpu: cpu as number };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Prints one line per function, then the largest and slowest. */
export async function functionBundleFigures(out: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bundles-'));
  try {
    out(
      `function bundles (size of index.js, and of the apps' files shipped beside it; module init = median of ${INIT_RUNS} fresh \`require\`s, wall clock and CPU time):`,
    );
    const rows: Array<{ name: string; bytes: number; ms: number; cpuMs: number }> = [];
    for (const name of FUNCTION_NAMES) {
      const bundle = await bundleFunction(name, dir);
      const times = Array.from({ length: INIT_RUNS }, () => initMs(bundle.file!));
      const row = {
        name,
        bytes: bundle.bytes,
        ms: median(times.map((t) => t.wall)),
        cpuMs: median(times.map((t) => t.cpu)),
      };
      rows.push(row);
      const flags = [row.bytes > BUDGET.bytes ? 'over 500 KB' : '', row.cpuMs > BUDGET.initMs ? 'over 100 ms' : '']
        .filter(Boolean)
        .join(', ');
      out(
        `  ${name.padEnd(20)} ${(row.bytes / 1000).toFixed(0).padStart(5)} KB  ${row.ms.toFixed(1).padStart(6)} ms wall ` +
          `${row.cpuMs.toFixed(1).padStart(6)} ms CPU${bundle.dataBytes ? `  + ${(bundle.dataBytes / 1000).toFixed(0)} KB of apps' files` : ''}` +
          `${flags ? `  (${flags})` : ''}`,
      );
    }
    const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const slowest = rows.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    out(
      `  largest ${largest.name} ${(largest.bytes / 1000).toFixed(0)} KB; slowest init ${slowest.name} ${slowest.cpuMs.toFixed(1)} ms CPU; ` +
        `${rows.filter((r) => r.bytes <= BUDGET.bytes && r.cpuMs <= BUDGET.initMs).length}/${rows.length} within 500 KB and 100 ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/function-bundles.ts` runs this part alone.
if (require.main === module) {
  functionBundleFigures((line) => void process.stdout.write(`${line}\n`)).catch((err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  });
}
