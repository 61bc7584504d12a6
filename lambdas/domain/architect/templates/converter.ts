import { blocks, has, importLine, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, mainPreamble, renderHistoryScript, sharedImports } from './shared';

const UNITS = js`// Unit conversion as data plus two pure functions. Length and mass convert through a base unit
// (metre, kilogram) by exact factors; temperature converts through kelvin.

export const CATEGORIES = {
  length: {
    label: 'Length',
    units: {
      mm: { label: 'Millimetres', symbol: 'mm', factor: 0.001 },
      cm: { label: 'Centimetres', symbol: 'cm', factor: 0.01 },
      m: { label: 'Metres', symbol: 'm', factor: 1 },
      km: { label: 'Kilometres', symbol: 'km', factor: 1000 },
      in: { label: 'Inches', symbol: 'in', factor: 0.0254 },
      ft: { label: 'Feet', symbol: 'ft', factor: 0.3048 },
      yd: { label: 'Yards', symbol: 'yd', factor: 0.9144 },
      mi: { label: 'Miles', symbol: 'mi', factor: 1609.344 },
    },
  },
  mass: {
    label: 'Mass',
    units: {
      mg: { label: 'Milligrams', symbol: 'mg', factor: 0.000001 },
      g: { label: 'Grams', symbol: 'g', factor: 0.001 },
      kg: { label: 'Kilograms', symbol: 'kg', factor: 1 },
      t: { label: 'Tonnes', symbol: 't', factor: 1000 },
      oz: { label: 'Ounces', symbol: 'oz', factor: 0.028349523125 },
      lb: { label: 'Pounds', symbol: 'lb', factor: 0.45359237 },
      st: { label: 'Stones', symbol: 'st', factor: 6.35029318 },
    },
  },
  temperature: {
    label: 'Temperature',
    units: {
      C: { label: 'Celsius', symbol: '°C' },
      F: { label: 'Fahrenheit', symbol: '°F' },
      K: { label: 'Kelvin', symbol: 'K' },
    },
  },
};

export const DEFAULT_SELECTION = Object.freeze({ category: 'length', from: 'km', to: 'mi', amount: '1' });

function category(id) {
  const entry = Object.hasOwn(CATEGORIES, id) ? CATEGORIES[id] : undefined;
  if (!entry) throw new RangeError('Unknown quantity "' + id + '"');
  return entry;
}

function unit(categoryId, id) {
  const units = category(categoryId).units;
  const entry = Object.hasOwn(units, id) ? units[id] : undefined;
  if (!entry) throw new RangeError('Unknown unit "' + id + '" for ' + categoryId);
  return entry;
}

/** The units of a quantity, in display order: [{ id, label, symbol }]. */
export function unitsOf(categoryId) {
  return Object.entries(category(categoryId).units).map(([id, entry]) => ({ id, label: entry.label, symbol: entry.symbol }));
}

export function symbolOf(categoryId, unitId) {
  return unit(categoryId, unitId).symbol;
}

function toKelvin(value, from) {
  if (from === 'K') return value;
  if (from === 'C') return value + 273.15;
  return ((value - 32) * 5) / 9 + 273.15;
}

function fromKelvin(kelvin, to) {
  if (to === 'K') return kelvin;
  if (to === 'C') return kelvin - 273.15;
  return ((kelvin - 273.15) * 9) / 5 + 32;
}

/** value in unit from, expressed in unit to. */
export function convert(value, categoryId, from, to) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError('Enter a number');
  const source = unit(categoryId, from);
  const target = unit(categoryId, to);
  if (categoryId === 'temperature') {
    const kelvin = toKelvin(value, from);
    // A little tolerance: -459.67 °F is absolute zero even after floating-point rounding.
    if (kelvin < -1e-9) throw new RangeError('That is below absolute zero');
    return fromKelvin(Math.max(0, kelvin), to);
  }
  return (value * source.factor) / target.factor;
}

/** A typed amount as a number: accepts a decimal comma and e-notation; null when it is not a number. */
export function parseAmount(text) {
  const clean = String(text ?? '').trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/** Up to 7 significant digits, no float noise; very large or small values in e-notation. */
export function formatValue(value) {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e12 || magnitude < 1e-6) return value.toExponential(4).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(7)));
}

/** "1 km = 0.6213712 mi" */
export function describe(value, categoryId, from, to) {
  return formatValue(value) + ' ' + symbolOf(categoryId, from) + ' = ' + formatValue(convert(value, categoryId, from, to)) + ' ' + symbolOf(categoryId, to);
}

/** A selection read back from storage or changed by the page, repaired to valid units. */
export function normalizeSelection(raw) {
  const source = raw && typeof raw === 'object' ? raw : {};
  const categoryId = Object.hasOwn(CATEGORIES, source.category) ? source.category : DEFAULT_SELECTION.category;
  const ids = unitsOf(categoryId).map((entry) => entry.id);
  const defaults = categoryId === DEFAULT_SELECTION.category ? [DEFAULT_SELECTION.from, DEFAULT_SELECTION.to] : [ids[0], ids[1]];
  return {
    category: categoryId,
    from: ids.includes(source.from) ? source.from : defaults[0],
    to: ids.includes(source.to) ? source.to : defaults[1],
    amount: typeof source.amount === 'string' ? source.amount.slice(0, 40) : DEFAULT_SELECTION.amount,
  };
}
`;

