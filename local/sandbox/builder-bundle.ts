import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild, version as esbuildVersion } from 'esbuild';
import * as z from '../../lambdas/domain/zod';
import { buildCacheDir } from '../build-cache';

/**
 * The builder entrypoint, bundled once per process into one file that the sandbox mounts
 * read-only. The bundle is cached next to a record of the hash of every input esbuild read; a
 * process reuses it only when all those hashes still match, so an edited builder source (or an
 * upgraded dependency) is picked up on the next start. A copy of it and its record is also kept
 * in the machine's build cache, so a stack on another data folder checks that record and copies
 * the bundle (a few ms) instead of bundling again (about 0.45 s of CPU, most of it esbuild's).
 *
 * The AWS SDK is left out of the local bundle: only the `aws` mode needs it, and that mode runs
 * from the image, which bundles everything.
 */

const MetaSchema = z.object({ esbuild: z.string(), entry: z.string(), inputs: z.record(z.string(), z.string()) });
type BundleRecord = z.infer<typeof MetaSchema>;
/** The machine's copy of a bundle's record also names the bundle's own hash: a pair half replaced by another writer is refused. */
const SharedMetaSchema = z.extend(MetaSchema, { sha256: z.string() });

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

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function sha256File(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch {
    return null;
  }
}

/** Whether `record` was made by this esbuild for `entry` from inputs that are all still as they were. */
async function recordIsCurrent(record: BundleRecord, entry: string): Promise<boolean> {
  if (record.esbuild !== esbuildVersion || record.entry !== entry) return false;
  for (const [path, hash] of Object.entries(record.inputs)) {
    if ((await sha256File(path)) !== hash) return false;
  }
  return true;
}

async function cachedBundleIsCurrent(metaPath: string, bundlePath: string, entry: string): Promise<boolean> {
  if (!existsSync(bundlePath)) return false;
  try {
    return await recordIsCurrent(MetaSchema.parse(JSON.parse(await readFile(metaPath, 'utf8'))), entry);
  } catch {
    return false;
  }
}

