import { blocks, has, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { clearHistoryScript, mainPreamble, renderHistoryScript, sharedImports } from './shared';

const EVALUATOR = js`// Arithmetic without eval: a tokenizer and a recursive-descent parser that honours operator
// precedence (* and / before + and -), parentheses and unary minus.

export class CalcError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CalcError';
  }
}

export function add(a, b) {
  return a + b;
}

export function subtract(a, b) {
  return a - b;
}

export function multiply(a, b) {
  return a * b;
}

export function divide(a, b) {
  if (b === 0) throw new CalcError('Cannot divide by zero');
  return a / b;
}

const BINARY = { '+': add, '-': subtract, '*': multiply, '/': divide };
// Symbols a person may paste or type instead of the ASCII operators.
const ALIASES = { '×': '*', x: '*', X: '*', '÷': '/', '−': '-' };

export function tokenize(expression) {
  const tokens = [];
  let i = 0;
  while (i < expression.length) {
    const raw = expression[i];
    const ch = ALIASES[raw] ?? raw;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (/[0-9.]/.test(ch)) {
      let end = i;
      while (end < expression.length && /[0-9.]/.test(expression[end])) end += 1;
      const text = expression.slice(i, end);
      if (text === '.' || text.indexOf('.') !== text.lastIndexOf('.')) throw new CalcError('Malformed number "' + text + '"');
      tokens.push({ type: 'number', value: Number(text) });
      i = end;
    } else if ('+-*/()'.includes(ch)) {
      tokens.push({ type: 'symbol', value: ch });
      i += 1;
    } else {
      throw new CalcError('Unexpected character "' + raw + '"');
    }
  }
  return tokens;
}

function isSymbol(token, ...symbols) {
  return token !== undefined && token.type === 'symbol' && symbols.includes(token.value);
}

/** The value of an arithmetic expression; throws CalcError with a readable message when it has none. */
export function evaluate(expression) {
  const tokens = tokenize(String(expression));
  if (tokens.length === 0) throw new CalcError('Enter an expression');
  let pos = 0;

  function sum() {
    let value = product();
    while (isSymbol(tokens[pos], '+', '-')) {
      const operator = tokens[pos].value;
      pos += 1;
      value = BINARY[operator](value, product());
    }
    return value;
  }

  function product() {
    let value = unary();
    while (isSymbol(tokens[pos], '*', '/')) {
      const operator = tokens[pos].value;
      pos += 1;
      value = BINARY[operator](value, unary());
    }
    return value;
  }

  function unary() {
    if (isSymbol(tokens[pos], '-')) {
      pos += 1;
      return -unary();
    }
    if (isSymbol(tokens[pos], '+')) {
      pos += 1;
      return unary();
    }
    return primary();
  }

  function primary() {
    const token = tokens[pos];
    pos += 1;
    if (token === undefined) throw new CalcError('The expression is incomplete');
    if (token.type === 'number') return token.value;
    if (token.value === '(') {
      const value = sum();
      if (!isSymbol(tokens[pos], ')')) throw new CalcError('A closing parenthesis is missing');
      pos += 1;
      return value;
    }
    throw new CalcError('Unexpected "' + token.value + '"');
  }

  const result = sum();
  if (pos < tokens.length) throw new CalcError('Unexpected "' + tokens[pos].value + '"');
  if (!Number.isFinite(result)) throw new CalcError('The result is too large');
  return result;
}

/** A result for display: float noise rounded away (0.1 + 0.2 shows 0.3), huge or tiny values in e-notation. */
export function formatNumber(value) {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-9) return value.toExponential(9).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(12)));
}
`;

const CALCULATOR = js`// The calculator's keypad as a pure state machine: press(state, key) returns the next state.
import { CalcError, evaluate, formatNumber } from './evaluator.js';

export const INITIAL_STATE = Object.freeze({ expression: '', result: null, error: null, evaluated: false });

const OPERATORS = ['+', '-', '*', '/'];
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const MAX_LENGTH = 200;

function editing(expression) {
  return { expression: expression.slice(0, MAX_LENGTH), result: null, error: null, evaluated: false };
}

function openParentheses(expression) {
  let depth = 0;
  for (const ch of expression) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
  }
  return depth;
}

/** Closes parentheses left open, so "(2+3" evaluates like "(2+3)". */
export function balance(expression) {
  const missing = openParentheses(expression);
  return missing > 0 ? expression + ')'.repeat(missing) : expression;
}

/**
 * Applies one key: a digit, ".", an operator (+ - * /), "(", ")", or one of the commands
 * "equals", "clear" and "backspace".
 */
export function press(state, key) {
  if (key === 'clear') return INITIAL_STATE;
  if (key === 'backspace') return state.evaluated ? INITIAL_STATE : editing(state.expression.slice(0, -1));
  if (key === 'equals') {
    if (state.expression === '') return state;
    const expression = balance(state.expression);
    try {
      return { expression, result: evaluate(expression), error: null, evaluated: true };
    } catch (error) {
      if (error instanceof CalcError) return { ...state, error: error.message, evaluated: false };
      throw error;
    }
  }

  // After a result an operator continues the calculation from it; anything else starts afresh.
  let expression = state.expression;
  if (state.evaluated) expression = OPERATORS.includes(key) ? formatNumber(state.result) : '';
  const last = expression.slice(-1);

  if (DIGITS.includes(key)) return editing(expression + (last === ')' ? '*' : '') + key);
  if (key === '.') {
    const number = /[0-9.]*$/.exec(expression)[0];
    if (number.includes('.')) return editing(expression);
    if (number === '') return editing(expression + (last === ')' ? '*' : '') + '0.');
    return editing(expression + '.');
  }
  if (OPERATORS.includes(key)) {
    if (expression === '' || last === '(') return editing(key === '-' ? expression + '-' : expression);
    if (OPERATORS.includes(last)) {
      // A minus after * or / starts a negative number; any other operator replaces the last one.
      if (key === '-' && (last === '*' || last === '/')) return editing(expression + '-');
      const trimmed = expression.replace(/[-+*\/]+$/, '');
      if (trimmed === '' || trimmed.endsWith('(')) return editing(key === '-' ? trimmed + '-' : trimmed);
      return editing(trimmed + key);
    }
    return editing(expression + key);
  }
  if (key === '(') return editing(expression + (/[0-9.)]$/.test(expression) ? '*(' : '('));
  if (key === ')') {
    if (openParentheses(expression) <= 0 || last === '(' || OPERATORS.includes(last)) return editing(expression);
    return editing(expression + ')');
  }
  return state;
}

/** The expression with the symbols people expect to read. */
export function prettify(expression) {
  return expression.replace(/\*/g, '×').replace(/\//g, '÷').replace(/-/g, '−');
}

/** What the main display shows: the result after "=", otherwise what has been typed. */
export function display(state) {
  if (state.evaluated) return formatNumber(state.result);
  return state.expression === '' ? '0' : prettify(state.expression);
}

const KEY_MAP = {
  Enter: 'equals',
  '=': 'equals',
  Backspace: 'backspace',
  Escape: 'clear',
  Delete: 'clear',
  c: 'clear',
  C: 'clear',
  x: '*',
  X: '*',
  ',': '.',
};

/** The keypad key for a keyboard event's key, or null when the key means nothing here. */
export function keyToInput(key) {
  if (DIGITS.includes(key) || OPERATORS.includes(key) || key === '.' || key === '(' || key === ')') return key;
  return KEY_MAP[key] ?? null;
}

/** A state read back from storage, trusted only as far as it is well formed. */
export function restoreState(raw) {
  if (!raw || typeof raw !== 'object') return INITIAL_STATE;
  const expression =
    typeof raw.expression === 'string' && /^[0-9.+\-*\/()]*$/.test(raw.expression) ? raw.expression.slice(0, MAX_LENGTH) : '';
  const result = typeof raw.result === 'number' && Number.isFinite(raw.result) ? raw.result : null;
  return { expression, result, error: null, evaluated: raw.evaluated === true && result !== null };
}
`;

const EVALUATOR_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalcError, evaluate, formatNumber } from '../src/evaluator.js';

