import { blocks, escapeHtml, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, mainPreamble, renderHistoryScript, sharedImports } from './shared';

/** The tools of the randomizer, in their usual order on the page. */
export const RANDOM_TOOLS = ['dice', 'coin', 'number', 'pick', 'password'] as const;
export type RandomTool = (typeof RANDOM_TOOLS)[number];

const TOOL_WORDS: ReadonlyArray<readonly [RandomTool, RegExp, string]> = [
  ['password', /\bpasswords?\b|\bpassphrases?\b/, 'Password Generator'],
  ['coin', /\bcoins?\b/, 'Coin Flip'],
  ['number', /\b(random numbers?|number generators?|lottery|lotto|raffle)\b/, 'Random Number Generator'],
  ['dice', /\b(dice|die roller|d20|d6|roll a die|rolls? dice)\b/, 'Dice Roller'],
  ['pick', /\b(pick\w*|chooser|choose|decision|decide|name picker|wheel)\b/, 'Random Picker'],
];

/**
 * The tool a request names first and the app's title for it ("a password generator" → the
 * password tool, "Password Generator"); the dice and "Randomizer" when it names none. The same
 * title always leads with the same tool, so a spec renders the same files every time.
 */
export function randomToolOf(text: string): { readonly tool: RandomTool; readonly title: string } {
  const lower = text.toLowerCase();
  let best: { tool: RandomTool; title: string; at: number } | null = null;
  for (const [tool, re, title] of TOOL_WORDS) {
    const at = re.exec(lower)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { tool, title, at };
  }
  return best ? { tool: best.tool, title: best.title } : { tool: 'dice', title: 'Randomizer' };
}

