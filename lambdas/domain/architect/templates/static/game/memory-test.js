import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as m from '../src/memory.js';

/** A repeatable stand-in for the page's random source. */
function seeded(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

test('a game deals each symbol twice, face down, in a shuffled order', () => {
  const game = m.newGame(8, seeded(1));
  assert.equal(game.cards.length, 16);
  for (const symbol of m.SYMBOLS.slice(0, 8)) assert.equal(game.cards.filter((c) => c === symbol).length, 2);
  assert.deepEqual([game.up, game.matched, game.moves], [[], [], 0]);
  const orders = new Set(Array.from({ length: 20 }, (_, i) => m.newGame(8, seeded(i + 1)).cards.join('')));
  assert.ok(orders.size > 15, 'the deal hardly changes');
  assert.throws(() => m.newGame(1, seeded(1)), /2 to 12 pairs/);
  assert.throws(() => m.newGame(13, seeded(1)), /2 to 12 pairs/);
});

test('shuffling puts every item in every place about as often', () => {
  const random = seeded(7);
  const firsts = new Map();
  for (let i = 0; i < 4000; i += 1) {
    const first = m.shuffle(['a', 'b', 'c', 'd'], random)[0];
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
  }
  for (const item of ['a', 'b', 'c', 'd']) assert.ok(firsts.get(item) > 850 && firsts.get(item) < 1150, item + ': ' + firsts.get(item));
});

test('a matching pair stays face up; two different cards are turned back before the next move', () => {
  let game = { cards: ['★', '♥', '★', '♥'], up: [], matched: [], moves: 0 };
  game = m.turn(game, 0);
  assert.deepEqual([game.up, game.moves], [[0], 0]);
  assert.equal(m.turn(game, 0), game, 'turning a face-up card does nothing');
  game = m.turn(game, 1);
  assert.ok(m.isMismatch(game));
  assert.equal(game.moves, 1);
  assert.ok(m.isFaceUp(game, 1));
  // A third card turns the two back first.
  game = m.turn(game, 2);
  assert.deepEqual([game.up, game.moves], [[2], 1]);
  game = m.turn(game, 0);
  assert.deepEqual([game.up, game.matched, game.moves], [[], [2, 0], 2]);
  assert.equal(m.turn(game, 2), game, 'a matched card stays');
  game = m.turnBack(m.turn(m.turn(game, 1), 3));
  assert.ok(m.isWon(game));
  assert.equal(game.moves, 3);
  assert.throws(() => m.turn(game, 4), /no card/);
});

test('one of two different cards, turned again, begins the next move', () => {
  let game = { cards: ['★', '♥', '★', '♥'], up: [], matched: [], moves: 0 };
  game = m.turn(m.turn(m.turn(game, 0), 1), 1);
  assert.deepEqual([game.up, game.moves], [[1], 1]);
  game = m.turn(game, 3);
  assert.deepEqual([game.up, game.matched, game.moves], [[], [1, 3], 2]);
});

test('two different cards turned back leave nothing face up but the pairs', () => {
  let game = { cards: ['★', '♥', '★', '♥'], up: [], matched: [], moves: 0 };
  game = m.turnBack(m.turn(m.turn(game, 0), 1));
  assert.deepEqual([game.up, game.matched, m.isWon(game)], [[], [], false]);
  assert.equal(m.turnBack(game), game);
});

test('the fewest moves are kept per size, and unreadable saved scores are forgotten', () => {
  let best = m.normalizeBest(null);
  assert.deepEqual(best, {});
  best = m.recordBest(best, 'medium', 14);
  best = m.recordBest(best, 'medium', 20);
  best = m.recordBest(best, 'small', 9);
  assert.deepEqual(best, { medium: 14, small: 9 });
  assert.deepEqual(m.normalizeBest({ medium: 3, small: 7.5, large: 30, huge: 1 }), { large: 30 });
});
