import { has, type AppSpec, type KindTemplate } from './app-spec';
import { fixedBody, fixedMain } from './shared';
import { staticSource } from './static-sources';

/**
 * The typing kind: a typing speed test. A built-in passage is typed; each character shows right
 * or wrong as it is typed, the clock starts with the first key, and the speed (words per minute),
 * accuracy and mistakes follow; finished tests are kept with the best speed. The logic is
 * `static/typing/typing.js` with its tests; the page script and markup are fixed too.
 */

function body(spec: AppSpec): string {
  return fixedBody(spec, 'typing', 'Your results are kept in this browser.', 'Your results last until the page is closed.');
}

function main(spec: AppSpec): string {
  return fixedMain(spec, {
    names: ['addResult', 'bestSpeed', 'nextPassage', has(spec, 'local-storage') && 'normalizeResults', 'PASSAGES', 'progress'],
    module: 'typing.js',
    state: ['typing', '{ results: [] }', '(raw) => ({ results: normalizeResults(raw.results) })'],
    before: [staticSource('shared/secure-random.js')],
    script: 'typing/main.js',
  });
}

export function typingTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('typing/css.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/typing.js', content: staticSource('typing/typing.js') },
      { path: 'test/typing.test.js', content: staticSource('typing/typing-test.js') },
    ],
    layout: { 'src/typing.js': 'the passages, matching what was typed, speed and accuracy, as pure functions' },
  };
}
