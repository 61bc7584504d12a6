/**
 * The offline architect's own figures: how long it takes to read each corpus request and draft
 * its app (goal ≤ 50 ms per app), and how long each generated app's own `npm test` and
 * `npm run build` take (run directly with node, outside the sandbox). Figures depend on the
 * machine and its load. BENCH_GEN_RUNS sets the drafts per request (default 20).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { draftManifest } from '../lambdas/domain/architect/offline-architect';
import { BUILDABLE_REQUESTS } from '../test/architect/app-request-corpus';

const GEN_RUNS = Number(process.env.BENCH_GEN_RUNS ?? 20);
const GOAL_MS = 50;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Prints the figures through `out`, one line each. */
export async function appCompilerFigures(out: (line: string) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gantry-bench-apps-'));
  try {
    const rows: Array<{ prompt: string; genMs: number; testMs: number; buildMs: number; files: number }> = [];
    for (const [i, request] of BUILDABLE_REQUESTS.entries()) {
      draftManifest({ prompt: request.prompt }); // warm-up: module caches and regular expressions
      const times: number[] = [];
      for (let run = 0; run < GEN_RUNS; run += 1) times.push(timed(() => draftManifest({ prompt: request.prompt })));
      const manifest = draftManifest({ prompt: request.prompt });
      const dir = join(root, String(i));
      for (const file of manifest.files) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
      let failed = '';
      const testMs = timed(() => {
        const r = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8' });
        if (r.status !== 0) failed = 'npm test failed';
      });
      const buildMs = timed(() => {
        const r = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, encoding: 'utf8' });
        if (r.status !== 0) failed = 'npm run build failed';
      });
      if (failed) throw new Error(`${request.prompt}: ${failed}`);
      rows.push({ prompt: request.prompt, genMs: median(times), testMs, buildMs, files: manifest.files.length });
    }
    out(`offline architect, ${rows.length} corpus requests (median of ${GEN_RUNS} drafts each; goal ≤ ${GOAL_MS} ms):`);
    for (const r of rows) {
      out(
        `  ${r.genMs.toFixed(1).padStart(6)} ms draft · ${r.testMs.toFixed(0).padStart(5)} ms own tests · ${r.buildMs.toFixed(0).padStart(4)} ms build · ${String(r.files).padStart(2)} files · ${r.prompt}`,
      );
    }
    const gens = rows.map((r) => r.genMs);
    const over = rows.filter((r) => r.genMs > GOAL_MS).length;
    out(
      `draft time: median ${median(gens).toFixed(1)} ms, max ${Math.max(...gens).toFixed(1)} ms; ${over === 0 ? 'every app within' : `${over} apps over`} the ${GOAL_MS} ms goal`,
    );
    out(
      `generated apps' own test + build: median ${median(rows.map((r) => r.testMs + r.buildMs)).toFixed(0)} ms, max ${Math.max(...rows.map((r) => r.testMs + r.buildMs)).toFixed(0)} ms`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  appCompilerFigures((line) => console.log(line)).catch((err: Error) => {
    console.error(err);
    process.exitCode = 1;
  });
}