const RANDOM = js`// Dice, coins, numbers, picks and passwords, drawn from a source of 32-bit unsigned integers:
// the browser's crypto on the page, a seeded one in tests. Draws are unbiased, so a d6 is fair.

export const LIMITS = Object.freeze({
  dice: 100,
  sides: 1000,
  modifier: 1000,
  coins: 100,
  choices: 1000,
  passwordMin: 4,
  passwordMax: 128,
});

const RANGE = 2 ** 32;

/** The browser's cryptographic source: one unsigned 32-bit integer per call. */
export function cryptoSource(cryptoObject = globalThis.crypto) {
  if (!cryptoObject || typeof cryptoObject.getRandomValues !== 'function') {
    throw new Error('This browser has no secure random source');
  }
  const buffer = new Uint32Array(64);
  let next = buffer.length;
  return () => {
    if (next === buffer.length) {
      cryptoObject.getRandomValues(buffer);
      next = 0;
    }
    return buffer[next++];
  };
}

/** A repeatable source (xorshift32) for tests. */
export function seededSource(seed) {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** A whole number in [0, n), without a remainder's bias. */
export function below(n, source) {
  if (!Number.isInteger(n) || n < 1 || n > RANGE) throw new RangeError('Cannot draw a number below ' + n);
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const x = source();
    if (x < limit) return x % n;
  }
}

/** "2d6+3" → { count: 2, sides: 6, modifier: 3 }; "d20" is one die. */
export function parseDice(text) {
  const clean = String(text ?? '').replace(/\s+/g, '').toLowerCase();
  const match = /^(\d{0,4})d(\d{1,5})([+-]\d{1,5})?$/.exec(clean);
  if (!match) throw new RangeError('Write dice as 2d6, d20 or 3d8+2');
  const count = match[1] === '' ? 1 : Number(match[1]);
  const sides = Number(match[2]);
  const modifier = match[3] ? Number(match[3]) : 0;
  if (count < 1 || count > LIMITS.dice) throw new RangeError('Roll 1 to ' + LIMITS.dice + ' dice at a time');
  if (sides < 2 || sides > LIMITS.sides) throw new RangeError('A die has 2 to ' + LIMITS.sides + ' sides');
  if (Math.abs(modifier) > LIMITS.modifier) throw new RangeError('Add or take at most ' + LIMITS.modifier);
  return { count, sides, modifier };
}

/** Dice written back the usual way: "2d6+3", "d20". */
export function diceNotation({ count, sides, modifier }) {
  const bonus = modifier > 0 ? '+' + modifier : modifier < 0 ? String(modifier) : '';
  return (count === 1 ? '' : String(count)) + 'd' + sides + bonus;
}

/** Rolls "2d6+3": each die, the total and a line to read ("2d6+3: 4 + 5 + 3 = 12"). */
export function rollDice(text, source) {
  const dice = parseDice(text);
  const rolls = Array.from({ length: dice.count }, () => below(dice.sides, source) + 1);
  const total = rolls.reduce((sum, roll) => sum + roll, 0) + dice.modifier;
  const terms = rolls.map(String);
  if (dice.modifier > 0) terms.push(String(dice.modifier));
  const sum = terms.join(' + ') + (dice.modifier < 0 ? ' - ' + -dice.modifier : '');
  const line = terms.length === 1 && dice.modifier === 0 ? String(total) : sum + ' = ' + total;
  return { ...dice, rolls, total, line: diceNotation(dice) + ': ' + line };
}

/** A strict whole number from typed text, or null. */
export function parseWhole(text) {
  const clean = String(text ?? '').trim();
  if (!/^[-+]?\d{1,15}$/.test(clean)) return null;
  const value = Number(clean);
  return Number.isSafeInteger(value) ? value : null;
}

/** Flips 1 to 100 coins: each side, and how many of each. */
export function flipCoins(count, source) {
  if (!Number.isInteger(count) || count < 1 || count > LIMITS.coins) {
    throw new RangeError('Flip 1 to ' + LIMITS.coins + ' coins at a time');
  }
  const sides = Array.from({ length: count }, () => (below(2, source) === 0 ? 'Heads' : 'Tails'));
  const heads = sides.filter((side) => side === 'Heads').length;
  const line = count === 1 ? sides[0] : heads + ' heads, ' + (count - heads) + ' tails';
  return { sides, heads, tails: count - heads, line };
}

/** A whole number from min to max, both included. */
export function randomBetween(min, max, source) {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) throw new RangeError('Enter whole numbers');
  if (min > max) throw new RangeError('The lowest number must not be above the highest');
  const span = max - min + 1;
  if (span > RANGE) throw new RangeError('The range is too wide: at most ' + RANGE + ' numbers');
  return min + below(span, source);
}

/** The things to choose from: one per line or between commas, blanks left out. */
export function parseChoices(text) {
  return String(text ?? '')
    .split(/[\n,]/)
    .map((choice) => choice.trim())
    .filter((choice) => choice !== '')
    .slice(0, LIMITS.choices);
}

export function pickOne(choices, source) {
  if (!Array.isArray(choices) || choices.length === 0) throw new RangeError('Add something to choose from');
  return choices[below(choices.length, source)];
}

export const CHARACTER_SETS = Object.freeze({
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&*+-=?@^_~',
});

/** A password of the chosen kinds of character, at least one of each, shuffled. */
export function makePassword(options, source) {
  const length = options.length;
  if (!Number.isInteger(length) || length < LIMITS.passwordMin || length > LIMITS.passwordMax) {
    throw new RangeError('A password has ' + LIMITS.passwordMin + ' to ' + LIMITS.passwordMax + ' characters');
  }
  const sets = Object.keys(CHARACTER_SETS)
    .filter((kind) => options[kind])
    .map((kind) => CHARACTER_SETS[kind]);
  if (sets.length === 0) throw new RangeError('Choose at least one kind of character');
  const pool = sets.join('');
  const chars = sets.map((set) => set[below(set.length, source)]);
  while (chars.length < length) chars.push(pool[below(pool.length, source)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = below(i + 1, source);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** How hard a password is to guess, in bits and words. */
export function passwordStrength(length, poolSize) {
  const bits = Math.round(length * Math.log2(Math.max(poolSize, 1)));
  const label = bits < 40 ? 'weak' : bits < 60 ? 'fair' : bits < 80 ? 'strong' : 'very strong';
  return { bits, label };
}

/** The size of the character pool the options choose. */
export function poolSize(options) {
  return Object.keys(CHARACTER_SETS)
    .filter((kind) => options[kind])
    .reduce((size, kind) => size + CHARACTER_SETS[kind].length, 0);
}

export const DEFAULT_SETTINGS = Object.freeze({
  dice: '2d6',
  coins: '1',
  min: '1',
  max: '100',
  choices: '',
  length: '16',
  lower: true,
  upper: true,
  digits: true,
  symbols: true,
});

/** Settings read back from storage, repaired field by field to what the page can show. */
export function normalizeSettings(raw) {
  const source = raw && typeof raw === 'object' ? raw : {};
  const text = (key, max) => (typeof source[key] === 'string' ? source[key].slice(0, max) : DEFAULT_SETTINGS[key]);
  const flag = (key) => (typeof source[key] === 'boolean' ? source[key] : DEFAULT_SETTINGS[key]);
  return {
    dice: text('dice', 20),
    coins: text('coins', 5),
    min: text('min', 20),
    max: text('max', 20),
    choices: text('choices', 20000),
    length: text('length', 5),
    lower: flag('lower'),
    upper: flag('upper'),
    digits: flag('digits'),
    symbols: flag('symbols'),
  };
}
`;

