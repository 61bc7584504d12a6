import { test } from 'node:test';
import assert from 'node:assert/strict';
import { display, INITIAL_STATE, keyToInput, press, restoreState } from '../src/calculator.js';

function type(keys, state = INITIAL_STATE) {
  return keys.reduce(press, state);
}

test('typing an expression and pressing equals shows the result', () => {
  const state = type(['1', '2', '+', '3', '*', '2', 'equals']);
  assert.equal(state.evaluated, true);
  assert.equal(display(state), '18');
});

test('an operator after a result chains from it', () => {
  const state = type(['1', '5', 'equals', '+', '5', 'equals']);
  assert.equal(display(state), '20');
});

test('a digit after a result starts a new calculation', () => {
  const state = type(['2', '+', '2', 'equals', '7']);
  assert.equal(display(state), '7');
});

test('a second operator replaces the first', () => {
  assert.equal(type(['5', '+', '*', '2']).expression, '5*2');
  assert.equal(type(['5', '*', '-', '2', 'equals']).result, -10);
});

test('a number takes one decimal point', () => {
  assert.equal(type(['1', '.', '.', '5']).expression, '1.5');
  assert.equal(type(['.', '5']).expression, '0.5');
});

test('open parentheses are closed on equals', () => {
  assert.equal(type(['(', '2', '+', '3', 'equals']).result, 5);
  assert.equal(type(['2', '(', '3', ')']).expression, '2*(3)');
});

test('clear and backspace', () => {
  assert.equal(type(['9', '9', 'backspace']).expression, '9');
  assert.deepEqual(type(['9', '+', '1', 'clear']), INITIAL_STATE);
  assert.equal(display(INITIAL_STATE), '0');
});

test('an error keeps the expression for correction', () => {
  const state = type(['8', '/', '0', 'equals']);
  assert.equal(state.error, 'Cannot divide by zero');
  assert.equal(state.evaluated, false);
  assert.equal(display(press(state, 'backspace')), '8÷');
});

test('keyboard keys map to keypad keys', () => {
  assert.equal(keyToInput('7'), '7');
  assert.equal(keyToInput('*'), '*');
  assert.equal(keyToInput('x'), '*');
  assert.equal(keyToInput('Enter'), 'equals');
  assert.equal(keyToInput('Escape'), 'clear');
  assert.equal(keyToInput('Backspace'), 'backspace');
  assert.equal(keyToInput('a'), null);
});

test('a stored state is restored only when well formed', () => {
  assert.deepEqual(restoreState({ expression: '2+2', result: 4, evaluated: true }), {
    expression: '2+2',
    result: 4,
    error: null,
    evaluated: true,
  });
  assert.equal(restoreState({ expression: 'alert(1)' }).expression, '');
  assert.equal(restoreState(null), INITIAL_STATE);
});
