import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packFiles } from '../../lambdas/domain/architect/packed-files';

/**
 * The compiler ships the runtime modules and the templates' fixed files as data (so a bundled
 * Lambda needs no files beside it), brotli-compressed in one pack. app-runtime-sources.test.ts
 * keeps that data equal to the real, linted sources; UPDATE_APP_RUNTIME=1 rewrites it. The
 * rewrite happens when this module loads, which the test imports before any module that reads
 * the pack: a change to the packing itself can then rewrite a pack the old code cannot read.
 */
const architectDir = join(__dirname, '../../lambdas/domain/architect');
const runtimeDir = join(architectDir, 'compiler', 'runtime');
export const staticDir = join(architectDir, 'templates', 'static');

/** The runtime modules the compiled apps carry, by file name. */
export function runtimeSources(): Record<string, string> {
  const names = readdirSync(runtimeDir)
    .filter((n) => /\.(js|css)$/.test(n))
    .sort();
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(runtimeDir, n), 'utf8')]));
}

/** The files of `dir` and its folders, by path relative to it ('/'-separated), in sorted order. */
export function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, filesUnder(path, `${prefix}${entry.name}/`));
    else if (/\.(js|css|html|json|md)$/.test(entry.name)) out[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** Every file the pack must hold: the runtime's under `runtime/`, the templates' under `static/`. */
export function allFiles(): Record<string, string> {
  const prefixed = (prefix: string, files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`${prefix}${path}`, text]));
  return { ...prefixed('runtime/', runtimeSources()), ...prefixed('static/', filesUnder(staticDir)) };
}

if (process.env.UPDATE_APP_RUNTIME === '1') {
  writeFileSync(
    join(architectDir, 'app-files.generated.ts'),
    '// Generated from ./compiler/runtime and ./templates/static by test/architect/app-runtime-sources.test.ts\n' +
      '// (UPDATE_APP_RUNTIME=1). Do not edit. Their files as one JSON object, brotli-compressed, in 117\n' +
      '// ASCII characters, control characters written as escapes (./packed-files.ts; read by ./app-files.ts).\n' +
      `export const APP_FILES_PACKED =\n  ${JSON.stringify(packFiles(allFiles()))};\n`,
  );
}
