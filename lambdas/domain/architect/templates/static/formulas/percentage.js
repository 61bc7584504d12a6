
/** percent % of value. */
export function percentOf(percent, value) {
  check(percent, 'the percentage', { min: -Infinity });
  check(value, 'the number', { min: -Infinity });
  return (percent * value) / 100;
}

/** What percentage part is of whole. */
export function percentShare(part, whole) {
  check(part, 'the part', { min: -Infinity });
  check(whole, 'the whole', { min: -Infinity });
  if (whole === 0) throw new FormulaError('The whole cannot be 0');
  return (part / whole) * 100;
}

/** The change from one value to another, as a percentage of the first. */
export function percentChange(from, to) {
  check(from, 'the first value', { min: -Infinity });
  check(to, 'the second value', { min: -Infinity });
  if (from === 0) throw new FormulaError('A change from 0 has no percentage');
  return ((to - from) / Math.abs(from)) * 100;
}
