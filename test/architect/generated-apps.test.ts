/**
 * The generated apps really build and really test themselves: every kind, with its default
 * features and with everything it supports, is written to disk and run with its own commands.
 * Mutants prove the generated tests catch broken logic; the heal round trip proves a healed
 * manifest passes again.
 */
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_KIND_IDS, APP_KINDS, supportedFeatures, type AppKindId } from '../../lambdas/domain/architect/catalog';
import { draftManifest, healManifest } from '../../lambdas/domain/architect/offline-architect';
import type { GantryManifest } from '../../lambdas/domain/manifest';
import { mapLimit, mutate, passedTests, removeDir, runCommand, writeApp, type CommandResult } from './app-workspace';

const PARALLEL = 2;

interface AppRun {
  readonly label: string;
  readonly kind: AppKindId;
  readonly manifest: GantryManifest;
  readonly dir: string;
  readonly test: CommandResult;
  readonly build: CommandResult;
}

const cases = APP_KIND_IDS.flatMap((kind) => [
  { label: `${kind} (default features)`, kind, manifest: draftManifest({ prompt: `a ${APP_KINDS[kind].title}`, kind }) },
  {
    label: `${kind} (all features)`,
    kind,
    manifest: draftManifest({ prompt: `a ${APP_KINDS[kind].title}`, kind, features: supportedFeatures(kind) }),
  },
]);

const runs = new Map<string, AppRun>();
const dirs: string[] = [];

beforeAll(async () => {
  await mapLimit(cases, PARALLEL, async (c) => {
    const dir = writeApp(c.manifest);
    dirs.push(dir);
    const test = await runCommand(c.manifest.audit_command, dir);
    const build = await runCommand(c.manifest.build_command, dir);
    runs.set(c.label, { ...c, dir, test, build });
  });
});

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

function run(label: string): AppRun {
  const found = runs.get(label);
  if (!found) throw new Error(`no run for ${label}`);
  return found;
}

