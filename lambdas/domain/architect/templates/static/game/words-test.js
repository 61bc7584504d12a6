import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as w from '../src/words.js';

const round = (word, guesses = []) => ({ word, guesses });

test('each letter is marked right, present or absent, a repeated letter only as often as the word has it', () => {
  assert.deepEqual(w.scoreGuess('HEART', 'HEART'), ['right', 'right', 'right', 'right', 'right']);
  assert.deepEqual(w.scoreGuess('EARTH', 'HEART'), ['present', 'present', 'present', 'present', 'present']);
  assert.deepEqual(w.scoreGuess('GEESE', 'HEART'), ['absent', 'right', 'absent', 'absent', 'absent']);
  assert.deepEqual(w.scoreGuess('SPOON', 'ROBOT'), ['absent', 'absent', 'present', 'right', 'absent']);
  assert.deepEqual(w.scoreGuess('OOZED', 'ROBOT'), ['present', 'right', 'absent', 'absent', 'absent']);
  assert.deepEqual(w.scoreGuess('QUICK', 'HEART'), ['absent', 'absent', 'absent', 'absent', 'absent']);
});

test('a guess is five letters A to Z, not one guessed already; the round is won by the word and lost after six', () => {
  let r = round('CRANE');
  for (const bad of ['CRAN', 'CRANES', 'CR4NE', '', 'ÉCLAT'])
    assert.throws(() => w.guessWord(r, bad), /A guess is 5 letters A to Z/, bad);
  r = w.guessWord(r, ' slate ');
  assert.deepEqual(r.guesses, ['SLATE']);
  assert.throws(() => w.guessWord(r, 'Slate'), /SLATE was guessed already/);
  assert.equal(w.wordStatus(r), 'playing');
  const won = w.guessWord(r, 'crane');
  assert.equal(w.wordStatus(won), 'won');
  assert.equal(w.guessWord(won, 'TIGER'), won);
  let lost = round('CRANE');
  for (const guess of ['ABOUT', 'BLIND', 'FUDGE', 'MOIST', 'PLUMB', 'QUICK']) lost = w.guessWord(lost, guess);
  assert.equal(w.wordStatus(lost), 'lost');
  assert.equal(w.guessWord(lost, 'CRANE'), lost);
});

test('a round draws its word from the secret words with the random source it is given', () => {
  assert.equal(w.newWordRound((n) => (assert.equal(n, w.SECRET_WORDS.length), 0)).word, w.SECRET_WORDS[0]);
  assert.deepEqual(w.newWordRound((n) => n - 1), { word: w.SECRET_WORDS.at(-1), guesses: [] });
  for (const word of w.SECRET_WORDS) assert.match(word, /^[A-Z]{5}$/);
  assert.equal(new Set(w.SECRET_WORDS).size, w.SECRET_WORDS.length);
});

test('the keyboard shows the best that is known of each letter guessed', () => {
  const r = w.guessWord(w.guessWord(round('HEART'), 'TEETH'), 'HATER');
  assert.deepEqual(w.letterHints(r), { T: 'present', E: 'right', H: 'right', A: 'present', R: 'present' });
});

test('the tally counts wins by the guesses they took, losses and the run of wins, and reads back only sound counts', () => {
  let tally = w.normalizeWordTally(null);
  assert.deepEqual(tally, { won: 0, lost: 0, streak: 0, wins: [0, 0, 0, 0, 0, 0] });
  tally = w.addWordRound(tally, round('CRANE', ['SLATE', 'CRANE']));
  tally = w.addWordRound(tally, round('CRANE', ['CRANE']));
  assert.deepEqual(tally, { won: 2, lost: 0, streak: 2, wins: [1, 1, 0, 0, 0, 0] });
  tally = w.addWordRound(tally, round('CRANE', ['ABOUT', 'BLIND', 'FUDGE', 'MOIST', 'PLUMB', 'QUICK']));
  assert.deepEqual(tally, { won: 2, lost: 1, streak: 0, wins: [1, 1, 0, 0, 0, 0] });
  assert.throws(() => w.addWordRound(tally, round('CRANE', ['SLATE'])), /not over/);
  assert.deepEqual(w.normalizeWordTally({ won: 3, lost: -2, streak: 1.5, wins: [1, 'x', 2] }), {
    won: 3,
    lost: 0,
    streak: 0,
    wins: [1, 0, 2, 0, 0, 0],
  });
});
