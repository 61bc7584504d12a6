import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { build as esbuild, version as esbuildVersion } from 'esbuild';
import * as z from 'zod';

/**
 * The builder entrypoint, bundled once per process into one file that the sandbox mounts
 * read-only. The bundle is cached next to a record of the hash of every input esbuild read; a
 * process reuses it only when all those hashes still match, so an edited builder source (or an
 * upgraded dependency) is picked up on the next start.
 *
 * The AWS SDK is left out of the local bundle: only the `aws` mode needs it, and that mode runs
 * from the image, which bundles everything.
 */

const MetaSchema = z.object({ esbuild: z.string(), entry: z.string(), inputs: z.record(z.string(), z.string()) });

/** Finds `builder-image/src/entrypoint.ts` from this module's folder upwards. */
export function defaultEntrypointSource(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'builder-image', 'src', 'entrypoint.ts');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('builder-image/src/entrypoint.ts not found above ' + __dirname);
    dir = parent;
  }
}

async function sha256File(path: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return null;
  }
}

async function cachedBundleIsCurrent(
  metaPath: string,
  bundlePath: string,
  entry: string,
  esbuildVersion: string,
): Promise<boolean> {
  if (!existsSync(bundlePath)) return false;
  let meta;
  try {
    meta = MetaSchema.parse(JSON.parse(await readFile(metaPath, 'utf8')));
  } catch {
    return false;
  }
  if (meta.esbuild !== esbuildVersion || meta.entry !== entry) return false;
  for (const [path, hash] of Object.entries(meta.inputs)) {
    if ((await sha256File(path)) !== hash) return false;
  }
  return true;
}

async function buildBundle(cacheDir: string, entry: string): Promise<string> {
  const bundlePath = join(cacheDir, 'entrypoint.js');
  const metaPath = join(cacheDir, 'entrypoint.meta.json');
  if (await cachedBundleIsCurrent(metaPath, bundlePath, entry, esbuildVersion)) return bundlePath;

  const workingDir = dirname(entry);
  const out = await esbuild({
    entryPoints: [entry],
    absWorkingDir: workingDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    write: false,
    metafile: true,
    outfile: bundlePath,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = out.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!code) throw new Error('esbuild produced no bundle for the builder entrypoint');
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(out.metafile.inputs)) {
    const path = isAbsolute(input) ? input : resolve(workingDir, input);
    inputs[path] = (await sha256File(path)) ?? '';
  }
  await mkdir(cacheDir, { recursive: true, mode: 0o755 });
  // Temporary name + rename: another process sharing the cache never mounts half a bundle.
  const tmp = `${bundlePath}.${randomUUID()}.tmp`;
  await writeFile(tmp, code.contents, { mode: 0o644 });
  await rename(tmp, bundlePath);
  const metaTmp = `${metaPath}.${randomUUID()}.tmp`;
  await writeFile(metaTmp, JSON.stringify({ esbuild: esbuildVersion, entry, inputs }, null, 1), { mode: 0o644 });
  await rename(metaTmp, metaPath);
  return bundlePath;
}

const bundles = new Map<string, Promise<string>>();

/**
 * Path of the bundled entrypoint in `cacheDir` (built or verified at most once per process and
 * folder). A failed build is not cached, so the next call retries.
 */
export function ensureBuilderBundle(cacheDir: string, entry = defaultEntrypointSource()): Promise<string> {
  const key = `${resolve(cacheDir)}\0${entry}`;
  let pending = bundles.get(key);
  if (!pending) {
    pending = buildBundle(resolve(cacheDir), entry);
    bundles.set(key, pending);
    pending.catch(() => bundles.delete(key));
  }
  return pending;
}
