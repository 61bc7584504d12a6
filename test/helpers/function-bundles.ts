import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDataFiles, functionBuildOptions } from '../../lib/constructs/function-bundling';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { AUTHORIZER_HANDLER, EVENT_HANDLERS, REST_HANDLERS, STEP_HANDLERS, WS_HANDLER } from '../../lambdas/routes';

/** Every Lambda function, by the name of its entry (`lambdas/functions/<name>.ts`). */
export const FUNCTION_NAMES: readonly string[] = [
  ...REST_HANDLERS,
  WS_HANDLER,
  ...STEP_HANDLERS,
  AUTHORIZER_HANDLER,
  ...EVENT_HANDLERS,
];

/** One function's bundle as the CDK construct builds it. */
export interface FunctionBundle {
  readonly name: string;
  /** Bytes of the minified JavaScript (the source map is a separate file). */
  readonly bytes: number;
  /** Bytes of the data files its code reads beside it (the apps' files, for the functions that write apps). */
  readonly dataBytes: number;
  /** Bytes of its source map (file and line mappings, without the sources' text). */
  readonly mapBytes: number;
  /** Whether the map embeds the sources' text (it should not: it would triple the package). */
  readonly mapHasSources: boolean;
  /** Where it was written, as in the deployed asset; absent unless `outDir` was given. */
  readonly file?: string;
  /** Packages (and project files) that ended up in the bundle. */
  readonly packages: ReadonlySet<string>;
  /** Every source file with code in the bundle, relative to the project root. */
  readonly modules: ReadonlySet<string>;
  /** The minified JavaScript itself. */
  readonly code: string;
}

function packagesOf(inputs: Record<string, { bytesInOutput: number }>): Set<string> {
  const found = new Set<string>();
  for (const [path, input] of Object.entries(inputs)) {
    if (input.bytesInOutput === 0) continue;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    found.add(pkg ? pkg[1]! : path);
  }
  return found;
}

/**
 * Bundles one function's entry with the construct's own esbuild options (the policy embedded as
 * the construct embeds it). With `outDir` the bundle is written to `<outDir>/<name>/index.js`, so
 * it can be loaded the way Lambda loads it.
 */
export async function bundleFunction(name: string, outDir?: string): Promise<FunctionBundle> {
  const dir = outDir ? join(outDir, name) : undefined;
  const result = await build({
    ...functionBuildOptions(name, join(dir ?? join(PROJECT_ROOT, 'cdk.out', 'bundle-check', name), 'index.js')),
    write: false,
    metafile: true,
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error(`esbuild produced no JavaScript for ${name}`);
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'))?.[1];
  const packages = packagesOf(output?.inputs ?? {});
  const modules = new Set(Object.entries(output?.inputs ?? {}).flatMap(([path, i]) => (i.bytesInOutput > 0 ? [path] : [])));
  const code = js.text;
  const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
  const mapBytes = map?.contents.length ?? 0;
  const mapHasSources = Array.isArray((JSON.parse(map?.text ?? '{}') as { sourcesContent?: unknown }).sourcesContent);
  const data = bundleDataFiles(result.metafile);
  const dataBytes = Object.values(data).reduce((sum, bytes) => sum + bytes.length, 0);
  const made = { name, bytes: js.contents.length, dataBytes, mapBytes, mapHasSources, packages, modules, code };
  if (!dir) return made;
  mkdirSync(dir, { recursive: true });
  for (const f of result.outputFiles) writeFileSync(f.path, f.contents);
  for (const [file, bytes] of Object.entries(data)) writeFileSync(join(dir, file), bytes);
  return { ...made, file: js.path };
}

/**
 * Runs `script` with `node -e` in a fresh process with a Lambda function's environment (AWS
 * runtime, its table, bucket and state machine names), as Lambda loads a bundle; answers stdout.
 * `args` follow the script as `process.argv[1]…`.
 */
export function runInLambdaEnvironment(script: string, args: readonly string[]): string {
  return execFileSync(process.execPath, ['-e', script, ...args], {
    // (Ten drafted apps' files are past the default megabyte.)
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GANTRY_RUNTIME: 'aws',
      GANTRY_ARTIFACT_BUCKET: 'artifacts',
      GANTRY_TABLE_NAME: 'table',
      GANTRY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:111122223333:stateMachine:m',
      AWS_REGION: 'eu-west-1',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
  }).toString();
}
