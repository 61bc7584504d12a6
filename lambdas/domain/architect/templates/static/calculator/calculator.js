// The calculator's keypad as a pure state machine: press(state, key) returns the next state.
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