test('adds and subtracts', () => {
  assert.equal(evaluate('7+5'), 12);
  assert.equal(evaluate('10-4'), 6);
  assert.equal(evaluate('1+2+3-4'), 2);
});

test('multiplies and divides before adding and subtracting', () => {
  assert.equal(evaluate('2+3*4'), 14);
  assert.equal(evaluate('20-10/5'), 18);
  assert.equal(evaluate('2*3+4*5'), 26);
  assert.equal(evaluate('8/4/2'), 1);
});

test('parentheses group first', () => {
  assert.equal(evaluate('(2+3)*4'), 20);
  assert.equal(evaluate('2*(3+(4-1))'), 12);
});

test('unary minus and decimals', () => {
  assert.equal(evaluate('-3+5'), 2);
  assert.equal(evaluate('2*-3'), -6);
  assert.equal(evaluate('-(2+3)'), -5);
  assert.equal(evaluate('.5+1.25'), 1.75);
});

test('display symbols are accepted', () => {
  assert.equal(evaluate('6 × 7'), 42);
  assert.equal(evaluate('9 ÷ 3 − 1'), 2);
});

test('dividing by zero is an error, not Infinity', () => {
  assert.throws(() => evaluate('1/0'), CalcError);
  assert.throws(() => evaluate('1/0'), /divide by zero/);
});

