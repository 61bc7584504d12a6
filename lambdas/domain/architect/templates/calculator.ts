import { blocks, has, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { FORMULA_CSS, formulaBody, formulaFiles, formulaImports, formulaScript, formulasOf } from './formulas';
import { clearHistoryScript, historySection, mainPreamble, renderHistoryScript, sharedImports } from './shared';
import { fillSlots, staticSource } from './static-sources';

const EVALUATOR = staticSource('calculator/evaluator.js');

const CALCULATOR = staticSource('calculator/calculator.js');

const EVALUATOR_TEST = staticSource('calculator/evaluator-test.js');

const CALCULATOR_TEST = staticSource('calculator/calculator-test.js');

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
    // The formulas asked for come first: they are what the person wanted.
    formulaBody(spec),
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
    has(spec, 'history') && historySection('History', 'No calculations yet.', true),
  );
}

const CSS = staticSource('calculator/css.css');

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  const history = has(spec, 'history');
  return blocks(
    ...sharedImports(spec),
    js`import { display, INITIAL_STATE, keyToInput, prettify, press${saves ? ', restoreState' : ''} } from './calculator.js';`,
    history && js`import { addEntry${saves ? ', normalizeHistory' : ''} } from './history.js';`,
    formulaImports(spec),
    '',
    mainPreamble(spec),
    saves &&
      fillSlots(staticSource('calculator/store.js'), {
        key: jsString(storageKey(spec, 'calculator')),
        revivedHistory: history ? 'normalizeHistory(raw.history)' : '[]',
        historyLet: history ? 'let history = saved.history;' : '',
      }),
    !saves && js`let state = INITIAL_STATE;`,
    !saves && history && js`let history = [];`,
    staticSource('calculator/display-elements.js'),
    history &&
      js`${staticSource('shared/history-elements.js')}
${renderHistoryScript(' = ')}
${clearHistoryScript(saves ? '  store.save({ state, history });\n' : '')}`,
    fillSlots(staticSource('calculator/main-rest.js'), { recordHistory: history ? staticSource('calculator/record-history.js') : '', saveState: saves ? `  store.save({ state${history ? ', history' : ''} });\n` : '', formulaFields: formulasOf(spec).length > 0 ? staticSource('calculator/formula-fields-guard.js') : '' }),
    history && 'renderHistory();',
    formulaScript(spec),
    '',
  );
}

export function calculatorTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: formulasOf(spec).length > 0 ? CSS + FORMULA_CSS : CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/evaluator.js', content: EVALUATOR },
      { path: 'src/calculator.js', content: CALCULATOR },
      { path: 'test/evaluator.test.js', content: EVALUATOR_TEST },
      { path: 'test/calculator.test.js', content: CALCULATOR_TEST },
      ...formulaFiles(spec),
    ],
    layout: {
      'src/evaluator.js': 'the arithmetic evaluator (precedence, parentheses, unary minus; no eval)',
      'src/calculator.js': 'the keypad as a pure state machine and the keyboard mapping',
      ...(formulasOf(spec).length > 0 ? { 'src/formulas.js': 'the everyday formulas asked for, as pure functions that check their inputs' } : {}),
    },
  };
}
