import { APP_KINDS, FEATURES, kindDescription } from '../catalog';
import { themeFor, withAccent, type Palette } from '../themes';
import {
  blocks,
  escapeHtml,
  has,
  importLine,
  js,
  jsString,
  needsStorage,
  storageKey,
  type AppSpec,
  type GeneratedFile,
  type KindTemplate,
} from './app-spec';
import { fillSlots, staticSource } from './static-sources';

/** What `build.mjs` writes to `dist/build-info.json`, and what the heal reads back to regenerate an app. */
export function buildInfo(spec: AppSpec): Record<string, unknown> {
  return {
    name: spec.projectName,
    title: spec.title,
    kind: spec.kind,
    features: [...spec.features],
    designTarget: spec.designTarget,
    ...(spec.accent ? { accent: spec.accent } : {}),
    ...(spec.intervals ? { intervals: spec.intervals } : {}),
  };
}

/** The file `npm test` runs, at the app's root (outside test/, so `node --test` does not pick it up too). */
export const TEST_RUNNER_PATH = 'run-tests.js';
/** The generated apps' `npm test`: their test files, all in one Node process. */
export const TEST_SCRIPT = `node ${TEST_RUNNER_PATH}`;

/**
 * The app's test runner: imports every test file of `files` (each `test/*.test.js`) into this one
 * Node process, sorted by path, so node:test runs them all and reports them together. `node --test`
 * starts a Node process per file plus one of its own, which costs several times the tests
 * themselves for apps this size. A file that fails to load is one failing test named after the
 * file, and the other files still run, as with `node --test`.
 */
export function testRunner(files: readonly GeneratedFile[]): string {
  // In the order node --test runs them (sorted by path).
  const tests = files
    .map((f) => f.path)
    .filter((path) => /^test\/[^/]+\.test\.js$/.test(path))
    .sort();
  return blocks(
    "// npm test runs this file: every test file in test/ in this one Node process, in order.",
    "// A new test file goes in the list below (node --test also runs them, a process per file).",
    "import { test } from 'node:test';",
    '',
    'const files = {',
    ...tests.map((path) => `  ${jsString(path)}: () => import(${jsString(`./${path}`)}),`),
    '};',
    '',
    'for (const [file, load] of Object.entries(files)) {',
    '  try {',
    '    await load();',
    '  } catch (error) {',
    '    // A file that does not load fails as one test named after it; the others still run.',
    '    test(file, () => {',
    '      throw error;',
    '    });',
    '  }',
    '}',
    '',
  );
}

