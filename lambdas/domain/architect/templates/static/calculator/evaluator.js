// Arithmetic without eval: a tokenizer and a recursive-descent parser that honours operator
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
