import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addEntry, HISTORY_LIMIT, normalizeHistory } from '../src/history.js';

test('new entries go on top', () => {
  const history = addEntry(addEntry([], { input: 'a', output: '1' }), { input: 'b', output: '2' });
  assert.deepEqual(history.map((entry) => entry.input), ['b', 'a']);
});

test('the same result twice in a row is kept once', () => {
  const once = addEntry([], { input: 'a', output: '1' });
  assert.equal(addEntry(once, { input: 'a', output: '1' }), once);
});

test('history is capped at the limit', () => {
  let history = [];
  for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = addEntry(history, { input: String(i), output: String(i) });
  assert.equal(history.length, HISTORY_LIMIT);
  assert.equal(history[0].input, String(HISTORY_LIMIT + 4));
});

test('stored history is cleaned of malformed entries', () => {
  assert.deepEqual(normalizeHistory([{ input: 'a', output: '1' }, null, { input: 2 }, 'x']), [{ input: 'a', output: '1' }]);
  assert.deepEqual(normalizeHistory('nope'), []);
});