const RANDOM_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as r from '../src/random.js';

test('draws cover every value about equally, and the uneven top of the range is thrown away', () => {
  const source = r.seededSource(42);
  const counts = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 6000; i += 1) counts[r.below(6, source)] += 1;
  for (const count of counts) assert.ok(count > 850 && count < 1150, 'uneven: ' + counts);
  // 2^32 - 1 lies in the last, incomplete run of six: a remainder would favour small faces.
  const values = [2 ** 32 - 1, 11];
  assert.equal(r.below(6, () => values.shift()), 5);
});

test('dice are read in the usual notation, rolled within their sides and added up', () => {
  assert.deepEqual(r.parseDice(' 2D6+3 '), { count: 2, sides: 6, modifier: 3 });
  assert.deepEqual(r.parseDice('d20'), { count: 1, sides: 20, modifier: 0 });
  for (const bad of ['two dice', '0d6', '101d6', '2d1']) assert.throws(() => r.parseDice(bad), RangeError);
  const source = r.seededSource(7);
  for (let i = 0; i < 200; i += 1) {
    const roll = r.rollDice('3d6+2', source);
    for (const die of roll.rolls) assert.ok(die >= 1 && die <= 6);
    assert.equal(roll.total, roll.rolls[0] + roll.rolls[1] + roll.rolls[2] + 2);
    assert.equal(roll.line, '3d6+2: ' + roll.rolls.join(' + ') + ' + 2 = ' + roll.total);
  }
  const single = r.rollDice('d20', source);
  assert.equal(single.line, 'd20: ' + single.total);
  const minus = r.rollDice('1d4-1', source);
  assert.equal(minus.line, 'd4-1: ' + minus.rolls[0] + ' - 1 = ' + minus.total);
});

test('coins, numbers between two bounds and picks', () => {
  const source = r.seededSource(3);
  const flips = r.flipCoins(100, source);
  assert.ok(flips.heads > 30 && flips.heads < 70);
  assert.equal(flips.line, flips.heads + ' heads, ' + flips.tails + ' tails');
  assert.throws(() => r.flipCoins(0, source), /1 to 100 coins/);
  const seen = new Set();
  for (let i = 0; i < 500; i += 1) seen.add(r.randomBetween(-2, 2, source));
  assert.deepEqual([...seen].sort((a, b) => a - b), [-2, -1, 0, 1, 2]);
  assert.throws(() => r.randomBetween(5, 1, source), /must not be above/);
  assert.deepEqual([r.parseWhole(' 42 '), r.parseWhole('-3'), r.parseWhole('4.5'), r.parseWhole('ten')], [42, -3, null, null]);
  const choices = r.parseChoices('pizza, sushi\n\n  tacos  \n');
  assert.deepEqual(choices, ['pizza', 'sushi', 'tacos']);
  const picked = new Set();
  for (let i = 0; i < 100; i += 1) picked.add(r.pickOne(choices, source));
  assert.equal(picked.size, 3);
  assert.throws(() => r.pickOne(r.parseChoices(' , '), source), /Add something/);
});

