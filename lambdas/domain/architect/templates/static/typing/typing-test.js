import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../src/typing.js';

test('typed characters are matched one by one against the passage', () => {
  assert.deepEqual(t.compare('hello', 'help'), { correct: 3, errors: 1, typed: 4 });
  assert.deepEqual(t.compare('hi', 'hi there'), { correct: 2, errors: 6, typed: 8 });
  assert.deepEqual(t.compare('abc', ''), { correct: 0, errors: 0, typed: 0 });
});

test('speed counts five characters as a word; accuracy is the share typed right', () => {
  assert.equal(t.wordsPerMinute(250, 60000), 50);
  assert.equal(t.wordsPerMinute(100, 30000), 40);
  assert.equal(t.wordsPerMinute(100, 999), 0, 'no speed before a second');
  assert.equal(t.accuracy(0, 0), 100);
  assert.equal(t.accuracy(9, 10), 90);
  const target = 'the cat sat on the mat';
  assert.deepEqual(t.progress(target, 'the cat', 12000), { wpm: 7, accuracy: 100, errors: 0, done: false });
  assert.deepEqual(t.progress(target, 'the cot sat on the mat', 6000), { wpm: 42, accuracy: 95, errors: 1, done: true });
});

test('the passages are plain typing text, and the next one is never the one just typed', () => {
  for (const passage of t.PASSAGES) assert.match(passage, /^[A-Z][A-Za-z ,.:']+[.]$/);
  for (let previous = 0; previous < t.PASSAGES.length; previous += 1) {
    for (let r = 0; r < t.PASSAGES.length - 1; r += 1) {
      const next = t.nextPassage(t.PASSAGES, previous, () => r);
      assert.notEqual(next, previous);
      assert.ok(next >= 0 && next < t.PASSAGES.length);
    }
  }
  assert.equal(t.nextPassage(['only'], 0, () => 0), 0);
  assert.throws(() => t.nextPassage([], 0, () => 0), /no passages/);
});

test('results are kept newest first, ten at most, and the best speed counts only accurate tests', () => {
  let results = [];
  for (let i = 0; i < 12; i += 1) results = t.addResult(results, { wpm: 30 + i, accuracy: i === 11 ? 70 : 96, date: '2026-01-0' + (i % 9) });
  assert.equal(results.length, 10);
  assert.equal(results[0].wpm, 41);
  assert.equal(t.bestSpeed(results), 40);
  assert.equal(t.bestSpeed([]), null);
  assert.deepEqual(t.normalizeResults([{ wpm: 50, accuracy: 98, date: 'x' }, { wpm: -1, accuracy: 50, date: 'y' }, 'junk']), [
    { wpm: 50, accuracy: 98, date: 'x' },
  ]);
});