/** Writes under a temporary name and renames: another process sharing the folder never reads half a file. */
async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, data, { mode: 0o644 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** The machine's copy of the bundle of `entry` (one per entry and esbuild version; a newer one replaces it). */
function sharedPaths(sharedDir: string, entry: string): { bundle: string; meta: string } {
  const key = sha256(JSON.stringify([entry, esbuildVersion])).slice(0, 24);
  return { bundle: join(sharedDir, `bundle-${key}.js`), meta: join(sharedDir, `bundle-${key}.meta.json`) };
}

/**
 * The machine's copy of the bundle into `bundlePath` (with its record at `metaPath`), when that
 * copy is current for `entry` and whole; answers whether it was taken.
 */
async function takeSharedBundle(sharedDir: string, entry: string, bundlePath: string, metaPath: string): Promise<boolean> {
  const shared = sharedPaths(sharedDir, entry);
  try {
    const { sha256: bundleHash, ...record } = SharedMetaSchema.parse(JSON.parse(await readFile(shared.meta, 'utf8')));
    if (!(await recordIsCurrent(record, entry))) return false;
    const code = await readFile(shared.bundle);
    if (sha256(code) !== bundleHash) return false;
    await mkdir(dirname(bundlePath), { recursive: true, mode: 0o755 });
    await writeWhole(bundlePath, code);
    await writeWhole(metaPath, JSON.stringify(record, null, 1));
    return true;
  } catch {
    return false;
  }
}

/** Leaves a copy of a bundle just made, and its record, in the machine's cache (best effort: it is only a cache). */
async function keepSharedBundle(sharedDir: string, record: BundleRecord, code: Uint8Array): Promise<void> {
  const shared = sharedPaths(sharedDir, record.entry);
  try {
    await mkdir(sharedDir, { recursive: true });
    await writeWhole(shared.bundle, code);
    await writeWhole(shared.meta, JSON.stringify({ ...record, sha256: sha256(code) }, null, 1));
  } catch {
    // Another start will bundle on its own.
  }
}

async function buildBundle(cacheDir: string, entry: string, sharedDir: string | null): Promise<string> {
  const bundlePath = join(cacheDir, 'entrypoint.js');
  const metaPath = join(cacheDir, 'entrypoint.meta.json');
  if (await cachedBundleIsCurrent(metaPath, bundlePath, entry)) return bundlePath;
  if (sharedDir && (await takeSharedBundle(sharedDir, entry, bundlePath, metaPath))) return bundlePath;

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
  const record: BundleRecord = { esbuild: esbuildVersion, entry, inputs };
  await mkdir(cacheDir, { recursive: true, mode: 0o755 });
  await writeWhole(bundlePath, code.contents);
  await writeWhole(metaPath, JSON.stringify(record, null, 1));
  if (sharedDir) await keepSharedBundle(sharedDir, record, code.contents);
  return bundlePath;
}

const bundles = new Map<string, Promise<string>>();

/**
 * Path of the bundled entrypoint in `cacheDir` (built or verified at most once per process and
 * folder; `sharedDir`: the machine's copy, taken when current and kept when made). A failed build
 * is not cached, so the next call retries.
 */
export function ensureBuilderBundle(
  cacheDir: string,
  entry = defaultEntrypointSource(),
  sharedDir: string | null = null,
): Promise<string> {
  const key = `${resolve(cacheDir)}\0${entry}`;
  let pending = bundles.get(key);
  if (!pending) {
    pending = buildBundle(resolve(cacheDir), entry, sharedDir);
    bundles.set(key, pending);
    pending.catch(() => bundles.delete(key));
  }
  return pending;
}

/** Where a builder starts from: its bundle, and a startup snapshot of it when one could be made. */
export interface BuilderLaunch {
  readonly bundle: string;
  /** A V8 startup snapshot of the bundle for the Node binary that runs builders, or null. */
  readonly snapshot: string | null;
}

const run = promisify(execFile);

/**
 * A V8 startup snapshot of the builder bundle for `nodePath`, or null when this Node cannot make
 * one that works.
 *
 * Why: every build starts a builder process, and loading the bundle (compiling it, building its
 * validation schemas) was about a third of that process's start. Started from a snapshot, Node
 * deserializes the loaded modules instead (the same code, so the same builder), then runs `main`.
 *
 * The snapshot is made by `node --build-snapshot` with an empty environment, so nothing of the
 * stack's environment (a token, a key) can be captured in it; the builder reads its environment
 * when it runs. A snapshot only works for the exact Node binary that made it, so it is cached by
 * the bundle's hash and that binary (path, size, modification time, version). A new snapshot is
 * tried once before it is used: started with no job and no start byte, it must answer as the
 * bundle does; otherwise builders start from the bundle. A tried snapshot is also kept in the
 * machine's build cache (`sharedDir`), so another data folder copies it (a few ms) instead of
 * making its own (about 0.4 s of CPU).
 */
async function buildSnapshot(bundlePath: string, nodePath: string, sharedDir: string): Promise<string | null> {
  const node = await stat(nodePath);
  const bundleHash = (await sha256File(bundlePath)) ?? '';
  const key = createHash('sha256')
    .update(JSON.stringify([bundleHash, nodePath, node.size, node.mtimeMs, process.version]))
    .digest('hex')
    .slice(0, 24);
  const name = `entrypoint-${key}.blob`;
  const blob = join(dirname(bundlePath), name);
  if (existsSync(blob)) return blob;
  const shared = join(sharedDir, name);
  const tmp = `${blob}.${randomUUID()}.tmp`;
  try {
    if (existsSync(shared)) {
      // Made and tried by a stack on another data folder of this machine: a copy is that same file.
      await copyFile(shared, tmp);
    } else {
      await run(nodePath, ['--snapshot-blob', tmp, '--build-snapshot', bundlePath], { env: {}, timeout: 60_000 });
      // The builder's answer when no start byte comes: proof the snapshot reaches `main` and emits.
      const probe = await new Promise<string>((done) => {
        const child = execFile(
          nodePath,
          ['--snapshot-blob', tmp],
          { env: { GANTRY_BUILDER_START: 'stdin' }, timeout: 30_000 },
          (_err, stdout) => done(String(stdout)),
        );
        child.stdin?.end();
      });
      if (!probe.includes('"stdin closed before the start signal"')) {
        await rm(tmp, { force: true });
        return null;
      }
      await keepShared(tmp, shared);
    }
    await rename(tmp, blob);
    await pruneSnapshots(dirname(bundlePath), blob);
    return blob;
  } catch {
    await rm(tmp, { force: true });
    return null;
  }
}

/** Leaves a copy of a tried snapshot in the machine's cache (best effort: it is only a cache). */
async function keepShared(tried: string, shared: string): Promise<void> {
  const tmp = `${shared}.${randomUUID()}.tmp`;
  try {
    await mkdir(dirname(shared), { recursive: true });
    await copyFile(tried, tmp);
    await rename(tmp, shared);
    await pruneSnapshots(dirname(shared), shared);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/**
 * Removes snapshots of earlier bundles or binaries (5 MB each) unused for a day, and the partial
 * files of a process that stopped while it made or copied one. A stack still running a removed
 * snapshot finds it gone at its next builder start and starts that builder from the bundle.
 */
async function pruneSnapshots(dir: string, keep: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    if (path === keep || !/^entrypoint-[0-9a-f]+\.blob(?:\.[0-9a-f-]+\.tmp)?$/.test(name)) continue;
    const info = await stat(path).catch(() => null);
    if (info && info.atimeMs < dayAgo && info.mtimeMs < dayAgo) await rm(path, { force: true });
  }
}

const launches = new Map<string, Promise<BuilderLaunch>>();

/**
 * The bundle (see `ensureBuilderBundle`) and its startup snapshot for `nodePath` (made or verified
 * at most once per process, folder and binary; `sharedDir`: the machine's copies of both, default
 * in the build cache). A snapshot that cannot be made is not an error: builders then start from
 * the bundle.
 */
export function ensureBuilderLaunch(
  cacheDir: string,
  nodePath: string,
  options: { readonly entry?: string; readonly sharedDir?: string } = {},
): Promise<BuilderLaunch> {
  const entry = options.entry ?? defaultEntrypointSource();
  const sharedDir = options.sharedDir ?? join(buildCacheDir(), 'builder');
  const key = `${resolve(cacheDir)}\0${entry}\0${nodePath}`;
  let pending = launches.get(key);
  if (!pending) {
    pending = ensureBuilderBundle(cacheDir, entry, sharedDir).then(async (bundle) => ({
      bundle,
      snapshot: await buildSnapshot(bundle, nodePath, sharedDir),
    }));
    launches.set(key, pending);
    pending.catch(() => launches.delete(key));
  }
  return pending;
}
