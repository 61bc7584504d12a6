// Everyday formulas as pure functions. Each checks its inputs and throws a FormulaError whose
// message says what to change; the page shows that message instead of a wrong number.

export class FormulaError extends Error {
  constructor(message) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** value, when it is a finite number within [min, max] (above min when min is exclusive). */
function check(value, name, { min = 0, max = Infinity, exclusiveMin = false, whole = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FormulaError('Enter a number for ' + name);
  const low = exclusiveMin ? value <= min : value < min;
  if (low) throw new FormulaError(capital(name) + ' must be ' + (exclusiveMin ? 'more than ' : 'at least ') + min);
  if (value > max) throw new FormulaError(capital(name) + ' must be at most ' + max);
  if (whole && !Number.isInteger(value)) throw new FormulaError(capital(name) + ' must be a whole number');
  return value;
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An amount rounded to whole cents. */
export function cents(amount) {
  // To 12 significant digits first, so float noise cannot decide the rounding (1.005 is 1.01).
  return Math.round(Number((amount * 100).toPrecision(12))) / 100;
}

/** An amount of money for display: two decimals ("12.50"). */
export function money(amount) {
  return cents(amount).toFixed(2);
}

/** A number for display with at most two decimals, without trailing zeros ("12.5", "33.33"). */
export function decimal(value) {
  return String(Math.round(value * 100) / 100);
}
