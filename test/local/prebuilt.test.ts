import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';

/** Loads the CLI through prebuilt.js in a fresh process with its cache in `cacheDir`; prints what it saw. */
function loadCli(cacheDir: string): { bundleMapsTo: string | null; enabled: boolean } {
  const script = `
    const { findSourceMap } = require('node:module');
    require(${JSON.stringify(join(PROJECT_ROOT, 'local', 'prebuilt.js'))}).loadPrebuilt('local/cli.ts').then(() => {
      const bundle = findSourceMap(${JSON.stringify(join(cacheDir, 'local-cli-ts.js'))});
      process.stdout.write(JSON.stringify({
        bundleMapsTo: bundle ? bundle.findEntry(500, 0).originalSource : null,
        enabled: process.sourceMapsEnabled,
      }));
    });`;
  const out = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, GANTRY_PREBUILT_DIR: cacheDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (out.status !== 0) throw new Error(`loading the CLI failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { bundleMapsTo: string | null; enabled: boolean };
}

test('the prebuilt CLI maps its frames to TypeScript from a map without the sources, and is rebuilt when the loader changes', () => {
  // Inside the project, as the real cache is: the bundle finds its packages from there.
  const cacheDir = mkdtempSync(join(PROJECT_ROOT, 'node_modules', '.cache', 'gantry-prebuilt-test-'));
  try {
    const first = loadCli(cacheDir);
    expect(first.bundleMapsTo).toMatch(/\.ts$/);
    expect(first.enabled).toBe(true);
    // The map carries mappings only: the sources are in the tree.
    const map = JSON.parse(readFileSync(join(cacheDir, 'local-cli-ts.js.map'), 'utf8')) as { sourcesContent?: unknown };
    expect(map.sourcesContent).toBeUndefined();
    // A bundle recorded by another version of the loader (other build options) is not used.
    const metaPath = join(cacheDir, 'local-cli-ts.meta.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { loader: string };
    expect(meta.loader).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(metaPath, JSON.stringify({ ...meta, loader: 'another' }));
    writeFileSync(join(cacheDir, 'local-cli-ts.js'), 'throw new Error("a stale bundle was loaded");');
    expect(loadCli(cacheDir).bundleMapsTo).toMatch(/\.ts$/);
    expect((JSON.parse(readFileSync(metaPath, 'utf8')) as { loader: string }).loader).toBe(meta.loader);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}, 240_000);
