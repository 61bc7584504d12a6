/**
 * Runs an app's package script the way npm does, without npm's own CLI.
 *
 * Why: `npm test` and `npm run build` start npm (a Node program of its own) before the app's script;
 * under the builder's CPU cap that start is about half of a small app's whole test-and-build time.
 * For the plain forms (`npm test`, `npm t`, `npm run <name>`, `npm run-script <name>`, no further
 * arguments) the builder runs the lifecycle itself with npm's semantics: `pre<name>`, `<name>`,
 * `post<name>` in turn through `/bin/sh -c`, stopping at the first failure with its exit code;
 * every `node_modules/.bin` from the app's folder up to `/` first on PATH; the `npm_lifecycle_*`,
 * `npm_package_*`, `INIT_CWD` and `NODE` variables npm sets; and npm's `> name@version event`
 * banner before each script. Anything else (other npm commands, arguments, a missing script, an
 * `.npmrc` or workspaces that could change what npm does) goes to npm itself, unchanged.
 *
 * The builder reads package.json, which the app's own commands could have replaced: it opens it
 * without following a link or blocking on a FIFO, and uses it only when it is a regular file with one
 * link (no hard link to a file of the builder's) owned by the app's uid when the app has its own.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The largest package.json the builder reads for a direct run (a larger one goes to npm). */
const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;
const SCRIPT_NAME = /^[\w:.@/-]+$/;
const PLAIN_NPM_SCRIPT = /^npm[ \t]+(?:(test|t|tst)|(?:run|run-script|rum|urn)[ \t]+([^\s'"`$\\;&|<>()*?#~]+))[ \t]*$/;

/** What runs instead of the npm command: one `/bin/sh` that runs each lifecycle script in turn. */
export interface DirectScriptRun {
  /** Arguments for `/bin/sh` (after the shell's own path). */
  readonly shellArgs: readonly string[];
  /** Variables to add to the command's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The lifecycle events it runs, in order (`pretest`, `test`, `posttest`, …). */
  readonly events: readonly string[];
}

/**
 * Runs the (event, script, banner) triples given as positional parameters, each in its own
 * `/bin/sh -c`, with that event's variables; stops at the first non-zero exit with its status.
 */
const LIFECYCLE_LOOP = [
  'while [ "$#" -gt 0 ]; do',
  '  printf "\\n%s\\n\\n" "$3"',
  '  npm_lifecycle_event="$1" npm_lifecycle_script="$2" /bin/sh -c "$2" || exit "$?"',
  '  shift 3',
  'done',
].join('\n');

/** The script a plain `npm test` / `npm run <name>` command runs (and npm's command name), or null for anything else. */
export function plainScript(command: string): { name: string; npmCommand: 'test' | 'run-script' } | null {
  const match = PLAIN_NPM_SCRIPT.exec(command.trim());
  if (!match) return null;
  if (match[1]) return { name: 'test', npmCommand: 'test' };
  const name = match[2] ?? '';
  return SCRIPT_NAME.test(name) ? { name, npmCommand: 'run-script' } : null;
}

/** Reads `dir/package.json` as described above; null when it is not safe or not an object. */
async function readPackageJson(dir: string, ownerUid: number | null): Promise<Record<string, unknown> | null> {
  let handle;
  try {
    handle = await open(join(dir, 'package.json'), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.nlink !== 1 || stat.size > MAX_PACKAGE_JSON_BYTES) return null;
    if (ownerUid !== null && stat.uid !== ownerUid) return null;
    const parsed: unknown = JSON.parse(await handle.readFile('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** True when `dir/.npmrc` exists in any form (its settings could change how npm runs scripts). */
async function hasNpmrc(dir: string): Promise<boolean> {
  try {
    const handle = await open(join(dir, '.npmrc'), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    await handle.close();
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** `node_modules/.bin` of `dir` and of every folder above it, nearest first (npm's order). */
function binFolders(dir: string): string[] {
  const folders: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    folders.push(join(current, 'node_modules', '.bin'));
    if (dirname(current) === current) return folders;
  }
}

/**
 * The direct run for `command` in `appDir`, or null when npm itself must run it. `basePath` is the
 * PATH the command would otherwise get; `ownerUid` is the app's uid when it runs as its own.
 */
export async function directScriptRun(
  command: string,
  appDir: string,
  basePath: string,
  ownerUid: number | null,
): Promise<DirectScriptRun | null> {
  const plain = plainScript(command);
  if (!plain) return null;
  const { name } = plain;
  const pkg = await readPackageJson(appDir, ownerUid);
  if (!pkg || pkg.workspaces !== undefined || (await hasNpmrc(appDir))) return null;
  const scripts = pkg.scripts;
  if (typeof scripts !== 'object' || scripts === null || Array.isArray(scripts)) return null;
  const table = scripts as Record<string, unknown>;
  const main = table[name];
  if (typeof main !== 'string' || main.trim() === '') return null;

  const pkgName = typeof pkg.name === 'string' ? pkg.name : '';
  const pkgVersion = typeof pkg.version === 'string' ? pkg.version : '';
  const id = pkgName && pkgVersion ? `${pkgName}@${pkgVersion}` : pkgName;
  const args: string[] = [];
  const events: string[] = [];
  for (const event of [`pre${name}`, name, `post${name}`]) {
    const script = table[event];
    if (typeof script !== 'string' || script.trim() === '') continue;
    const banner = `> ${id ? `${id} ` : ''}${event}\n> ${script.trim().replace(/\n/g, '\n> ')}`;
    args.push(event, script, banner);
    events.push(event);
  }
  const env: Record<string, string> = {
    PATH: [...binFolders(appDir), basePath].join(':'),
    INIT_CWD: appDir,
    NODE: process.execPath,
    npm_node_execpath: process.execPath,
    npm_command: plain.npmCommand,
    npm_package_json: join(appDir, 'package.json'),
    npm_config_local_prefix: appDir,
    ...(pkgName ? { npm_package_name: pkgName } : {}),
    ...(pkgVersion ? { npm_package_version: pkgVersion } : {}),
  };
  return { shellArgs: ['-c', LIFECYCLE_LOOP, 'npm-lifecycle', ...args], env, events };
}
