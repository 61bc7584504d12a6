import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as r from '../src/rps.js';

test('rock beats scissors, paper beats rock, scissors beat paper, and the same throw is a draw', () => {
  const expected = {
    rock: { rock: 'draw', paper: 'lose', scissors: 'win' },
    paper: { rock: 'win', paper: 'draw', scissors: 'lose' },
    scissors: { rock: 'lose', paper: 'win', scissors: 'draw' },
  };
  for (const player of r.THROWS) {
    for (const computer of r.THROWS) assert.equal(r.throwOutcome(player, computer), expected[player][computer], player + ' v ' + computer);
  }
  assert.throws(() => r.throwOutcome('lizard', 'rock'), /No such throw: lizard/);
  assert.throws(() => r.throwOutcome('rock', 'toString'), /No such throw/);
});

test('the computer throws each of the three as often, from the random source it is given', () => {
  const seen = r.THROWS.map((_, i) => r.computerThrow((n) => (assert.equal(n, 3), i)));
  assert.deepEqual(seen, ['rock', 'paper', 'scissors']);
});

test('R, P and S (or 1, 2 and 3) throw; other keys do not', () => {
  assert.equal(r.throwForKey('r'), 'rock');
  assert.equal(r.throwForKey('P'), 'paper');
  assert.equal(r.throwForKey('s'), 'scissors');
  assert.equal(r.throwForKey('3'), 'scissors');
  for (const key of ['x', 'Enter', 'constructor', '']) assert.equal(r.throwForKey(key), null);
});

test('the tally counts wins, losses and draws, and reads back only sound counts', () => {
  let tally = r.normalizeRpsTally(null);
  assert.deepEqual(tally, { wins: 0, losses: 0, draws: 0 });
  for (const outcome of ['win', 'win', 'lose', 'draw']) tally = r.addThrow(tally, outcome);
  assert.deepEqual(tally, { wins: 2, losses: 1, draws: 1 });
  assert.throws(() => r.addThrow(tally, 'tie'), /No such outcome/);
  assert.deepEqual(r.normalizeRpsTally({ wins: 3, losses: -1, draws: 1.5 }), { wins: 3, losses: 0, draws: 0 });
  assert.deepEqual(r.normalizeRpsTally('nonsense'), { wins: 0, losses: 0, draws: 0 });
});
