import { themeFor, withAccent } from '../themes';
import { blocks, type GeneratedFile } from '../templates/app-spec';
import { staticSource } from '../templates/static-sources';
import {
  buildScriptWith,
  colourLines,
  DEFAULT_PALETTE,
  pageHtml,
  TEST_RUNNER_PATH,
  TEST_SCRIPT,
  testRunner,
} from '../templates/shared';
import { describeSpec } from './describe-spec';
import { parseAppSpec, type AppSpec } from './app-spec-schema';
import { runtimeFiles } from './runtime-files';

/**
 * The app compiler: turns an app spec into the same project layout the kind templates write
 * (package.json with `npm test` and `npm run build`, build.mjs, index.html, styles.css, src/,
 * test/, README.md). The runtime modules are real source files in `runtime/`, copied as they are;
 * the spec travels as data in `src/spec.js`, which the page and the generated tests both read.
 */

/** The kind recorded for compiled apps (in build info and on `<html data-app-kind>`). */
export const COMPILED_KIND = 'compiled';

function runtime(name: string): string {
  const text = runtimeFiles()[name];
  if (text === undefined) throw new Error(`The app runtime has no ${name}`);
  return text;
}

/** What build.mjs writes to dist/build-info.json and package.json carries: enough to compile the app again. */
export function compiledBuildInfo(spec: AppSpec): Record<string, unknown> {
  return { name: spec.projectName, title: spec.title, kind: COMPILED_KIND, spec };
}

function packageJson(spec: AppSpec): string {
  const pkg = {
    name: spec.projectName,
    version: '1.0.0',
    private: true,
    description: describeSpec(spec).summary,
    type: 'module',
    engines: { node: '>=20' },
    scripts: { test: TEST_SCRIPT, build: 'node build.mjs' },
    gantry: compiledBuildInfo(spec),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function indexHtml(spec: AppSpec): string {
  const theme = themeFor(spec.look.theme);
  return pageHtml(
    [
      'lang="en"',
      `data-app-kind="${COMPILED_KIND}"`,
      theme ? `data-design-target="${theme.id}" data-theme-version="${theme.version}"` : null,
      spec.look.accent ? `data-accent="${spec.look.accent}"` : null,
    ],
    {
      title: spec.title,
      description: describeSpec(spec).summary,
      dark: true,
      main: [`    <main id="app" class="app app-${COMPILED_KIND}"></main>`],
    },
  );
}

function stylesCss(spec: AppSpec): string {
  const theme = themeFor(spec.look.theme);
  const palette = withAccent(theme?.palette ?? DEFAULT_PALETTE, spec.look.accent);
  const head = blocks(
    theme ? `/* ${theme.name} v${theme.version}: colours and type close to ${theme.inspiredBy}'s public look. */` : null,
    ':root {',
    colourLines('light', palette.light),
    `  --radius: ${theme?.radius ?? '10px'};`,
    '  --focus: #f59e0b;',
    theme ? `  --font: ${theme.font};` : null,
    '}',
    '',
    ":root[data-theme='dark'] {",
    colourLines('dark', palette.dark),
    '}',
    '',
  );
  return `${head}\n${runtime('app.css')}`;
}

function specModule(spec: AppSpec): string {
  return `// The app spec this app was compiled from; the page and the tests read it.\nexport const SPEC = ${JSON.stringify(spec, null, 2)};\n`;
}

function readme(spec: AppSpec): string {
  const words = describeSpec(spec);
  return blocks(
    `# ${spec.title}`,
    '',
    `${words.summary}`,
    '',
    ...words.lines.map((line) => `- ${line}`),
    '',
    staticSource('shared/compiled-readme.md'),
  );
}

/**
 * Every file of the app `raw` describes, in a fixed order. The spec is parsed first (this is the
 * architect's input boundary), so an invalid spec is an InvalidAppSpecError, never a broken app.
 * Pure and deterministic: equal specs give byte-identical files.
 */
export function compileApp(raw: unknown): GeneratedFile[] {
  const spec = parseAppSpec(raw, 'the architect input');
  const files: GeneratedFile[] = [
    { path: 'package.json', content: packageJson(spec) },
    { path: 'build.mjs', content: buildScriptWith(compiledBuildInfo(spec)) },
    { path: 'index.html', content: indexHtml(spec) },
    { path: 'styles.css', content: stylesCss(spec) },
    { path: 'src/spec.js', content: specModule(spec) },
    { path: 'src/model.js', content: runtime('model.js') },
    { path: 'src/store.js', content: runtime('store.js') },
    { path: 'src/ui.js', content: runtime('ui.js') },
    { path: 'src/main.js', content: runtime('main.js') },
    { path: 'test/behaviours.test.js', content: runtime('behaviours.test.js') },
    { path: 'README.md', content: readme(spec) },
  ];
  return [...files, { path: TEST_RUNNER_PATH, content: testRunner(files) }];
}