test('a password has its length, every chosen kind of character and no other', () => {
  const source = r.seededSource(9);
  const options = { length: 12, lower: true, upper: false, digits: true, symbols: false };
  for (let i = 0; i < 50; i += 1) assert.match(r.makePassword(options, source), /^(?=.*[a-z])(?=.*[0-9])[a-z0-9]{12}$/);
  const all = r.makePassword({ length: 4, lower: true, upper: true, digits: true, symbols: true }, source);
  for (const set of Object.values(r.CHARACTER_SETS)) assert.ok([...all].some((c) => set.includes(c)), all + ' misses ' + set);
  assert.throws(() => r.makePassword({ ...options, lower: false, digits: false }, source), /at least one kind/);
  assert.throws(() => r.makePassword({ ...options, length: 3 }, source), /4 to 128/);
  assert.equal(r.poolSize({ lower: true, upper: true, digits: true }), 62);
  assert.deepEqual(r.passwordStrength(6, 26), { bits: 28, label: 'weak' });
  assert.equal(r.passwordStrength(16, 62).label, 'very strong');
});

test('the page draws from the browser crypto, and refuses to run without it', () => {
  const fake = { calls: 0 };
  fake.getRandomValues = (array) => {
    fake.calls += 1;
    for (let i = 0; i < array.length; i += 1) array[i] = i;
    return array;
  };
  const source = r.cryptoSource(fake);
  assert.deepEqual([source(), source(), fake.calls], [0, 1, 1]);
  assert.throws(() => r.cryptoSource({}), /no secure random source/);
});

