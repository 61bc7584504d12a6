// First: with UPDATE_APP_RUNTIME=1 it rewrites the pack before anything below reads it.
import { allFiles, filesUnder, runtimeSources, staticDir } from './app-runtime-pack';
import { runtimeFiles } from '../../lambdas/domain/architect/compiler/runtime-files';
import { draftManifest } from '../../lambdas/domain/architect/offline-architect';
import { fillSlots, staticSource } from '../../lambdas/domain/architect/templates/static-sources';
import { appFiles } from '../../lambdas/domain/architect/app-files';

test("the pack holds exactly the runtime files and the templates' fixed files", () => {
  expect(Object.keys(appFiles()).sort()).toEqual(Object.keys(allFiles()).sort());
});

test("the kind templates' embedded fixed files equal the files in templates/static", () => {
  const actual = filesUnder(staticDir);
  for (const [path, text] of Object.entries(actual)) expect({ path, text: staticSource(path) }).toEqual({ path, text });
  expect(() => staticSource('no/such-file.js')).toThrow('No template file static/no/such-file.js');
});

test('the embedded app runtime equals the runtime source files', () => {
  const actual = runtimeSources();
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
