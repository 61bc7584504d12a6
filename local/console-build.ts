import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../lambdas/domain/policy-file';

const run = promisify(execFile);

/** Where the console's sources live and where their build goes (served under /web/). */
export const CONSOLE_SOURCE = join(PROJECT_ROOT, 'web');
export const CONSOLE_DIST = join(CONSOLE_SOURCE, 'dist');
const HASH_FILE = '.source-hash';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'missing';
  }
}

/** A digest of everything the build reads: the sources, the config and the toolchain's versions. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    join(CONSOLE_SOURCE, 'index.html'),
    join(CONSOLE_SOURCE, 'vite.config.mjs'),
    ...filesUnder(join(CONSOLE_SOURCE, 'src')),
    ...filesUnder(join(CONSOLE_SOURCE, 'public')),
  ].sort();
  for (const file of files) {
    hash.update(relative(CONSOLE_SOURCE, file)).update('\0');
    hash.update(statSync(file).isFile() ? readFileSync(file) : '').update('\0');
  }
  hash.update(`vite@${versionOf('vite')} preact@${versionOf('preact')}`);
  return hash.digest('hex');
}

let building: Promise<string> | null = null;

/**
 * Builds the web console with Vite when its sources changed since the last build (the digest of the
 * sources is kept next to the build), and returns the folder to serve. Offline: Vite and Preact
 * come from node_modules. The build is made in a folder of its own and renamed into place, so a
 * reader never sees half a build.
 */
export function ensureConsoleBuilt(): Promise<string> {
  building ??= build().finally(() => {
    building = null;
  });
  return building;
}

async function build(): Promise<string> {
  const digest = consoleSourceHash();
  const current = await readFile(join(CONSOLE_DIST, HASH_FILE), 'utf8').catch(() => '');
  if (current.trim() === digest) return CONSOLE_DIST;
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    throw new Error('The web console needs building and Vite is not installed: run `npm ci` first');
  }
  const out = join(CONSOLE_SOURCE, `.dist-${process.pid}-${Date.now()}`);
  try {
    await run(process.execPath, [vite, 'build', '--config', join(CONSOLE_SOURCE, 'vite.config.mjs')], {
      cwd: CONSOLE_SOURCE,
      env: { ...process.env, GANTRY_CONSOLE_OUT: out, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
    });
    await writeFile(join(out, HASH_FILE), digest);
    // Another process may have finished the same build meanwhile: its build is as good as ours.
    const again = await readFile(join(CONSOLE_DIST, HASH_FILE), 'utf8').catch(() => '');
    if (again.trim() === digest) return CONSOLE_DIST;
    const old = `${CONSOLE_DIST}.old-${process.pid}-${Date.now()}`;
    await rename(CONSOLE_DIST, old).catch(() => undefined);
    await rename(out, CONSOLE_DIST);
    await rm(old, { recursive: true, force: true });
    return CONSOLE_DIST;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`Building the web console failed: ${(e.stderr || e.stdout || e.message).trim().slice(0, 2000)}`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
