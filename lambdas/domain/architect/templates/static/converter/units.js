// Unit conversion as data plus two pure functions. Length and mass convert through a base unit
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