export function packageJson(spec: AppSpec): string {
  const pkg = {
    name: spec.projectName,
    version: '1.0.0',
    private: true,
    description: kindDescription(spec.kind, spec.features),
    type: 'module',
    engines: { node: '>=20' },
    scripts: { test: TEST_SCRIPT, build: 'node build.mjs' },
    gantry: buildInfo(spec),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function buildScript(spec: AppSpec): string {
  return buildScriptWith(buildInfo(spec));
}

/** The build script for an app whose build info (name, title and what regenerates it) is `info`. */
export function buildScriptWith(info: Readonly<Record<string, unknown>>): string {
  return fillSlots(staticSource('shared/build-script-head.js'), { app: JSON.stringify(info) }) + staticSource('shared/build-script-rest.js');
}

/**
 * The page of every app, kind template or compiled: the head, a header with the title (and the
 * dark-mode switch when the app has one), then `main`'s lines. `attributes` go on `<html>` in
 * their order (nulls left out).
 */
export function pageHtml(
  attributes: ReadonlyArray<string | null>,
  page: { readonly title: string; readonly description: string; readonly dark: boolean; readonly main: readonly string[] },
): string {
  const title = escapeHtml(page.title);
  return fillSlots(staticSource('shared/page.html'), {
    attributes: attributes.filter((a) => a !== null).join(' '),
    colorScheme: page.dark ? '    <meta name="color-scheme" content="light dark">\n' : '',
    description: escapeHtml(page.description),
    title,
    toggle: page.dark
      ? '      <button id="theme-toggle" type="button" class="theme-toggle" aria-pressed="false">Dark mode</button>\n'
      : '',
    main: page.main.map((line) => `${line}\n`).join(''),
  });
}

export function indexHtml(spec: AppSpec, body: string): string {
  const theme = themeFor(spec.designTarget);
  return pageHtml(
    [
      'lang="en"',
      `data-app-kind="${spec.kind}"`,
      spec.designTarget ? `data-design-target="${escapeHtml(spec.designTarget)}"` : null,
      theme ? `data-theme-version="${theme.version}"` : null,
      spec.accent ? `data-accent="${spec.accent}"` : null,
    ],
    {
      title: spec.title,
      description: kindDescription(spec.kind, spec.features),
      dark: has(spec, 'dark-mode'),
      main: [`    <main id="app" class="app app-${spec.kind}">`, body.trimEnd(), '    </main>'],
    },
  );
}

export const DEFAULT_PALETTE: { readonly light: Palette; readonly dark: Palette } = {
  light: {
    bg: '#f5f6f8',
    surface: '#ffffff',
    surface2: '#eceff3',
    text: '#1b2230',
    muted: '#596372',
    border: '#cfd5dd',
    accent: '#2456d3',
    accentText: '#ffffff',
    danger: '#b42318',
    ok: '#137333',
  },
  dark: {
    bg: '#10141b',
    surface: '#19202a',
    surface2: '#232c38',
    text: '#e6eaf0',
    muted: '#9ba6b5',
    border: '#354050',
    accent: '#7aa2ff',
    accentText: '#0b1220',
    danger: '#ff8f85',
    ok: '#7bd88f',
  },
};

/** The colour variables of one scheme, indented for a rule body. */
export function colourLines(scheme: 'light' | 'dark', p: Palette): string {
  return [
    `  color-scheme: ${scheme};`,
    `  --bg: ${p.bg};`,
    `  --surface: ${p.surface};`,
    `  --surface-2: ${p.surface2};`,
    `  --text: ${p.text};`,
    `  --muted: ${p.muted};`,
    `  --border: ${p.border};`,
    `  --accent: ${p.accent};`,
    `  --accent-text: ${p.accentText};`,
    `  --danger: ${p.danger};`,
    `  --ok: ${p.ok};`,
  ].join('\n');
}

export function stylesCss(spec: AppSpec, kindCss: string): string {
  const theme = themeFor(spec.designTarget);
  const palette = withAccent(theme?.palette ?? DEFAULT_PALETTE, spec.accent);
  const LIGHT_COLOURS = colourLines('light', palette.light);
  const DARK_COLOURS = colourLines('dark', palette.dark);
  const dark = has(spec, 'dark-mode')
    ? fillSlots(staticSource('shared/dark.css'), {
        darkIndented: DARK_COLOURS.replace(/^ {2}/gm, '    '),
        dark: DARK_COLOURS,
      })
    : null;
  return blocks(
    fillSlots(staticSource('shared/root.css'), {
      theme: theme ? `/* ${theme.name} v${theme.version}: colours and type close to ${theme.inspiredBy}'s public look. */\n` : '',
      light: LIGHT_COLOURS,
      radius: theme?.radius ?? '10px',
      font: theme?.font ?? "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      dark: dark ? `\n${dark}` : '',
    }),
    staticSource('shared/base.css'),
    kindCss.trim(),
    '',
  );
}

/** Opening of every `src/main.js`: the element lookup, the browser storage and the theme toggle. */
export function mainPreamble(spec: AppSpec): string {
  return blocks(
    staticSource('shared/by-id.js'),
    needsStorage(spec) && 'const storage = browserStorage();\n',
    has(spec, 'dark-mode') && fillSlots(staticSource('shared/theme-toggle.js'), { themeKey: jsString(storageKey(spec, 'theme')) }),
  );
}

/**
 * The history's section of a page: its title, its clear button, what it says while empty and the
 * list (`extra`: the calculator's own classes on the section and the list).
 */
export function historySection(title: string, empty: string, extra = false): string {
  return fillSlots(staticSource('shared/history-section.html'), {
    sectionClass: extra ? 'card history' : 'card',
    title,
    empty,
    listClass: extra ? ' class="history-list"' : '',
  }).trimEnd();
}

/** The history list's rendering, newest first, each entry as input, separator, output. */
export function renderHistoryScript(separator: string): string {
  return fillSlots(staticSource('shared/render-history.js'), { separator: jsString(separator) });
}

/** The history's clear button: empties it, runs `save` (lines of code, or ''), renders. */
export function clearHistoryScript(save: string): string {
  return js`historyClear.addEventListener('click', () => {
  history = [];
${save}  renderHistory();
});
`;
}

/**
 * main.js's kept state: `let state` and `save()`. With saving on, the state is read back from
 * storage under `name` (`revive` turns what was saved into a state, `fallback` when none); without
 * it, the state lasts until the page is closed.
 */
export function savedState(spec: AppSpec, name: string, fallback: string, revive: string): string {
  return has(spec, 'local-storage')
    ? fillSlots(staticSource('shared/saved-state.js'), { key: jsString(storageKey(spec, name)), fallback, revive })
    : fillSlots(staticSource('shared/unsaved-state.js'), { fallback });
}

/**
 * The page body of a kind whose markup is one fixed file (`static/<folder>/body.html`), then a line
 * saying whether what the app holds is kept in this browser (`kept`) or lasts until the page is
 * closed (`lasts`).
 */
export function fixedBody(spec: AppSpec, folder: string, kept: string, lasts: string): string {
  return blocks(
    staticSource(`${folder}/body.html`).trimEnd(),
    `      <p class="muted">${escapeHtml(has(spec, 'local-storage') ? kept : lasts)}</p>`,
  );
}

/** What a kind with a fixed page script needs of its `src/main.js`. */
export interface FixedMain {
  /** The names main.js imports from its logic module (false: not in this build). */
  readonly names: ReadonlyArray<string | false>;
  /** The logic module, as `./<module>` from main.js. */
  readonly module: string;
  /** savedState's name, fallback and revive. */
  readonly state: readonly [name: string, fallback: string, revive: string];
  /** Code between the kept state and the script. */
  readonly before?: readonly string[];
  /** The page script, `static/<script>`. */
  readonly script: string;
}

/** `src/main.js` of a kind whose page script is one fixed file: the imports, the kept state, the script. */
export function fixedMain(spec: AppSpec, main: FixedMain): string {
  return blocks(
    ...sharedImports(spec),
    importLine(main.names, `./${main.module}`),
    '',
    mainPreamble(spec),
    savedState(spec, ...main.state),
    ...(main.before ?? []),
    staticSource(main.script),
  );
}

/** Import lines every `src/main.js` needs for the shared feature modules. */
export function sharedImports(spec: AppSpec): string[] {
  return [
    needsStorage(spec) &&
      (has(spec, 'local-storage')
        ? js`import { browserStorage, createStore } from './storage.js';`
        : js`import { browserStorage } from './storage.js';`),
    has(spec, 'dark-mode') && js`import { applyTheme, hasSavedTheme, loadTheme, saveTheme, toggleTheme } from './theme.js';`,
    has(spec, 'export') && js`import { buildExport, downloadText, exportFileName, serializeExport } from './export.js';`,
  ].filter((line): line is string => typeof line === 'string');
}

const STORAGE_MODULE = staticSource('shared/storage-module.js');

/** An in-memory Storage for the generated tests (same methods as window.localStorage). */
const FAKE_STORAGE = staticSource('shared/fake-storage.js');

const STORAGE_TEST = fillSlots(staticSource('shared/storage-test.js'), { fakeStorage: FAKE_STORAGE });

const THEME_MODULE = staticSource('shared/theme-module.js');

const THEME_TEST = fillSlots(staticSource('shared/theme-test.js'), { fakeStorage: FAKE_STORAGE });

const HISTORY_MODULE = staticSource('shared/history-module.js');

const HISTORY_TEST = staticSource('shared/history-test.js');

const EXPORT_MODULE = staticSource('shared/export-module.js');

const EXPORT_TEST = staticSource('shared/export-test.js');

/** main.js's export button: the app's `kind` of records (`items`, an expression) saved as a JSON file. */
export function exportHandler(spec: AppSpec, kind: string, items: string): string {
  return fillSlots(staticSource('shared/export-handler.js'), {
    title: jsString(spec.title),
    kind,
    items,
    projectName: jsString(spec.projectName),
  });
}

/** main.js's store of its records (`name`), saved under the app's key for `kind`. */
export function recordsStore(spec: AppSpec, kind: string, name: string, fallback: string, revive: string): string {
  return fillSlots(staticSource('shared/records-store.js'), { key: jsString(storageKey(spec, kind)), fallback, revive, name }).trimEnd();
}

/** main.js's search box: what is typed becomes `query`, and `render` shows what matches. */
export function searchHandler(query: string, render: string): string {
  return fillSlots(staticSource('shared/search-handler.js'), { query, render });
}

function markupTest(spec: AppSpec): string {
  return fillSlots(staticSource('shared/markup-test.js'), { title: jsString(escapeHtml(spec.title)) });
}

function readme(spec: AppSpec, template: KindTemplate): string {
  const kind = APP_KINDS[spec.kind];
  const featureLines = spec.features.map((f) => `- **${FEATURES[f].title}**: ${FEATURES[f].description}`);
  const layout: Record<string, string> = {
    'index.html': 'the page',
    'styles.css': 'the styles',
    'src/main.js': 'connects the page to the logic modules (the only code that touches the DOM)',
    ...template.layout,
    ...(needsStorage(spec) ? { 'src/storage.js': 'JSON values in localStorage, testable with an in-memory storage' } : {}),
    ...(has(spec, 'dark-mode') ? { 'src/theme.js': 'light/dark theme choice' } : {}),
    ...(has(spec, 'history') ? { 'src/history.js': 'the list of recent results' } : {}),
    ...(has(spec, 'export') ? { 'src/export.js': 'JSON export' } : {}),
    'test/': 'unit tests (`node:test`), one file per module, plus checks of the page markup',
    [TEST_RUNNER_PATH]: 'runs every test file in one Node process (`npm test`)',
    'build.mjs': 'copies the site into `dist/` after checking every local link and import',
  };
  return blocks(
    `# ${spec.title}`,
    '',
    kind.description,
    '',
    featureLines.length > 0 && blocks('## Features', '', ...featureLines, ''),
    spec.designTarget !== null &&
      (themeFor(spec.designTarget)
        ? blocks(
            `Theme: ${themeFor(spec.designTarget)?.name} (v${themeFor(spec.designTarget)?.version}), a look-alike of ${themeFor(spec.designTarget)?.inspiredBy} built from original code:`,
            '',
            ...(themeFor(spec.designTarget)?.traits ?? []).map((t) => `- ${t}`),
            '',
          )
        : blocks(
            `Design target: ${spec.designTarget}. It is recorded on the page (\`data-design-target\`); no theme exists for it, so the look is the default one.`,
            '',
          )),
    spec.accent && blocks(`Accent colour: ${spec.accent} (buttons, links and highlights, in the light and the dark scheme).`, ''),
    fillSlots(staticSource('shared/readme-use.md'), { projectName: spec.projectName }),
    ...Object.entries(layout).map(([path, purpose]) => `- \`${path}\`: ${purpose}`),
    '',
  );
}

/** Assembles the full file list of an app from its spec and its kind's template. Order is fixed. */
export function assembleApp(spec: AppSpec, template: KindTemplate): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'package.json', content: packageJson(spec) },
    { path: 'README.md', content: readme(spec, template) },
    { path: 'build.mjs', content: buildScript(spec) },
    { path: 'index.html', content: indexHtml(spec, template.body) },
    { path: 'styles.css', content: stylesCss(spec, template.css) },
    ...template.files,
  ];
  if (needsStorage(spec)) {
    files.push({ path: 'src/storage.js', content: STORAGE_MODULE }, { path: 'test/storage.test.js', content: STORAGE_TEST });
  }
  if (has(spec, 'dark-mode')) {
    files.push({ path: 'src/theme.js', content: THEME_MODULE }, { path: 'test/theme.test.js', content: THEME_TEST });
  }
  if (has(spec, 'history')) {
    files.push({ path: 'src/history.js', content: HISTORY_MODULE }, { path: 'test/history.test.js', content: HISTORY_TEST });
  }
  if (has(spec, 'export')) {
    files.push({ path: 'src/export.js', content: EXPORT_MODULE }, { path: 'test/export.test.js', content: EXPORT_TEST });
  }
  files.push({ path: 'test/markup.test.js', content: markupTest(spec) });
  files.push({ path: TEST_RUNNER_PATH, content: testRunner(files) });
  return files;
}