test('malformed input is reported', () => {
  assert.throws(() => evaluate(''), /Enter an expression/);
  assert.throws(() => evaluate('2+'), /incomplete/);
  assert.throws(() => evaluate('(2+3'), /parenthesis/);
  assert.throws(() => evaluate('1..2'), /Malformed number/);
  assert.throws(() => evaluate('2 $ 3'), /Unexpected character/);
  assert.throws(() => evaluate('2)'), /Unexpected/);
});

test('results are formatted without float noise', () => {
  assert.equal(formatNumber(evaluate('0.1+0.2')), '0.3');
  assert.equal(formatNumber(1 / 3), '0.333333333333');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(2e20), '2e+20');
});
`;

const CALCULATOR_TEST = js`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { display, INITIAL_STATE, keyToInput, press, restoreState } from '../src/calculator.js';

function type(keys, state = INITIAL_STATE) {
  return keys.reduce(press, state);
}

test('typing an expression and pressing equals shows the result', () => {
  const state = type(['1', '2', '+', '3', '*', '2', 'equals']);
  assert.equal(state.evaluated, true);
  assert.equal(display(state), '18');
});

test('an operator after a result chains from it', () => {
  const state = type(['1', '5', 'equals', '+', '5', 'equals']);
  assert.equal(display(state), '20');
});

test('a digit after a result starts a new calculation', () => {
  const state = type(['2', '+', '2', 'equals', '7']);
  assert.equal(display(state), '7');
});

test('a second operator replaces the first', () => {
  assert.equal(type(['5', '+', '*', '2']).expression, '5*2');
  assert.equal(type(['5', '*', '-', '2', 'equals']).result, -10);
});

test('a number takes one decimal point', () => {
  assert.equal(type(['1', '.', '.', '5']).expression, '1.5');
  assert.equal(type(['.', '5']).expression, '0.5');
});

test('open parentheses are closed on equals', () => {
  assert.equal(type(['(', '2', '+', '3', 'equals']).result, 5);
  assert.equal(type(['2', '(', '3', ')']).expression, '2*(3)');
});

test('clear and backspace', () => {
  assert.equal(type(['9', '9', 'backspace']).expression, '9');
  assert.deepEqual(type(['9', '+', '1', 'clear']), INITIAL_STATE);
  assert.equal(display(INITIAL_STATE), '0');
});

test('an error keeps the expression for correction', () => {
  const state = type(['8', '/', '0', 'equals']);
  assert.equal(state.error, 'Cannot divide by zero');
  assert.equal(state.evaluated, false);
  assert.equal(display(press(state, 'backspace')), '8÷');
});

test('keyboard keys map to keypad keys', () => {
  assert.equal(keyToInput('7'), '7');
  assert.equal(keyToInput('*'), '*');
  assert.equal(keyToInput('x'), '*');
  assert.equal(keyToInput('Enter'), 'equals');
  assert.equal(keyToInput('Escape'), 'clear');
  assert.equal(keyToInput('Backspace'), 'backspace');
  assert.equal(keyToInput('a'), null);
});

test('a stored state is restored only when well formed', () => {
  assert.deepEqual(restoreState({ expression: '2+2', result: 4, evaluated: true }), {
    expression: '2+2',
    result: 4,
    error: null,
    evaluated: true,
  });
  assert.equal(restoreState({ expression: 'alert(1)' }).expression, '');
  assert.equal(restoreState(null), INITIAL_STATE);
});
`;

/** Keypad layout: [key, label, accessible name when the label is a symbol, class]. */
const KEYPAD: ReadonlyArray<readonly [string, string, string | null, string | null]> = [
  ['clear', 'C', 'Clear', 'command'],
  ['(', '(', 'Open parenthesis', null],
  [')', ')', 'Close parenthesis', null],
  ['/', '÷', 'Divide', 'operator'],
  ['7', '7', null, null],
  ['8', '8', null, null],
  ['9', '9', null, null],
  ['*', '×', 'Multiply', 'operator'],
  ['4', '4', null, null],
  ['5', '5', null, null],
  ['6', '6', null, null],
  ['-', '−', 'Subtract', 'operator'],
  ['1', '1', null, null],
  ['2', '2', null, null],
  ['3', '3', null, null],
  ['+', '+', 'Add', 'operator'],
  ['0', '0', null, null],
  ['.', '.', 'Decimal point', null],
  ['backspace', '⌫', 'Backspace', 'command'],
  ['equals', '=', 'Equals', 'primary'],
];

function body(spec: AppSpec): string {
  const keys = KEYPAD.map(([key, label, name, cls]) => {
    const attrs = [`type="button"`, `data-key="${key}"`, cls ? `class="${cls}"` : null, name ? `aria-label="${name}"` : null];
    return `          <button ${attrs.filter((a) => a !== null).join(' ')}>${label}</button>`;
  });
  return blocks(
    '      <section class="card calculator" aria-label="Calculator">',
    '        <div class="screen">',
    '          <p id="expression" class="expression muted"></p>',
    '          <output id="display" class="display" aria-live="polite" aria-atomic="true">0</output>',
    '          <p id="error" class="error" role="alert"></p>',
    '        </div>',
    '        <div id="keypad" class="keypad">',
    ...keys,
    '        </div>',
    '        <p class="muted hint">Keyboard works too: digits, + − * /, ( ), Enter for =, Backspace, Esc to clear.</p>',
    '      </section>',
    has(spec, 'history') &&
      blocks(
        '      <section class="card history" aria-labelledby="history-title">',
        '        <div class="row spread">',
        '          <h2 id="history-title">History</h2>',
        '          <button id="history-clear" type="button" class="danger">Clear history</button>',
        '        </div>',
        '        <p id="history-empty" class="muted">No calculations yet.</p>',
        '        <ol id="history-list" class="history-list"></ol>',
        '      </section>',
      ),
  );
}

const CSS = js`.calculator {
  max-width: 22rem;
  margin-inline: auto;
}

