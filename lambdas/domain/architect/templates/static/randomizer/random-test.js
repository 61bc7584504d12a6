import { test } from 'node:test';
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