test('stored settings are repaired field by field', () => {
  const settings = r.normalizeSettings({ dice: '4d6', length: 20, lower: 'yes', upper: false });
  assert.deepEqual([settings.dice, settings.length, settings.lower, settings.upper], ['4d6', '16', true, false]);
  assert.equal(r.normalizeSettings(null).max, '100');
});
`;

/** A labelled input of a tool card. */
const input = (id: string, label: string, attrs: string, grow = false): string =>
  blocks(
    `          <div class="field${grow ? ' grow' : ''}">`,
    `            <label for="${id}">${label}</label>`,
    `            <input id="${id}" ${attrs}>`,
    '          </div>',
  );
const whole = (min: number, max: number, value: number): string =>
  `type="number" min="${min}" max="${max}" step="1" value="${value}" inputmode="numeric"`;
const check = (id: string, label: string): string =>
  `          <span class="check"><input id="${id}" type="checkbox" checked><label for="${id}">${label}</label></span>`;

/** One card per tool: its inputs, its button, its result and its error. */
function card(tool: RandomTool, title: string, fields: string, button: string, extra = ''): string {
  return blocks(
    `      <form id="${tool}-form" class="card tool" autocomplete="off">`,
    `        <h2>${title}</h2>`,
    fields,
    button,
    `        <p class="result"><output id="${tool}-result"${tool === 'password' ? ' class="password"' : ''} aria-live="polite">–</output></p>`,
    extra,
    `        <p id="${tool}-error" class="error" role="alert"></p>`,
    '      </form>',
  );
}

const submit = (label: string): string => `          <button type="submit" class="primary">${label}</button>`;
const row = (...parts: string[]): string => blocks('        <div class="row">', ...parts, '        </div>');

const CARDS: Readonly<Record<RandomTool, string>> = {
  dice: card('dice', 'Dice', row(input('dice', 'Dice (2d6, d20, 3d8+2)', 'value="2d6" spellcheck="false"', true), submit('Roll')), ''),
  coin: card('coin', 'Coins', row(input('coins', 'How many', whole(1, 100, 1)), submit('Flip')), ''),
  number: card(
    'number',
    'Number',
    row(input('min', 'From', 'value="1" inputmode="numeric"'), input('max', 'To', 'value="100" inputmode="numeric"'), submit('Draw')),
    '',
  ),
  pick: card(
    'pick',
    'Pick one',
    blocks(
      '        <div class="field">',
      '          <label for="choices">Choices (one per line or between commas)</label>',
      '          <textarea id="choices" rows="4"></textarea>',
      '        </div>',
    ),
    submit('Pick').replace(/^ {2}/, ''),
  ),
  password: card(
    'password',
    'Password',
    row(
      input('length', 'Length', whole(4, 128, 16)),
      check('lower', 'a–z'),
      check('upper', 'A–Z'),
      check('digits', '0–9'),
      check('symbols', '!#$…'),
    ),
    row(submit('Make one'), '          <button id="copy-password" type="button" disabled>Copy</button>'),
    '        <p id="password-strength" class="muted"></p>',
  ),
};

function toolOrder(spec: AppSpec): RandomTool[] {
  const lead = randomToolOf(spec.title).tool;
  return [lead, ...RANDOM_TOOLS.filter((tool) => tool !== lead)];
}

function body(spec: AppSpec): string {
  return blocks(
    ...toolOrder(spec).map((tool) => CARDS[tool]),
    `      <p class="muted">${escapeHtml(
      'Every draw uses this browser’s secure random generator. Passwords are made here and never saved' +
        (has(spec, 'local-storage') ? '; the settings are kept in this browser.' : '.'),
    )}</p>`,
    has(spec, 'history') &&
      blocks(
        '      <section class="card" aria-labelledby="history-title">',
        '        <div class="row spread">',
        '          <h2 id="history-title">Recent results</h2>',
        '          <button id="history-clear" type="button" class="danger">Clear history</button>',
        '        </div>',
        '        <p id="history-empty" class="muted">Nothing here yet. Every roll, flip, draw and pick is listed here.</p>',
        '        <ol id="history-list"></ol>',
        '      </section>',
      ),
  );
}

const CSS = js`.grow {
  flex: 1 1 10rem;
}

.tool .row {
  align-items: flex-end;
}

.tool h2 {
  margin-top: 0;
}

.result {
  font-size: 1.5rem;
  font-variant-numeric: tabular-nums;
  margin: 0.75rem 0 0;
  overflow-wrap: anywhere;
}

.password {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}

.check {
  display: inline-flex;
  gap: 0.35rem;
  align-items: center;
}

