import { APP_KIND_IDS, supportedFeatures, type AppKindId, type FeatureId } from '../../lambdas/domain/architect/catalog';
import { ValidationError } from '../../lambdas/domain/errors';
import {
  draftManifest,
  healManifest,
  normalizeDesignTarget,
  planHeal,
  readRequest,
  RequestNotBuildableError,
  resolveDraft,
} from '../../lambdas/domain/architect/offline-architect';
import { GantryManifestSchema, type GantryManifest } from '../../lambdas/domain/manifest';
import { checkManifest } from '../../lambdas/domain/policy-gate';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { mutate } from './app-workspace';

const policy = loadPolicyFile().policy;

function file(manifest: GantryManifest, path: string): string {
  const found = manifest.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} missing from ${manifest.project_name}`);
  return found.content;
}

function paths(manifest: GantryManifest): string[] {
  return manifest.files.map((f) => f.path);
}

/** Every kind with its default features, with none, and with all it supports. */
const VARIANTS: ReadonlyArray<readonly [AppKindId, string, GantryManifest]> = APP_KIND_IDS.flatMap((kind) => [
  [kind, 'default', draftManifest({ prompt: `a ${kind}`, kind })] as const,
  [kind, 'none', draftManifest({ prompt: `a ${kind}`, kind, features: [] })] as const,
  [kind, 'all', draftManifest({ prompt: `a ${kind}`, kind, features: supportedFeatures(kind) })] as const,
]);

describe('draftManifest', () => {
  it('builds a calculator with dark mode from the plain request', () => {
    const manifest = draftManifest({ prompt: 'Build a calculator with dark mode' });
    expect(manifest.project_name).toBe('calculator');
    expect(manifest.features).toEqual(['dark-mode']);
    expect(file(manifest, 'index.html')).toContain('<h1>Calculator</h1>');
    expect(file(manifest, 'index.html')).toContain('id="theme-toggle"');
    expect(paths(manifest)).toEqual(expect.arrayContaining(['src/evaluator.js', 'src/theme.js', 'test/theme.test.js']));
  });

  it('is deterministic: the same input gives a byte-identical manifest', () => {
    for (const input of [
      { prompt: 'A task manager called "Chores" with priorities, search and export, like Trello' },
      { prompt: 'x', kind: 'notes' as const, features: ['dark-mode' as const, 'export' as const], designTarget: 'notion' },
      { prompt: 'a habit tracker with streaks and dark mode' },
    ]) {
      expect(JSON.stringify(draftManifest(input))).toBe(JSON.stringify(draftManifest(input)));
    }
  });

  it.each(VARIANTS)('%s (%s features) validates, passes the policy gate and stays small', (_kind, _variant, manifest) => {
    expect(GantryManifestSchema.parse(manifest)).toEqual(manifest);
    expect(checkManifest(manifest, policy)).toEqual([]);
    expect(manifest.stack).toBe('static-web');
    expect(manifest.audit_command).toBe('npm test');
    expect(manifest.build_command).toBe('npm run build');
    expect(manifest.output_dir).toBe('dist');
    expect(manifest.files.length).toBeLessThanOrEqual(30);
    // The largest is the game app with all eight games (about 121 KB); the policy allows 1 MiB.
    expect(manifest.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0)).toBeLessThan(140_000);
  });

  it.each(VARIANTS)('%s (%s features) is a dependency-free ES module app with separated logic', (_kind, _variant, manifest) => {
    const pkg = JSON.parse(file(manifest, 'package.json')) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: manifest.project_name,
      private: true,
      type: 'module',
      scripts: { test: 'node run-tests.js', build: 'node build.mjs' },
    });
    // The runner `npm test` starts imports every test file (one Node process for them all).
    const runner = file(manifest, 'run-tests.js');
    const testFiles = paths(manifest).filter((p) => p.startsWith('test/'));
    expect(testFiles.length).toBeGreaterThan(0);
    for (const t of testFiles) expect(runner).toContain(`import('./${t}')`);
    expect([...runner.matchAll(/import\('/g)]).toHaveLength(testFiles.length);
    expect(pkg).not.toHaveProperty('dependencies');
    expect(pkg).not.toHaveProperty('devDependencies');
    for (const required of ['index.html', 'styles.css', 'build.mjs', 'README.md', 'src/main.js', 'test/markup.test.js']) {
      expect(paths(manifest)).toContain(required);
    }
    // Only relative and node: imports: nothing to install.
    for (const f of manifest.files.filter((f) => /\.(m?js)$/.test(f.path))) {
      for (const m of f.content.matchAll(/\bfrom\s+'([^']+)'/g)) expect(m[1]).toMatch(/^(\.{1,2}\/|node:)/);
    }
    // Logic modules never touch the page; only main.js (and the export download helper) do.
    for (const f of manifest.files.filter((f) => f.path.startsWith('src/') && f.path !== 'src/main.js')) {
      expect(f.content).not.toMatch(/\bdocument\.|\bwindow\./);
    }
  });

  it.each(VARIANTS)('%s (%s features) has no eval, network, child processes or HTML injection', (_kind, _variant, manifest) => {
    for (const f of manifest.files) {
      expect(f.content).not.toMatch(
        /\beval\s*\(|new Function|child_process|\bfetch\s*\(|XMLHttpRequest|WebSocket|innerHTML|outerHTML/,
      );
      // URLs only on the reserved documentation domain (test data for link recognition), never a real host.
      expect(f.content).not.toMatch(/https?:\/\/(?!example\.com[/'"])/);
    }
    const html = file(manifest, 'index.html');
    // Files of the app itself, data, a section of the same page or an e-mail address: nothing loaded from elsewhere.
    for (const m of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^(\.\/|data:|#[a-z][\w-]*$|mailto:)/);
  });

  it.each(VARIANTS)(
    '%s (%s features) ships at least five tests per app and a test file per feature module',
    (_kind, _variant, manifest) => {
      const testFiles = manifest.files.filter((f) => f.path.startsWith('test/'));
      const count = testFiles.reduce((n, f) => n + [...f.content.matchAll(/^test\(/gm)].length, 0);
      expect(count).toBeGreaterThanOrEqual(5);
      for (const module of paths(manifest).filter((p) => p.startsWith('src/') && p !== 'src/main.js')) {
        const name = module.slice('src/'.length, -'.js'.length);
        expect(paths(manifest)).toContain(`test/${name}.test.js`);
      }
    },
  );

  it.each(APP_KIND_IDS)('%s honours every feature it supports', (kind) => {
    const manifest = draftManifest({ prompt: 'x', kind, features: supportedFeatures(kind) });
    const html = file(manifest, 'index.html');
    const main = file(manifest, 'src/main.js');
    expect(manifest.features).toEqual(supportedFeatures(kind));
    // dark-mode: a toggle, the system preference, persisted
    expect(html).toMatch(/<button id="theme-toggle" type="button"[^>]*aria-pressed="false">Dark mode<\/button>/);
    expect(file(manifest, 'styles.css')).toContain('@media (prefers-color-scheme: dark)');
    expect(main).toContain(`loadTheme(storage, THEME_KEY`);
    expect(main).toContain(`saveTheme(storage, THEME_KEY, theme)`);
    // local-storage (every kind that keeps data): the app's data goes through the storage module under a per-app key
    if (manifest.features.includes('local-storage')) {
      expect(main).toMatch(new RegExp(`createStore\\(storage, '${manifest.project_name}:[a-z]+'`));
    }
    expect(file(manifest, 'src/storage.js')).toContain('globalThis.localStorage');
    if (manifest.features.includes('search')) expect(html).toMatch(/<input id="search" type="search"/);
    if (manifest.features.includes('filter')) expect(html).toContain('data-filter="done"');
    if (manifest.features.includes('priorities')) expect(html).toContain('id="task-priority"');
    if (manifest.features.includes('history')) expect(html).toContain('id="history-list"');
    if (manifest.features.includes('export')) {
      expect(html).toContain('id="export"');
      expect(main).toContain('downloadText(document');
    }
  });

  it.each(APP_KIND_IDS)('%s without features leaves every feature out', (kind) => {
    const manifest = draftManifest({ prompt: 'x', kind, features: [] });
    expect(manifest.features).toEqual([]);
    expect(file(manifest, 'index.html')).not.toContain('theme-toggle');
    expect(file(manifest, 'styles.css')).not.toContain('prefers-color-scheme');
    expect(file(manifest, 'src/main.js')).not.toMatch(/createStore|browserStorage|localStorage/);
    expect(paths(manifest).filter((p) => /storage|theme|history|export/.test(p))).toEqual([]);
  });

  it('starts from the kind defaults plus the features the request mentions', () => {
    expect(draftManifest({ prompt: 'a todo list' }).features).toEqual(['local-storage', 'filter']);
    expect(draftManifest({ prompt: 'a todo list with dark mode and priorities' }).features).toEqual([
      'dark-mode',
      'local-storage',
      'filter',
      'priorities',
    ]);
    expect(draftManifest({ prompt: 'a notes app' }).features).toEqual(['local-storage', 'search']);
    expect(draftManifest({ prompt: 'a todo list without saving anything' }).features).toEqual(['filter']);
  });

  it('takes an explicit feature list as final and names unsupported features in the description', () => {
    const manifest = draftManifest({ prompt: 'a calculator', features: ['search', 'history', 'dark-mode'] });
    expect(manifest.features).toEqual(['dark-mode', 'history']);
    expect(manifest.description).toContain('Not available for this kind of app: search.');
    const draft = resolveDraft({ prompt: 'a calculator with search' });
    expect(draft.droppedFeatures).toEqual(['search']);
  });

  it('refuses a kind or feature outside the catalog', () => {
    expect(() => draftManifest({ prompt: 'x', kind: 'spreadsheet' as AppKindId })).toThrow(ValidationError);
    expect(() => draftManifest({ prompt: 'x', features: ['teleport' as FeatureId] })).toThrow(/Unknown features: teleport/);
  });

  it('lets an explicit kind override the request', () => {
    const manifest = draftManifest({ prompt: 'a todo list', kind: 'converter' });
    expect(manifest.project_name).toBe('unit-converter');
    expect(paths(manifest)).toContain('src/units.js');
  });

  it('never swaps a request it cannot read for another app: it refuses with 422, or builds what was asked', () => {
    expect(() => draftManifest({ prompt: 'something nobody has thought of' })).toThrow(RequestNotBuildableError);
    try {
      draftManifest({ prompt: 'a multiplayer chess game' });
      throw new Error('built');
    } catch (err) {
      expect(err).toMatchObject({ code: 'NOT_A_STATIC_APP', httpStatus: 422 });
    }
    const manifest = draftManifest({ prompt: 'an app for my recipe box' });
    expect(manifest.project_name).toBe('recipe-book');
    expect(manifest.description).toContain('Entities: Recipe');
    expect(manifest.description).toContain('Request: "an app for my recipe box"');
    expect(file(manifest, 'index.html')).toContain('data-app-kind="compiled"');
  });

  it('records an interpretation and what it leaves out in the description', () => {
    const manifest = draftManifest({ prompt: 'an iOS app for my workouts' });
    expect(manifest.description).toContain('Interpreted as a workout log.');
    expect(manifest.description).toContain('Left out: a native phone, watch or desktop app');
    const spanish = draftManifest({ prompt: 'una calculadora' });
    expect(spanish.project_name).toBe('calculator');
    expect(spanish.description).toContain('Interpreted as a calculator (read from Spanish: calculadora → calculator).');
  });

  it('compiles an app spec from a confirmed plan, and refuses an invalid one', () => {
    const reading = readRequest('a habit tracker with streaks');
    if (reading.outcome !== 'spec') throw new Error('expected a spec');
    const manifest = draftManifest({ prompt: 'whatever the plan said', appSpec: { ...reading.spec, title: 'My Habits' } });
    expect(file(manifest, 'index.html')).toContain('<h1>My Habits</h1>');
    expect(() =>
      draftManifest({
        prompt: 'x',
        appSpec: { ...reading.spec, behaviours: [{ type: 'streak', entity: 'habit', field: 'name' }] },
      }),
    ).toThrow(/Invalid app spec from the confirmed plan/);
  });

  it('uses the name the person gave everywhere, escaped', () => {
    const manifest = draftManifest({ prompt: 'a todo list called "Tom & Jerry\'s Chores"' });
    expect(manifest.project_name).toBe('tom-jerrys-chores');
    expect(file(manifest, 'index.html')).toContain('<title>Tom &amp; Jerry&#39;s Chores</title>');
    expect(file(manifest, 'index.html')).toContain('<h1>Tom &amp; Jerry&#39;s Chores</h1>');
    expect(file(manifest, 'README.md')).toMatch(/^# Tom & Jerry's Chores\n/);
    expect(JSON.parse(file(manifest, 'package.json'))).toMatchObject({ gantry: { title: "Tom & Jerry's Chores" } });
  });

  it("builds an interval timer with the workout asked for, in the focus timer's place", () => {
    const manifest = draftManifest({ prompt: 'a HIIT timer with 45 seconds on and 15 seconds off, 6 rounds' });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['src/intervals.js', 'test/intervals.test.js']));
    expect(paths).not.toContain('src/timer.js');
    expect(file(manifest, 'src/intervals.js')).toContain(
      'export const DEFAULT_SETTINGS = Object.freeze({ prepareSeconds: 10, workSeconds: 45, restSeconds: 15, rounds: 6 });',
    );
    expect(file(manifest, 'index.html')).toContain('<h1');
    expect(file(manifest, 'index.html')).toContain('Interval Timer');
    expect(manifest.description).toMatch(/^Interval Timer: An interval timer: work and rest by rounds/);
    // A tabata, a boxing round timer and "work 40s rest 20s for 10 rounds" each start as asked.
    for (const [prompt, workout] of [
      ['a tabata timer', 'workSeconds: 20, restSeconds: 10, rounds: 8'],
      ['a boxing round timer', 'workSeconds: 180, restSeconds: 60, rounds: 12'],
      ['an interval timer: work 40s rest 20s for 10 rounds', 'workSeconds: 40, restSeconds: 20, rounds: 10'],
      ['a timer for my workouts, 20 seconds work 10 seconds rest', 'workSeconds: 20, restSeconds: 10, rounds: 8'],
      // Named without a timer: each a timed routine (these were refused, or a log of workouts).
      ['a 7 minute workout app', 'workSeconds: 30, restSeconds: 10, rounds: 12'],
      ['a hiit app', 'workSeconds: 30, restSeconds: 15, rounds: 8'],
      ['an emom app', 'workSeconds: 60, restSeconds: 0, rounds: 10'],
      ['an app for circuit training', 'workSeconds: 30, restSeconds: 15, rounds: 8'],
    ] as const) {
      expect({ prompt, module: file(draftManifest({ prompt }), 'src/intervals.js') }).toEqual({
        prompt,
        module: expect.stringContaining(workout),
      });
    }
    // A focus timer asked for as well is named as left out; an egg timer is still the focus timer.
    expect(readRequest('a pomodoro timer and a tabata timer')).toMatchObject({
      outcome: 'template',
      interpretedAs: 'an interval timer',
      leftOut: ['a focus timer as well (one app is built, an interval timer; ask for the other on its own)'],
    });
    expect(readRequest('an egg timer')).toMatchObject({ outcome: 'template', interpretedAs: 'a focus timer', leftOut: [] });
    // Kept as a log where the request says so: a workout log, whatever the workouts are.
    for (const prompt of [
      'a hiit workout tracker',
      'a log of my 7 minute workouts',
      'a tabata workout log',
      'a circuit training log',
    ])
      expect({ prompt, reading: readRequest(prompt) }).toMatchObject({
        prompt,
        reading: { outcome: 'spec', spec: { title: 'Workouts' } },
      });
    expect(draftManifest({ prompt: 'a pomodoro timer with 4 rounds' }).files.map((f) => f.path)).toContain('src/timer.js');
    // Its heal puts the asked workout back, not the common one.
    const damaged = mutate(manifest, 'src/intervals.js', 'workSeconds: 45', 'workSeconds: 30');
    expect(healManifest({ manifest: damaged, failingCommand: 'npm test', logTail: '', prompt: 'something else' })).toEqual(
      manifest,
    );
  });

  it('calls a journal or a diary what was asked for, and a notes app Notes', () => {
    // Were all titled "Notes".
    const gratitude = draftManifest({ prompt: 'a gratitude journal' });
    expect(gratitude.project_name).toBe('gratitude-journal');
    expect(file(gratitude, 'index.html')).toContain('<h1>Gratitude Journal</h1>');
    expect(draftManifest({ prompt: 'a simple travel diary' }).project_name).toBe('travel-diary');
    expect(draftManifest({ prompt: 'my journal' }).project_name).toBe('journal');
    expect(draftManifest({ prompt: 'a notes app' }).project_name).toBe('notes');
    // A name the person gave still wins.
    expect(draftManifest({ prompt: 'a journal called Thankful' }).project_name).toBe('thankful');
  });

  it('records a design target in the description and on the page', () => {
    // A registry theme: its kind (a Trello-style todo list is a board), its version on the page.
    const fromPrompt = draftManifest({ prompt: 'a Trello-style todo list' });
    expect(fromPrompt.description).toContain('Design target: TRELLO, theme Trello-style board v1.0.0.');
    expect(file(fromPrompt, 'index.html')).toContain(
      '<html lang="en" data-app-kind="board" data-design-target="TRELLO" data-theme-version="1.0.0">',
    );
    // A theme of another kind lends only its colours to a kind the request names outright.
    const explicit = draftManifest({ prompt: 'a Trello-style todo list', designTarget: 'linkedin' });
    expect(file(explicit, 'index.html')).toContain('data-app-kind="tasks" data-design-target="LINKEDIN"');
    expect(explicit.description).toContain('colours and type only');
    expect(file(explicit, 'styles.css')).toContain('--accent: #0a66c2;');
    const none = draftManifest({ prompt: 'a Trello-style todo list', designTarget: null });
    expect(file(none, 'index.html')).not.toContain('data-design-target');
    expect(file(none, 'index.html')).toContain('data-app-kind="tasks"');
    // A famous name with no theme is recorded, and said to use the default look.
    const unthemed = draftManifest({ prompt: 'a todo list that looks like Spotify' });
    expect(file(unthemed, 'index.html')).toContain('data-design-target="SPOTIFY">');
    expect(unthemed.description).toContain('no theme exists for it');
    expect(normalizeDesignTarget(' google keep! ')).toBe('GOOGLE_KEEP');
    expect(normalizeDesignTarget('"><script>')).toBe('SCRIPT');
    expect(normalizeDesignTarget('  ')).toBeNull();
  });

  it('keeps the description within the schema limit for a very long request', () => {
    const manifest = draftManifest({ prompt: 'a calculator '.repeat(400) });
    expect(manifest.description.length).toBeLessThanOrEqual(2000);
    expect(manifest.description).toContain('…"');
  });
});

describe('healManifest (offline)', () => {
  const prompt = 'Build a calculator with dark mode and history';
  const original = draftManifest({ prompt });

  it('returns null for an unchanged manifest', () => {
    expect(healManifest({ manifest: original, failingCommand: 'npm test', logTail: 'not ok 1', prompt })).toBeNull();
  });

  it('restores a deleted file', () => {
    const damaged = { ...original, files: original.files.filter((f) => f.path !== 'src/evaluator.js') };
    const plan = planHeal({ manifest: damaged, failingCommand: 'npm test', logTail: 'Cannot find module', prompt });
    expect(plan?.added).toEqual(['src/evaluator.js']);
    expect(plan?.restored).toEqual([]);
    expect(plan?.summary).toContain('"npm test" failed');
    expect(plan?.manifest).toEqual(original);
  });

  it('restores an altered file, even when package.json is damaged too', () => {
    let damaged = mutate(original, 'src/evaluator.js', 'return a + b;', 'return a - b;');
    damaged = mutate(damaged, 'package.json', '"gantry"', '"broken"');
    const plan = planHeal({ manifest: damaged, failingCommand: 'npm test', logTail: '', prompt: 'unrelated words' });
    expect(plan?.restored).toEqual(['package.json', 'src/evaluator.js']);
    expect(plan?.manifest).toEqual(original);
  });

  it('recognises an app with a custom name from its own files', () => {
    const named = draftManifest({ prompt: 'a notes app called "Daily Log" like Notion', features: ['export'] });
    const damaged = mutate(named, 'src/notes.js', 'b.updatedAt - a.updatedAt', 'a.updatedAt - b.updatedAt');
    expect(healManifest({ manifest: damaged, failingCommand: 'npm test', logTail: '', prompt: 'something else' })).toEqual(named);
  });

  it('puts back changed commands', () => {
    const damaged = { ...original, audit_command: 'npm run nothing', output_dir: 'build' };
    const plan = planHeal({ manifest: damaged, failingCommand: 'npm run nothing', logTail: '', prompt });
    expect(plan?.fields).toEqual(['audit_command', 'output_dir']);
    expect(plan?.manifest).toEqual(original);
  });

  it('removes an added file only when the failure log names it', () => {
    const extra = {
      path: 'test/extra.test.js',
      content: "import { test } from 'node:test';\ntest('x', () => { throw new Error('no'); });\n",
    };
    const withExtra = { ...original, files: [...original.files, extra] };
    expect(healManifest({ manifest: withExtra, failingCommand: 'npm test', logTail: 'all good', prompt })).toBeNull();
    const plan = planHeal({
      manifest: withExtra,
      failingCommand: 'npm test',
      logTail: `# Subtest: ${extra.path}\nnot ok 7`,
      prompt,
    });
    expect(plan?.removed).toEqual(['test/extra.test.js']);
    expect(plan?.manifest).toEqual(original);
  });

  it('keeps an unrelated added file while restoring a damaged one', () => {
    const notes = { path: 'NOTES.md', content: 'mine\n' };
    const damaged = mutate({ ...original, files: [...original.files, notes] }, 'styles.css', 'box-sizing', 'box-sizin');
    const healed = healManifest({ manifest: damaged, failingCommand: 'npm run build', logTail: '', prompt });
    expect(healed?.files.at(-1)).toEqual(notes);
    expect(healed?.files.slice(0, -1)).toEqual(original.files);
  });

  it('does not rewrite a manifest that is not one of its apps', () => {
    const foreign: GantryManifest = {
      ...original,
      files: [
        { path: 'index.html', content: '<!doctype html><h1>Hello</h1>' },
        { path: 'package.json', content: '{"name":"hello","scripts":{"test":"exit 1"}}' },
      ],
    };
    expect(healManifest({ manifest: foreign, failingCommand: 'npm test', logTail: '', prompt })).toBeNull();
  });
});