const UNITS_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convert, describe, formatValue, normalizeSelection, parseAmount, unitsOf } from '../src/units.js';

function close(actual, expected, tolerance = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), actual + ' is not ' + expected);
}

test('length converts through metres', () => {
  close(convert(1, 'length', 'km', 'm'), 1000);
  close(convert(1, 'length', 'mi', 'km'), 1.609344);
  close(convert(12, 'length', 'in', 'ft'), 1);
  close(convert(3, 'length', 'ft', 'yd'), 1);
  close(convert(250, 'length', 'cm', 'm'), 2.5);
});

test('mass converts through kilograms', () => {
  close(convert(1, 'mass', 'lb', 'kg'), 0.45359237);
  close(convert(16, 'mass', 'oz', 'lb'), 1);
  close(convert(2.5, 'mass', 'kg', 'g'), 2500);
  close(convert(14, 'mass', 'lb', 'st'), 1);
});

test('temperature converts through kelvin', () => {
  close(convert(100, 'temperature', 'C', 'F'), 212);
  close(convert(32, 'temperature', 'F', 'C'), 0);
  close(convert(0, 'temperature', 'C', 'K'), 273.15);
  close(convert(-40, 'temperature', 'C', 'F'), -40);
  close(convert(-459.67, 'temperature', 'F', 'K'), 0);
});

test('converting to the same unit changes nothing', () => {
  close(convert(42, 'length', 'm', 'm'), 42);
  close(convert(37, 'temperature', 'C', 'C'), 37);
});

test('impossible conversions are refused', () => {
  assert.throws(() => convert(-300, 'temperature', 'C', 'F'), /absolute zero/);
  assert.throws(() => convert(1, 'length', 'kg', 'm'), /Unknown unit/);
  assert.throws(() => convert(1, 'volume', 'l', 'ml'), /Unknown quantity/);
  assert.throws(() => convert(Number.NaN, 'length', 'm', 'km'), /Enter a number/);
});

test('typed amounts are parsed strictly', () => {
  assert.equal(parseAmount('12.5'), 12.5);
  assert.equal(parseAmount(' 3,75 '), 3.75);
  assert.equal(parseAmount('-2'), -2);
  assert.equal(parseAmount('1e3'), 1000);
  assert.equal(parseAmount(''), null);
  assert.equal(parseAmount('12abc'), null);
});

test('results are rounded for reading', () => {
  assert.equal(formatValue(0.1 + 0.2), '0.3');
  assert.equal(formatValue(1 / 3), '0.3333333');
  assert.equal(formatValue(1.5e15), '1.5e+15');
  assert.equal(describe(1, 'length', 'km', 'mi'), '1 km = 0.6213712 mi');
  assert.equal(describe(100, 'temperature', 'C', 'F'), '100 °C = 212 °F');
});

test('a selection is repaired to valid units', () => {
  assert.deepEqual(normalizeSelection({ category: 'mass', from: 'km', to: 'lb', amount: '5' }), {
    category: 'mass',
    from: 'mg',
    to: 'lb',
    amount: '5',
  });
  assert.deepEqual(normalizeSelection(null), { category: 'length', from: 'km', to: 'mi', amount: '1' });
  assert.deepEqual(unitsOf('temperature').map((unit) => unit.id), ['C', 'F', 'K']);
});
`;

function body(spec: AppSpec): string {
  return blocks(
    '      <form id="converter-form" class="card converter" autocomplete="off">',
    '        <div class="row">',
    '          <div class="field">',
    '            <label for="category">Quantity</label>',
    '            <select id="category"></select>',
    '          </div>',
    '          <div class="field grow">',
    '            <label for="amount">Amount</label>',
    '            <input id="amount" inputmode="decimal" value="1">',
    '          </div>',
    '        </div>',
    '        <div class="row units">',
    '          <div class="field grow">',
    '            <label for="from-unit">From</label>',
    '            <select id="from-unit"></select>',
    '          </div>',
    '          <button id="swap" type="button" aria-label="Swap units">⇄</button>',
    '          <div class="field grow">',
    '            <label for="to-unit">To</label>',
    '            <select id="to-unit"></select>',
    '          </div>',
    '        </div>',
    '        <p class="result-line"><output id="result" for="amount from-unit to-unit" aria-live="polite">–</output></p>',
    '        <p id="convert-error" class="error" role="alert"></p>',
    has(spec, 'history') && '        <button type="submit" class="primary">Add to history</button>',
    '      </form>',
    has(spec, 'history') &&
      blocks(
        '      <section class="card" aria-labelledby="history-title">',
        '        <div class="row spread">',
        '          <h2 id="history-title">Recent conversions</h2>',
        '          <button id="history-clear" type="button" class="danger">Clear history</button>',
        '        </div>',
        '        <p id="history-empty" class="muted">Nothing here yet. Press “Add to history” to keep a result.</p>',
        '        <ol id="history-list"></ol>',
        '      </section>',
      ),
  );
}

const CSS = js`.grow {
  flex: 1 1 10rem;
}

