import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from '../src/hangman.js';

test('the built-in words are A to Z only and every one can come up', () => {
  for (const word of h.WORDS) assert.match(word, /^[A-Z]{4,10}$/);
  assert.equal(new Set(h.WORDS).size, h.WORDS.length);
  const drawn = new Set(h.WORDS.map((_, i) => h.newRound(h.WORDS, () => i).word));
  assert.equal(drawn.size, h.WORDS.length);
  assert.deepEqual(h.newRound(['CAT'], () => 0), { word: 'CAT', guessed: [] });
  assert.throws(() => h.newRound([], () => 0), /no words/);
});

test('found letters show in place; the word is shown whole once the round is over', () => {
  let round = { word: 'BANANA', guessed: [] };
  assert.equal(h.maskOf(round), '_ _ _ _ _ _');
  round = h.guess(h.guess(round, 'a'), 'N');
  assert.equal(h.maskOf(round), '_ A N A N A');
  assert.equal(h.statusOf(round), 'playing');
  round = h.guess(round, 'b');
  assert.equal(h.statusOf(round), 'won');
  assert.equal(h.maskOf(round), 'B A N A N A');
  assert.equal(h.guess(round, 'Z'), round, 'no guesses after the round');
});

test('six wrong letters lose the round, and a repeated letter is not counted twice', () => {
  let round = { word: 'SUN', guessed: [] };
  for (const letter of ['A', 'B', 'C', 'C', 'D', 'E']) round = h.guess(round, letter);
  assert.deepEqual(h.wrongLetters(round), ['A', 'B', 'C', 'D', 'E']);
  assert.equal(h.statusOf(round), 'playing');
  round = h.guess(round, 'F');
  assert.equal(h.statusOf(round), 'lost');
  assert.equal(h.maskOf(round), 'S U N');
  assert.throws(() => h.guess(round, '7'), /one letter/);
  assert.throws(() => h.guess(round, 'ab'), /one letter/);
});

test('a person\'s own words are read one per line or between commas, and checked', () => {
  assert.deepEqual(h.parseWords(' cat, Dog\n\nbird;cat '), ['CAT', 'DOG', 'BIRD']);
  assert.throws(() => h.parseWords('ice cream'), /"ice cream" is not a word/);
  assert.throws(() => h.parseWords('a'), /not a word/);
  assert.deepEqual(h.parseWords(''), []);
});

test('the tally counts rounds won and lost and the current run of wins', () => {
  let tally = h.normalizeTally(undefined);
  tally = h.addRound(h.addRound(tally, 'won'), 'won');
  assert.deepEqual(tally, { won: 2, lost: 0, streak: 2 });
  tally = h.addRound(tally, 'lost');
  assert.deepEqual(tally, { won: 2, lost: 1, streak: 0 });
  assert.throws(() => h.addRound(tally, 'playing'), /not over/);
  assert.deepEqual(h.normalizeTally({ won: 'x', lost: 3, streak: -2 }), { won: 0, lost: 3, streak: 0 });
});
