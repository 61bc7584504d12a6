import { test } from 'node:test';
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
