import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeFiles } from '../../lambdas/domain/architect/compiler/runtime-files';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import { fillSlots, staticSource } from '../../lambdas/domain/architect/templates/static-sources';
import { appFiles } from '../../lambdas/domain/architect/app-files';
import { packFiles } from '../../lambdas/domain/architect/packed-files';

// The compiler ships the runtime modules and the templates' fixed files as data (so a bundled
// Lambda needs no files beside it), brotli-compressed in one pack. This test keeps that data
// equal to the real, linted sources; UPDATE_APP_RUNTIME=1 rewrites it.
const architectDir = join(__dirname, '../../lambdas/domain/architect');
const runtimeDir = join(architectDir, 'compiler', 'runtime');
const staticDir = join(architectDir, 'templates', 'static');

function sources(): Record<string, string> {
  const names = readdirSync(runtimeDir)
    .filter((n) => /\.(js|css)$/.test(n))
    .sort();
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(runtimeDir, n), 'utf8')]));
}

/** The files of `dir` and its folders, by path relative to it ('/'-separated), in sorted order. */
function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, filesUnder(path, `${prefix}${entry.name}/`));
    else if (/\.(js|css|html|json|md)$/.test(entry.name)) out[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** Every file the pack must hold: the runtime's under `runtime/`, the templates' under `static/`. */
function allFiles(): Record<string, string> {
  const prefixed = (prefix: string, files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`${prefix}${path}`, text]));
  return { ...prefixed('runtime/', sources()), ...prefixed('static/', filesUnder(staticDir)) };
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

test("the pack holds exactly the runtime files and the templates' fixed files", () => {
  expect(Object.keys(appFiles()).sort()).toEqual(Object.keys(allFiles()).sort());
});

test("the kind templates' embedded fixed files equal the files in templates/static", () => {
  const actual = filesUnder(staticDir);
  for (const [path, text] of Object.entries(actual)) expect({ path, text: staticSource(path) }).toEqual({ path, text });
  expect(() => staticSource('no/such-file.js')).toThrow('No template file static/no/such-file.js');
});

test('the embedded app runtime equals the runtime source files', () => {
  const actual = sources();
  const embedded = runtimeFiles();
  expect(Object.keys(embedded).sort()).toEqual(Object.keys(actual));
  for (const [name, text] of Object.entries(actual)) expect({ name, text: embedded[name] }).toEqual({ name, text });
});

test('a fixed file gets its slots filled, and a slot missing on either side is an error', () => {
  expect(fillSlots('let a = {{first}};\nsave({{second}});', { first: '1', second: "'x'" })).toBe("let a = 1;\nsave('x');");
  expect(() => fillSlots('{{first}}', {})).toThrow('No value for the slot {{first}}');
  expect(() => fillSlots('nothing here', { first: '1' })).toThrow('The text has no slot {{first}}');
  // The apps made from files with slots carry none of them.
  for (const prompt of ['a kanban board', 'a notes app like Notion', 'a todo list', 'a hangman game']) {
    for (const file of draftManifest({ prompt }).files)
      expect({ path: file.path, slot: /\{\{[A-Za-z]+\}\}/.test(file.content) }).toEqual({ path: file.path, slot: false });
  }
});
