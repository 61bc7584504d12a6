import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { LoadedPolicy } from '../../lambdas/domain/policy';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { unpackFilesBytes, unpackJson } from '../../lambdas/domain/architect/packed-files';
import { appFiles } from '../../lambdas/domain/architect/app-files';
import { bundledPolicyDefine } from '../../lib/constructs/function-bundling';
import { GantryFunction, NATIVE_MODULES } from '../../lib/constructs/gantry-function';

/**
 * `cdk synth` must work with no network. Bundling is local esbuild; what used to need the
 * network was installing a native package (the arm64 Argon2 binding) next to a bundle. Here the
 * password-hashing function is really bundled and its asset checked: one self-contained file, no
 * node_modules, no package to install.
 */
let outdir: string;
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test('the password-hashing function bundles without installing anything', () => {
  outdir = mkdtempSync(join(tmpdir(), 'gantry-bundle-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'BundleCheck');
  new GantryFunction(stack, 'Auth', { handlerName: 'auth' });
  app.synth();
  const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  const asset = join(outdir, assets[0]!);
  // The policy is embedded (validated JSON), not a file beside the code.
  expect(readdirSync(asset).sort()).toEqual(['index.js', 'index.js.map']);
  expect(existsSync(join(asset, 'node_modules'))).toBe(false);
  const code = readFileSync(join(asset, 'index.js'), 'utf8');
  expect(code).not.toMatch(/require\(["']@node-rs\/argon2["']\)/);
  // The policy is embedded compressed: the bundle holds the define's text, which is the policy.
  const packed = JSON.parse(Object.values(bundledPolicyDefine())[0]!) as string;
  expect(code).toContain(packed);
  const embedded = unpackJson(packed) as LoadedPolicy;
  expect(embedded).toEqual(JSON.parse(JSON.stringify(loadPolicyFile())));
  expect(embedded.hash).toBe(loadPolicyFile().hash);
  // The WebAssembly Argon2 is inside the bundle.
  expect(code).toContain('argon2');
});

test("two functions in one stack each get their own bundle (the CDK's asset cache never hands one another's)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bundle-'));
  try {
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'TwoBundles');
    new GantryFunction(stack, 'Health', { handlerName: 'health' });
    new GantryFunction(stack, 'Docs', { handlerName: 'docs' });
    app.synth();
    const assets = readdirSync(dir).filter((d) => d.startsWith('asset.'));
    expect(assets).toHaveLength(2);
    const codes = assets.map((a) => readFileSync(join(dir, a, 'index.js'), 'utf8'));
    // Only the documentation function makes JSON Schema at run time, so only its bundle has the converters.
    expect(codes.map((c) => c.includes('cannot be represented in JSON Schema')).sort()).toEqual([false, true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a function that writes apps gets the apps' files in its asset, beside its code", () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bundle-'));
  try {
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'AppWriter');
    new GantryFunction(stack, 'Heal', { handlerName: 'step-heal' });
    app.synth();
    const assets = readdirSync(dir).filter((d) => d.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    const asset = join(dir, assets[0]!);
    expect(readdirSync(asset).sort()).toEqual(['app-files.br', 'index.js', 'index.js.map']);
    expect(unpackFilesBytes(readFileSync(join(asset, 'app-files.br')))).toEqual(appFiles());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no function lists a native module to install next to its bundle', () => {
  expect(NATIVE_MODULES).toEqual([]);
  expect(readFileSync(join(__dirname, '../../lib/constructs/gantry-handlers.ts'), 'utf8')).not.toMatch(/nativeModules:/);
});