describe.each(cases.map((c) => c.label))('%s', (label) => {
  it('passes its own tests', () => {
    const { test } = run(label);
    expect({ code: test.code, output: test.code === 0 ? '' : test.output }).toEqual({ code: 0, output: '' });
    expect(passedTests(test.output)).toBeGreaterThanOrEqual(5);
    expect(test.output).toMatch(/^# fail 0$/m);
  });

  it('builds dist/ with the page, its modules and reproducible build info', () => {
    const { build, dir, manifest, kind } = run(label);
    expect({ code: build.code, output: build.code === 0 ? '' : build.output }).toEqual({ code: 0, output: '' });
    const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    // An interval timer takes the focus timer's place, and its name.
    const intervals = manifest.features.includes('intervals');
    const title = intervals ? 'Interval Timer' : APP_KINDS[kind].title;
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(`<h1>${title}</h1>`);
    for (const f of manifest.files.filter((f) => f.path.startsWith('src/'))) {
      expect(readFileSync(join(dir, 'dist', f.path), 'utf8')).toBe(f.content);
    }
    expect(existsSync(join(dir, 'dist/test'))).toBe(false);
    const info = JSON.parse(readFileSync(join(dir, 'dist/build-info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toEqual({
      name: manifest.project_name,
      title,
      kind,
      features: manifest.features,
      designTarget: null,
      ...(intervals ? { intervals: { prepareSeconds: 10, workSeconds: 30, restSeconds: 15, rounds: 8 } } : {}),
    });
  });

  it('shows the requested features in the built app', () => {
    const { dir, manifest } = run(label);
    const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    const main = readFileSync(join(dir, 'dist/src/main.js'), 'utf8');
    expect(html.includes('id="theme-toggle"')).toBe(manifest.features.includes('dark-mode'));
    expect(/createStore\(storage/.test(main)).toBe(manifest.features.includes('local-storage'));
    if (manifest.features.includes('local-storage')) {
      expect(readFileSync(join(dir, 'dist/src/storage.js'), 'utf8')).toContain('globalThis.localStorage');
    }
  });
});

// Through npm itself, as a person who clones the pull request would run it (everywhere else the
// package scripts run as the builder runs them, without npm).
describe('the generated build script', () => {
  let dir = '';
  const manifest = draftManifest({ prompt: 'a notes app with dark mode' });

  beforeEach(() => {
    dir = writeApp(manifest);
  });
  afterEach(() => removeDir(dir));

  it('is reproducible: two builds write identical output', async () => {
    expect((await runCommand('npm run build', dir, { viaNpm: true })).code).toBe(0);
    const first = readFileSync(join(dir, 'dist/build-info.json'), 'utf8');
    rmSync(join(dir, 'dist'), { recursive: true });
    expect((await runCommand('npm run build', dir, { viaNpm: true })).code).toBe(0);
    expect(readFileSync(join(dir, 'dist/build-info.json'), 'utf8')).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('fails with a clear message when the page links a missing file', async () => {
    unlinkSync(join(dir, 'styles.css'));
    const result = await runCommand('npm run build', dir, { viaNpm: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('styles.css is missing');
    expect(result.output).toContain('index.html links "./styles.css", which does not exist');
  });

  it('fails when the page uses an absolute path, which would break under /apps/<slug>/', async () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('href="./styles.css"', 'href="/styles.css"'));
    const result = await runCommand('npm run build', dir, { viaNpm: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('absolute path');
  });

  it('fails when a module imports a file that does not exist', async () => {
    unlinkSync(join(dir, 'src/theme.js'));
    const result = await runCommand('npm run build', dir, { viaNpm: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/main.js imports "./theme.js", which does not exist');
  });
});

describe('the generated test runner (npm test)', () => {
  let dir = '';
  const manifest = draftManifest({ prompt: 'a unit converter' });

  beforeEach(() => {
    dir = writeApp(manifest);
  });
  afterEach(() => removeDir(dir));

  it('runs every test file in one Node process, as node --test does with a process per file', async () => {
    const runner = await runCommand('npm test', dir, { viaNpm: true });
    const perFile = await runCommand('node --test', dir);
    expect(runner.code).toBe(0);
    expect(perFile.code).toBe(0);
    const names = (output: string): string[] => [...output.matchAll(/^ok \d+ - (.*)$/gm)].map((m) => m[1]!).sort();
    expect(names(runner.output)).toEqual(names(perFile.output));
    expect(names(runner.output).length).toBeGreaterThanOrEqual(5);
  });

  it('fails a test file that does not load as one test named after it, and still runs the others', async () => {
    writeFileSync(join(dir, 'src/units.js'), `${readFileSync(join(dir, 'src/units.js'), 'utf8')}\nexport const = ;\n`);
    const result = await runCommand('npm test', dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/^not ok \d+ - test\/units\.test\.js$/m);
    expect(result.output).toMatch(/^ok \d+ - ids are unique$/m);
    expect(result.output).toMatch(/^# fail 1$/m);
  });
});

/** One deliberate bug per logic module; each must make the app's own tests fail. */
const MUTANTS: ReadonlyArray<readonly [string, GantryManifest, string, string, string]> = [
  ['calculator adds wrongly', draftManifest({ prompt: 'a calculator' }), 'src/evaluator.js', 'return a + b;', 'return a - b;'],
  [
    'calculator ignores precedence',
    draftManifest({ prompt: 'a calculator' }),
    'src/evaluator.js',
    "while (isSymbol(tokens[pos], '*', '/')) {",
    'while (false) {',
  ],
  [
    'tasks delete nothing',
    draftManifest({ prompt: 'a todo list' }),
    'src/tasks.js',
    'return tasks.filter((task) => task.id !== id);',
    'return tasks.slice();',
  ],
  [
    'notes sort oldest first',
    draftManifest({ prompt: 'a notes app' }),
    'src/notes.js',
    'b.updatedAt - a.updatedAt',
    'a.updatedAt - b.updatedAt',
  ],
  [
    'timer never gives a long break',
    draftManifest({ prompt: 'a pomodoro timer' }),
    'src/timer.js',
    "=== 0 ? 'long' : 'short'",
    "=== 0 ? 'short' : 'short'",
  ],
  [
    'converter divides the wrong way',
    draftManifest({ prompt: 'a unit converter' }),
    'src/units.js',
    'return (value * source.factor) / target.factor;',
    'return (value * target.factor) / source.factor;',
  ],
  [
    'storage forgets what it saved',
    draftManifest({ prompt: 'a todo list' }),
    'src/storage.js',
    'return revive(JSON.parse(text));',
    'return fallback;',
  ],
  [
    'theme toggle does nothing',
    draftManifest({ prompt: 'a calculator with dark mode' }),
    'src/theme.js',
    "return theme === 'dark' ? 'light' : 'dark';",
    'return theme;',
  ],
  [
    'tip calculator splits among one person fewer',
    draftManifest({ prompt: 'a tip calculator' }),
    'src/formulas.js',
    'Math.round(total * 100) / people',
    'Math.round(total * 100) / Math.max(1, people - 1)',
  ],
  [
    'loan calculator forgets the interest',
    draftManifest({ prompt: 'a mortgage calculator' }),
    'src/formulas.js',
    'const rate = yearlyRatePercent / 100 / 12;',
    'const rate = 0;',
  ],
  [
    'BMI calculator takes height in metres for centimetres',
    draftManifest({ prompt: 'a BMI calculator' }),
    'src/formulas.js',
    'const metres = heightCm / 100;',
    'const metres = heightCm / 10;',
  ],
  [
    'percentage calculator measures a change from the new value',
    draftManifest({ prompt: 'a percentage calculator' }),
    'src/formulas.js',
    'return ((to - from) / Math.abs(from)) * 100;',
    'return ((to - from) / Math.abs(to)) * 100;',
  ],
  [
    'interest calculator forgets the monthly deposits',
    draftManifest({ prompt: 'a compound interest calculator' }),
    'src/formulas.js',
    'const paidIn = start + monthlyDeposit * months;',
    'const paidIn = start;',
  ],
  [
    'age calculator counts a month too many',
    draftManifest({ prompt: 'an age calculator' }),
    'src/formulas.js',
    'if (utc(addMonths(birth, months)) > utc(on)) months -= 1;',
    '',
  ],
  [
    'tic-tac-toe computer plays the first free cell',
    draftManifest({ prompt: 'a tic tac toe game' }),
    'src/tictactoe.js',
    'if (value > bestValue) {',
    'if (false) {',
  ],
  [
    'memory game counts no move for two different cards',
    draftManifest({ prompt: 'a memory game' }),
    'src/memory.js',
    'return { ...state, up, moves };',
    'return { ...state, up, moves: state.moves };',
  ],
  [
    'hangman allows a seventh wrong letter',
    draftManifest({ prompt: 'a hangman game' }),
    'src/hangman.js',
    ">= MAX_WRONG ? 'lost'",
    "> MAX_WRONG ? 'lost'",
  ],
  [
    'fuel cost calculator forgets the consumption is per 100',
    draftManifest({ prompt: 'a fuel cost calculator' }),
    'src/formulas.js',
    'const fuel = (distance * per100) / 100;',
    'const fuel = distance * per100;',
  ],
  [
    'color contrast forgets the 0.05 flare',
    draftManifest({ prompt: 'a color picker' }),
    'src/colors.js',
    'return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;',
    'return Math.round((hi / Math.max(lo, 0.001)) * 100) / 100;',
  ],
  [
    'typing test counts every typed character as right',
    draftManifest({ prompt: 'a typing speed test' }),
    'src/typing.js',
    'if (i < target.length && typed[i] === target[i]) correct += 1;',
    'if (i < target.length) correct += 1;',
  ],
  [
    'world clock takes the offset from UTC the wrong way round',
    draftManifest({ prompt: 'a world clock' }),
    'src/zones.js',
    'return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);',
    'return Math.round((Math.floor(ms / 1000) * 1000 - asUtc) / MINUTE);',
  ],
  [
    'drawing forgets what was undone, so redo does nothing',
    draftManifest({ prompt: 'a drawing app' }),
    'src/drawing.js',
    'undone: [...drawing.undone, drawing.actions[drawing.actions.length - 1]] };',
    'undone: drawing.undone };',
  ],
  [
    'paper loses to rock',
    draftManifest({ prompt: 'rock paper scissors' }),
    'src/rps.js',
    "const BEATS = { rock: 'scissors', paper: 'rock', scissors: 'paper' };",
    "const BEATS = { rock: 'scissors', paper: 'scissors', scissors: 'paper' };",
  ],
  [
    'snake may turn straight back into itself',
    draftManifest({ prompt: 'a snake game' }),
    'src/snake.js',
    'if (direction === last || direction === OPPOSITE[last] || game.queued.length >= MAX_QUEUED) return game;',
    'if (direction === last || game.queued.length >= MAX_QUEUED) return game;',
  ],
  [
    'JSON formatter takes a trailing comma as valid',
    draftManifest({ prompt: 'a JSON formatter' }),
    'src/devtools.js',
    "if (text[i] !== '\"') fail(text[i] === '}' ? 'A comma before }' : 'Expected a key in double quotes');",
    "if (text[i] === '}') {\n          i += 1;\n          return { type: 'object', entries };\n        }\n        if (text[i] !== '\"') fail('Expected a key in double quotes');",
  ],
  [
    '2048 merges a merged tile again',
    draftManifest({ prompt: 'a 2048 game' }),
    'src/tiles.js',
    '      i += 1;\n    } else {',
    '      tiles[i + 1] = tiles[i] * 2;\n      out.pop();\n    } else {',
  ],
  [
    'metronome accents only the very first beat',
    draftManifest({ prompt: 'a metronome' }),
    'src/metronome.js',
    'accent: count % m.beats === 0 }',
    'accent: count === 0 }',
  ],
  [
    'stopwatch shows each lap as its total',
    draftManifest({ prompt: 'a stopwatch' }),
    'src/stopwatch.js',
    'lapMs: total - (i > 0 ? watch.laps[i - 1] : 0)',
    'lapMs: total',
  ],
  [
    'interval timer rests after the last round',
    draftManifest({ prompt: 'a tabata timer' }),
    'src/intervals.js',
    'if (round >= settings.rounds) return enter',
    'if (round > settings.rounds) return enter',
  ],
  [
    "a fuel log's miles per gallon is the mean of each fill-up's, not the miles over the gallons",
    draftManifest({ prompt: "track my car's mpg" }),
    'src/model.js',
    'top += record[b.field];\n    bottom += record[b.divisor];',
    'top += record[b.field] / record[b.divisor];\n    bottom += 1;',
  ],
  [
    'low stock misses an item exactly at its reorder point',
    draftManifest({ prompt: 'a product inventory with low stock alerts' }),
    'src/model.js',
    'return b.below ? value <= limit : value >= limit;',
    'return b.below ? value < limit : value >= limit;',
  ],
  [
    'a change is worked out in the order entered, not by date',
    draftManifest({ prompt: 'an electricity meter reading log' }),
    'src/model.js',
    'records: rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i)).map((row) => row.record),',
    'records: rows.map((row) => row.record),',
  ],
  [
    "a log's streak is lost before today's record is in",
    draftManifest({ prompt: 'a workout log with streaks' }),
    'src/model.js',
    'let day = set.has(today) ? today : addDays(today, -1);',
    'let day = today;',
  ],
  [
    'pocket money left to spend takes off what was spent but not what was saved',
    draftManifest({ prompt: 'a pocket money tracker' }),
    'src/model.js',
    'if (b.minus.includes(kind)) minus += value;',
    'if (b.minus[0] === kind) minus += value;',
  ],
  [
    "a checkbook's running balance adds the withdrawals",
    draftManifest({ prompt: 'a checkbook register' }),
    'src/model.js',
    'sum += b.minus.includes(record[b.kind]) ? -record[b.field] : record[b.field];',
    'sum += record[b.field];',
  ],
  [
    "a reseller's profit adds the purchase price instead of taking it off",
    draftManifest({ prompt: 'a reselling tracker with purchase price, sold price and profit' }),
    'src/model.js',
    'return roundMoney(taken.reduce((left, v) => left - v, value));',
    'return roundMoney(taken.reduce((left, v) => left + v, value));',
  ],
  [
    'page loses an element the script needs',
    draftManifest({ prompt: 'a unit converter' }),
    'index.html',
    'id="swap"',
    'id="swap-units"',
  ],
];

describe('mutation: the generated tests catch broken logic', () => {
  const outcomes = new Map<string, CommandResult>();
  const mutantDirs: string[] = [];

  beforeAll(async () => {
    await mapLimit(MUTANTS, PARALLEL, async ([name, manifest, path, from, to]) => {
      const dir = writeApp(mutate(manifest, path, from, to));
      mutantDirs.push(dir);
      outcomes.set(name, await runCommand('npm test', dir));
    });
  });
  afterAll(() => {
    for (const dir of mutantDirs) removeDir(dir);
  });

  it.each(MUTANTS.map((m) => m[0]))('%s → npm test fails', (name) => {
    const outcome = outcomes.get(name);
    expect(outcome?.code).not.toBe(0);
    expect(outcome?.output).toMatch(/^# fail [1-9]/m);
  });
});

describe('heal round trip', () => {
  it('a damaged calculator fails its tests, and the healed manifest passes and builds again', async () => {
    const prompt = 'Build a calculator with dark mode';
    const original = draftManifest({ prompt });
    let damaged = mutate(original, 'src/evaluator.js', 'return a + b;', 'return a - b;');
    damaged = { ...damaged, files: damaged.files.filter((f) => f.path !== 'test/theme.test.js') };

    const brokenDir = writeApp(damaged);
    const failed = await runCommand(damaged.audit_command, brokenDir);
    removeDir(brokenDir);
    expect(failed.code).not.toBe(0);

    const healed = healManifest({
      manifest: damaged,
      failingCommand: damaged.audit_command,
      logTail: failed.output.slice(-4000),
      prompt,
    });
    expect(healed).not.toBeNull();
    const healedDir = writeApp(healed as GantryManifest);
    try {
      const test = await runCommand('npm test', healedDir);
      expect({ code: test.code, output: test.code === 0 ? '' : test.output }).toEqual({ code: 0, output: '' });
      expect(passedTests(test.output)).toBe(passedTests((await runOriginal(original)).output));
      expect((await runCommand('npm run build', healedDir)).code).toBe(0);
    } finally {
      removeDir(healedDir);
    }
    // Nothing left to repair.
    expect(healManifest({ manifest: healed as GantryManifest, failingCommand: 'npm test', logTail: '', prompt })).toBeNull();
  });
});

/** The undamaged app's tests, through npm itself: the healed app's run (as the builder runs it) must pass as many. */
async function runOriginal(manifest: GantryManifest): Promise<CommandResult> {
  const dir = writeApp(manifest);
  try {
    return await runCommand('npm test', dir, { viaNpm: true });
  } finally {
    removeDir(dir);
  }
}
