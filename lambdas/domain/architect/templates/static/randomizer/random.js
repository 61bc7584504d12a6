// Dice, coins, numbers, picks and passwords, drawn from a source of 32-bit unsigned integers:
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