.units {
  margin-top: 0.75rem;
}

.units #swap {
  font-size: 1.25rem;
  padding: 0.4rem 0.8rem;
}

.result-line {
  font-size: 1.75rem;
  font-variant-numeric: tabular-nums;
  margin: 1rem 0 0;
  overflow-wrap: anywhere;
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
        'CATEGORIES',
        'convert',
        'DEFAULT_SELECTION',
        history && 'describe',
        'formatValue',
        'normalizeSelection',
        'parseAmount',
        'symbolOf',
        'unitsOf',
      ],
      './units.js',
    ),
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    '',
    mainPreamble(spec),
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'converter'))}, {
  fallback: { selection: DEFAULT_SELECTION, history: [] },
  revive: (raw) => ({ selection: normalizeSelection(raw.selection), history: ${history ? 'normalizeHistory(raw.history)' : '[]'} }),
});
const saved = store.load();
let selection = normalizeSelection(saved.selection);${history ? '\nlet history = saved.history;' : ''}`
      : js`let selection = normalizeSelection(DEFAULT_SELECTION);${history ? '\nlet history = [];' : ''}`,
    js`
const form = byId('converter-form');
const categorySelect = byId('category');
const amountInput = byId('amount');
const fromSelect = byId('from-unit');
const toSelect = byId('to-unit');
const result = byId('result');
const errorMessage = byId('convert-error');
`,
    history &&
      js`const historyList = byId('history-list');
const historyEmpty = byId('history-empty');
const historyClear = byId('history-clear');
`,
    js`function options(select, entries) {
  select.replaceChildren(
    ...entries.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
}

function save() {
${saves ? `  store.save({ selection${history ? ', history' : ''} });` : '  // Nothing is kept between visits: this build has no local storage.'}
}

/** Shows the converted amount; returns the value that was converted, or null when there is none. */
function showResult() {
  const value = parseAmount(selection.amount);
  if (value === null) {
    result.textContent = '–';
    errorMessage.textContent = selection.amount.trim() === '' ? '' : 'Enter a number, for example 12.5';
    return null;
  }
  try {
    const converted = convert(value, selection.category, selection.from, selection.to);
    result.textContent = formatValue(converted) + ' ' + symbolOf(selection.category, selection.to);
    errorMessage.textContent = '';
    return value;
  } catch (error) {
    result.textContent = '–';
    errorMessage.textContent = error.message;
    return null;
  }
}

function render() {
  categorySelect.value = selection.category;
  options(
    fromSelect,
    unitsOf(selection.category).map((unit) => [unit.id, unit.label + ' (' + unit.symbol + ')']),
  );
  options(
    toSelect,
    unitsOf(selection.category).map((unit) => [unit.id, unit.label + ' (' + unit.symbol + ')']),
  );
  fromSelect.value = selection.from;
  toSelect.value = selection.to;
  if (amountInput.value !== selection.amount) amountInput.value = selection.amount;
  showResult();
}

function change(next) {
  selection = normalizeSelection(next);
  save();
  render();
}

options(
  categorySelect,
  Object.entries(CATEGORIES).map(([id, entry]) => [id, entry.label]),
);
categorySelect.addEventListener('change', () => change({ category: categorySelect.value, amount: selection.amount }));
fromSelect.addEventListener('change', () => change({ ...selection, from: fromSelect.value }));
toSelect.addEventListener('change', () => change({ ...selection, to: toSelect.value }));
amountInput.addEventListener('input', () => {
  selection = { ...selection, amount: amountInput.value };
  save();
  showResult();
});
byId('swap').addEventListener('click', () => change({ ...selection, from: selection.to, to: selection.from }));
`,
    history
      ? js`${renderHistoryScript(' = ')}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = showResult();
  if (value === null) return;
  const [input, output] = describe(value, selection.category, selection.from, selection.to).split(' = ');
  history = addEntry(history, { input, output });
  save();
  renderHistory();
});

${clearHistoryScript('  save();\n')}
renderHistory();`
      : js`form.addEventListener('submit', (event) => event.preventDefault());`,
    js`render();`,
    '',
  );
}

export function converterTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/units.js', content: UNITS },
      { path: 'test/units.test.js', content: UNITS_TEST },
    ],
    layout: { 'src/units.js': 'units of length, mass and temperature and the pure conversion functions' },
  };
}
