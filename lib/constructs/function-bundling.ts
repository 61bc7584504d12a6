import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { APP_FILES_PACKED } from '../../lambdas/domain/architect/app-files.generated';
import { sourceCatalog } from '../../lambdas/domain/architect/catalog-data';
import { sourcePresets } from '../../lambdas/domain/architect/compiler/preset-catalog';
import { sourceWordLists } from '../../lambdas/domain/architect/compiler/word-list-sources';
import { packFilesBytes, packJson, unpackFiles } from '../../lambdas/domain/architect/packed-files';
import { sourceThemes } from '../../lambdas/domain/architect/theme-data';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { PROJECT_ROOT } from './project-paths';

/**
 * Native packages no bundle inlines (they would have to be installed next to it for the Lambda's
 * platform, which the construct does not do). None: password hashing is WebAssembly, so bundling
 * installs nothing and synth needs no network.
 */
export const NATIVE_MODULES: string[] = [];

/**
 * How every function is bundled, shared by the CDK construct and the bundle-size test and
 * benchmark, so what they measure is what deploys (see {@link functionBuildOptions}).
 *
 * - CommonJS, the format Lambda's Node.js handlers load without a package.json beside them.
 * - `module` before `main` picks each package's ES module build, which esbuild can tree-shake
 *   (the CommonJS builds of the AWS SDK and others are kept whole).
 * - The AWS SDK is bundled at the version the project pins and tests against, instead of
 *   whichever version the Lambda runtime happens to ship.
 * - The SDK's default credential chain is replaced by a reader of the environment variables, the
 *   only one that answers in Lambda (see lambdas/composition/lambda-credentials.ts). Aliases are
 *   resolved from the project root, where the CDK runs esbuild.
 * - A source map without the sources' text: readable stack traces, a small package.
 * - Licence comments are left out of the code (each package's licence ships in node_modules
 *   metadata, not in a Lambda bundle nobody reads).
 */
export const FUNCTION_BUNDLING = {
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // The map gives stack traces their files and lines (NODE_OPTIONS=--enable-source-maps); the
  // sources themselves stay out of it, so the deployed package is the bundle plus a small map.
  sourcesContent: false,
  mainFields: ['module', 'main'],
  external: NATIVE_MODULES,
  legalComments: 'none',
  alias: { '@aws-sdk/credential-provider-node': './lambdas/composition/lambda-credentials.ts' },
} as const;

const definedPolicies = new Map<string, Record<string, string>>();

/**
 * The esbuild `define` that embeds the policy each function is bundled with: policy.yaml parsed
 * and validated here, at synth (an invalid policy fails the synth), and put in the bundle as
 * compressed JSON together with the hash of its text (see lambdas/composition/bundled-policy.ts). So no
 * function carries the YAML parser, and none reads a file at start.
 */
export function bundledPolicyDefine(path = join(PROJECT_ROOT, 'policy.yaml')): Record<string, string> {
  let define = definedPolicies.get(path);
  if (!define) {
    // A string literal (see bundled-policy.ts for why a string): the JSON brotli-compressed, in
    // 117 ASCII characters (packed-files.ts). The policy's JSON is about 14 KB in every function; compressed, about a quarter.
    define = { GANTRY_BUNDLED_POLICY: packedJson(loadPolicyFile(path)) };
    definedPolicies.set(path, define);
  }
  return define;
}

/** `value` as JSON, brotli-compressed, in 117 ASCII characters (packed-files.ts), as the string literal a `define` puts in. */
function packedJson(value: unknown): string {
  return JSON.stringify(packJson(value));
}

let presetsDefine: Record<string, string> | undefined;

/**
 * Every function's esbuild `define`: its policy (above); the offline architect's request reader's
 * data, its word lists and everyday-app presets (lambdas/domain/architect/compiler/word-list-sources.ts
 * and preset-catalog.ts) in one pack, with the flag that says it is packed (see reader-pack.ts
 * there); and its catalog of app kinds and features (lambdas/domain/architect/catalog-data.ts)
 * and themes, each put in the bundle as compressed JSON: a fraction of their code's size in the
 * functions that read them. A function that does not read them carries nothing of them. The word
 * lists go first in the reader's pack: the presets then repeat their words (about 300 bytes less
 * than the other way round).
 */
export function bundleDefine(): Record<string, string> {
  presetsDefine ??= {
    GANTRY_BUNDLED_READER: packedJson({ wordLists: sourceWordLists(), presets: sourcePresets() }),
    GANTRY_READER_PACKED: 'true',
    GANTRY_BUNDLED_CATALOG: packedJson(sourceCatalog()),
    GANTRY_BUNDLED_THEMES: packedJson(sourceThemes()),
    GANTRY_APP_FILES_BESIDE: JSON.stringify(APP_FILES_FILE),
  };
  return { ...bundledPolicyDefine(), ...presetsDefine };
}

/**
 * The data file beside the code of a function that writes apps (the architect's and the heal's):
 * the apps' runtime and fixed files, brotli-compressed JSON, which lambdas/domain/architect/app-files.ts
 * reads on first use (the define above names it there).
 */
export const APP_FILES_FILE = 'app-files.br';

let appFilesBytes: Buffer | undefined;

/**
 * The data files a bundle's code reads beside it, by name, from esbuild's metafile of that
 * bundle: the app files when the code holds their reader, else none.
 */
export function bundleDataFiles(metafile: Metafile): Record<string, Buffer> {
  const reads = Object.values(metafile.outputs).some((output) =>
    Object.entries(output.inputs).some(
      ([path, input]) => path.endsWith('lambdas/domain/architect/app-files.ts') && input.bytesInOutput > 0,
    ),
  );
  if (!reads) return {};
  appFilesBytes ??= packFilesBytes(unpackFiles(APP_FILES_PACKED));
  return { [APP_FILES_FILE]: appFilesBytes };
}

/** The entry of one function: `lambdas/functions/<name>.ts` composes that function's adapters. */
export function functionEntry(name: string): string {
  return join(PROJECT_ROOT, 'lambdas', 'functions', `${name}.ts`);
}

/** esbuild's options for one function's bundle, written to `outfile`. */
export function functionBuildOptions(name: string, outfile: string): BuildOptions {
  return {
    ...FUNCTION_BUNDLING,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    external: [...FUNCTION_BUNDLING.external],
    alias: { ...FUNCTION_BUNDLING.alias },
    define: bundleDefine(),
    // Aliases resolve from the working directory: the project root.
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [functionEntry(name)],
    bundle: true,
    outfile,
    logLevel: 'error',
  };
}

/**
 * Bundles one function into `outDir/index.js` (its map, and any data file its code reads beside it) and returns when it is written: the
 * CDK construct's bundling step, which is synchronous.
 */
export function bundleFunctionSync(name: string, outDir: string): void {
  const { metafile } = buildSync({ ...functionBuildOptions(name, join(outDir, 'index.js')), metafile: true });
  for (const [file, bytes] of Object.entries(bundleDataFiles(metafile))) writeFileSync(join(outDir, file), bytes);
}
