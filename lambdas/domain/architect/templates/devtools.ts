import { has, type AppSpec, type KindTemplate } from './app-spec';
import { fixedBody, fixedMain } from './shared';
import { staticSource } from './static-sources';

/**
 * The devtools kind: text tools for developers. JSON formatted or minified exactly as written (its
 * own reader keeps every digit of a number and every escape of a string, and says at which line
 * and column a text does not read), Base64 and URL encoding of UTF-8 text both ways, and SHA
 * digests from the browser's crypto. The logic is `static/devtools/devtools.js` with its tests;
 * the page script and markup are fixed too.
 */

function body(spec: AppSpec): string {
  return fixedBody(
    spec,
    'devtools',
    'The JSON you type is kept in this browser; nothing is sent anywhere.',
    'Nothing you type is kept or sent anywhere.',
  );
}

function main(spec: AppSpec): string {
  return fixedMain(spec, {
    names: [
      'decodeBase64',
      'decodeUrl',
      'digestHex',
      'DIGESTS',
      'encodeBase64',
      'encodeUrl',
      'JsonError',
      'parseJson',
      'printJson',
    ],
    module: 'devtools.js',
    state: [
      'devtools',
      "{ json: '', indent: '2', sortKeys: false }",
      has(spec, 'local-storage')
        ? `(raw) => ({
    json: typeof raw.json === 'string' ? raw.json.slice(0, 200000) : '',
    indent: ['2', '4', 'tab'].includes(raw.indent) ? raw.indent : '2',
    sortKeys: raw.sortKeys === true,
  })`
        : '',
    ],
    script: 'devtools/main.js',
  });
}

export function devtoolsTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: staticSource('devtools/css.css'),
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/devtools.js', content: staticSource('devtools/devtools.js') },
      { path: 'test/devtools.test.js', content: staticSource('devtools/devtools-test.js') },
    ],
    layout: {
      'src/devtools.js': 'a JSON reader and printer that keeps numbers as written, Base64, URL encoding and SHA digests, as pure functions',
    },
  };
}
