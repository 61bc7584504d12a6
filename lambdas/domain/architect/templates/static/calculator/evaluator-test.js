import { test } from 'node:test';
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
