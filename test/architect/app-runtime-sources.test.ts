import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeFiles } from '../../lambdas/domain/architect/compiler/runtime-files';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import { fillSlots, staticSource } from '../../lambdas/domain/architect/templates/static-sources';
import { STATIC_SOURCES_PACKED } from '../../lambdas/domain/architect/templates/static-sources.generated';
import { packFiles, unpackFiles } from '../../lambdas/domain/architect/packed-files';

// The compiler ships the runtime modules as data (so a bundled Lambda needs no files beside it),
// brotli-compressed. This test keeps that data equal to the real, linted sources;
// UPDATE_APP_RUNTIME=1 rewrites it.
const compilerDir = join(__dirname, '../../lambdas/domain/architect/compiler');
const runtimeDir = join(compilerDir, 'runtime');

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
    else if (/\.(js|css|html)$/.test(entry.name)) out[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** Writes `files` as a generated module: one JSON object, packed (packed-files.ts), in the constant `name`. */
function writePacked(
  path: string,
  name: string,
  folder: string,
  what: string,
  readBy: string,
  files: Record<string, string>,
): void {
  writeFileSync(
    path,
    `// Generated from ${folder} by test/architect/app-runtime-sources.test.ts (UPDATE_APP_RUNTIME=1). Do not edit.\n` +
      `// ${what} as one JSON object, brotli-compressed, in Z85 (read by ${readBy}).\n` +
      `export const ${name} =\n  '${packFiles(files)}';\n`,
  );
}

test("the kind templates' embedded fixed files equal the files in templates/static", () => {
  const templatesDir = join(__dirname, '../../lambdas/domain/architect/templates');
  const actual = filesUnder(join(templatesDir, 'static'));
  if (process.env.UPDATE_APP_RUNTIME === '1') {
    writePacked(
      join(templatesDir, 'static-sources.generated.ts'),
      'STATIC_SOURCES_PACKED',
      './static',
      "The templates' fixed files",
      './static-sources.ts',
      actual,
    );
    return;
  }
  const embedded = unpackFiles(STATIC_SOURCES_PACKED);
  expect(Object.keys(embedded as object)).toEqual(Object.keys(actual));
  for (const [path, text] of Object.entries(actual)) expect({ path, text: staticSource(path) }).toEqual({ path, text });
  expect(() => staticSource('no/such-file.js')).toThrow('No template file static/no/such-file.js');
});

test('the embedded app runtime equals the runtime source files', () => {
  const actual = sources();
  if (process.env.UPDATE_APP_RUNTIME === '1') {
    writePacked(
      join(compilerDir, 'runtime-sources.generated.ts'),
      'RUNTIME_FILES_PACKED',
      './runtime',
      "The runtime's files",
      './runtime-files.ts',
      actual,
    );
    return;
  }
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