.spread {
  justify-content: space-between;
  align-items: center;
}
`;

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const history = has(spec, 'history');
  return blocks(
    ...sharedImports(spec),
    importLine(
      [
        'cryptoSource',
        'DEFAULT_SETTINGS',
        'flipCoins',
        'makePassword',
        'normalizeSettings',
        'parseChoices',
        'parseWhole',
        'passwordStrength',
        'pickOne',
        'poolSize',
        'randomBetween',
        'rollDice',
      ],
      './random.js',
    ),
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    '',
    mainPreamble(spec),
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'randomizer'))}, {
  fallback: { settings: DEFAULT_SETTINGS, history: [], draws: 0 },
  revive: (raw) => ({
    settings: normalizeSettings(raw.settings),
    history: ${history ? 'normalizeHistory(raw.history)' : '[]'},
    draws: Number.isSafeInteger(raw.draws) && raw.draws >= 0 ? raw.draws : 0,
  }),
});
const saved = store.load();
let settings = saved.settings;
let draws = saved.draws;${history ? '\nlet history = saved.history;' : ''}`
      : js`let settings = normalizeSettings(DEFAULT_SETTINGS);
let draws = 0;${history ? '\nlet history = [];' : ''}`,
    js`
const source = cryptoSource();
const TEXT_FIELDS = ['dice', 'coins', 'min', 'max', 'choices', 'length'];
const FLAGS = ['lower', 'upper', 'digits', 'symbols'];
const copyButton = byId('copy-password');
`,
    history &&
      js`const historyList = byId('history-list');
const historyEmpty = byId('history-empty');
const historyClear = byId('history-clear');
`,
    js`function save() {
${saves ? `  store.save({ settings, draws${history ? ', history' : ''} });` : '  // Nothing is kept between visits: this build has no local storage.'}
}

function showSettings() {
  for (const key of TEXT_FIELDS) {
    const input = byId(key);
    if (input.value !== settings[key]) input.value = settings[key];
  }
  for (const key of FLAGS) byId(key).checked = settings[key];
}

`,
    history
      ? js`${renderHistoryScript(' → ')}
${clearHistoryScript('  save();\n')}
/** Every result is its own entry, numbered: two equal rolls in a row are two rolls. */
function remember(what, result) {
  draws += 1;
  history = addEntry(history, { input: '#' + draws + ' ' + what, output: result });
  save();
  renderHistory();
}
`
      : js`function remember() {
  draws += 1;
  save();
}
`,
    js`
/** Runs one tool on submit: shows its result, or its error in words. */
function tool(name, draw) {
  const output = byId(name + '-result');
  const error = byId(name + '-error');
  byId(name + '-form').addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const result = draw();
      output.textContent = result.shown;
      error.textContent = '';
      if (result.what) remember(result.what, result.logged ?? result.shown);
    } catch (problem) {
      output.textContent = '–';
      error.textContent = problem.message;
    }
  });
}

for (const key of TEXT_FIELDS) {
  byId(key).addEventListener('input', (event) => {
    settings = { ...settings, [key]: event.target.value };
    save();
  });
}
for (const key of FLAGS) {
  byId(key).addEventListener('change', (event) => {
    settings = { ...settings, [key]: event.target.checked };
    save();
    showStrength();
  });
}

tool('dice', () => {
  const roll = rollDice(settings.dice, source);
  const [what, logged] = roll.line.split(': ');
  return { shown: roll.line, what, logged };
});

tool('coin', () => {
  const count = parseWhole(settings.coins);
  if (count === null) throw new RangeError('Enter how many coins, for example 3');
  const flips = flipCoins(count, source);
  return { shown: flips.line, what: count === 1 ? 'coin' : count + ' coins' };
});

tool('number', () => {
  const min = parseWhole(settings.min);
  const max = parseWhole(settings.max);
  if (min === null || max === null) throw new RangeError('Enter whole numbers, for example 1 and 100');
  return { shown: String(randomBetween(min, max, source)), what: min + '–' + max };
});

tool('pick', () => ({ shown: pickOne(parseChoices(settings.choices), source), what: 'pick' }));

let password = '';
function passwordOptions() {
  const length = parseWhole(settings.length);
  if (length === null) throw new RangeError('Enter a length, for example 16');
  return { length, lower: settings.lower, upper: settings.upper, digits: settings.digits, symbols: settings.symbols };
}

function showStrength() {
  const strength = byId('password-strength');
  try {
    const options = passwordOptions();
    const { bits, label } = passwordStrength(options.length, poolSize(options));
    strength.textContent = poolSize(options) === 0 ? '' : 'About ' + bits + ' bits: ' + label;
  } catch {
    strength.textContent = '';
  }
}
byId('length').addEventListener('input', showStrength);

// A password is shown, never saved and never added to the history.
tool('password', () => {
  password = makePassword(passwordOptions(), source);
  copyButton.disabled = false;
  return { shown: password, what: null };
});

copyButton.addEventListener('click', () => {
  if (password && navigator.clipboard) navigator.clipboard.writeText(password).catch(() => undefined);
});

showSettings();
showStrength();`,
    history && 'renderHistory();',
    '',
  );
}

export function randomizerTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/random.js', content: RANDOM },
      { path: 'test/random.test.js', content: RANDOM_TEST },
    ],
    layout: {
      'src/random.js': 'dice, coins, numbers, picks and passwords as pure functions of a random source (crypto on the page)',
    },
  };
}