.screen {
  text-align: right;
  padding: 0.5rem 0.75rem;
  background: var(--surface-2);
  border-radius: var(--radius);
  margin-bottom: 0.75rem;
}

.expression {
  min-height: 1.5em;
  margin: 0;
  overflow-wrap: anywhere;
}

.display {
  display: block;
  font-size: 2.25rem;
  font-variant-numeric: tabular-nums;
  overflow-wrap: anywhere;
}

.keypad {
  display: grid;
  grid-template-columns: repeat(4, 1fr);
  gap: 0.5rem;
}

.keypad button {
  font-size: 1.25rem;
  padding: 0.8rem 0;
}

.keypad .operator,
.keypad .command {
  background: var(--surface-2);
}

.hint {
  font-size: 0.85rem;
  margin-bottom: 0;
}

.spread {
  justify-content: space-between;
  align-items: center;
}

.history {
  max-width: 22rem;
  margin-inline: auto;
}

.history-list {
  margin: 0;
  padding-left: 1.25rem;
  font-variant-numeric: tabular-nums;
}
`;

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const history = has(spec, 'history');
  return blocks(
    ...sharedImports(spec),
    js`import { display, INITIAL_STATE, keyToInput, prettify, press${saves ? ', restoreState' : ''} } from './calculator.js';`,
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    '',
    mainPreamble(spec),
    saves &&
      js`const store = createStore(storage, ${jsString(storageKey(spec, 'calculator'))}, {
  fallback: { state: INITIAL_STATE, history: [] },
  revive: (raw) => ({ state: restoreState(raw.state), history: ${history ? 'normalizeHistory(raw.history)' : '[]'} }),
});
const saved = store.load();
let state = saved.state;
${history ? 'let history = saved.history;' : ''}
`,
    !saves && js`let state = INITIAL_STATE;`,
    !saves && history && js`let history = [];`,
    js`
const displayElement = byId('display');
const expressionElement = byId('expression');
const errorElement = byId('error');
`,
    history &&
      js`const historyList = byId('history-list');
const historyEmpty = byId('history-empty');
const historyClear = byId('history-clear');

${renderHistoryScript(' = ')}
${clearHistoryScript(saves ? '  store.save({ state, history });\n' : '')}`,
    js`function render() {
  displayElement.textContent = display(state);
  expressionElement.textContent = state.evaluated ? prettify(state.expression) + ' =' : '';
  errorElement.textContent = state.error ?? '';
}

function input(key) {
  state = press(state, key);
${history ? "  if (key === 'equals' && state.evaluated) {\n    history = addEntry(history, { input: prettify(state.expression), output: display(state) });\n    renderHistory();\n  }\n" : ''}${saves ? `  store.save({ state${history ? ', history' : ''} });\n` : ''}  render();
}

byId('keypad').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-key]');
  if (button) input(button.dataset.key);
});

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // Let Enter and Space activate a focused button instead of being read as input twice.
  if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
  const key = keyToInput(event.key);
  if (key === null) return;
  event.preventDefault();
  input(key);
});

render();
`,
    history && 'renderHistory();',
    '',
  );
}

export function calculatorTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/evaluator.js', content: EVALUATOR },
      { path: 'src/calculator.js', content: CALCULATOR },
      { path: 'test/evaluator.test.js', content: EVALUATOR_TEST },
      { path: 'test/calculator.test.js', content: CALCULATOR_TEST },
    ],
    layout: {
      'src/evaluator.js': 'the arithmetic evaluator (precedence, parentheses, unary minus; no eval)',
      'src/calculator.js': 'the keypad as a pure state machine and the keyboard mapping',
    },
  };
}
