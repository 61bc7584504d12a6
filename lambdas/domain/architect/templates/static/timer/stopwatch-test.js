import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as s from '../src/stopwatch.js';

test('it counts up while running, holds while stopped and goes on from there', () => {
  let w = s.createStopwatch();
  assert.equal(s.elapsed(w, 5000), 0);
  w = s.start(w, 1000);
  assert.equal(s.elapsed(w, 3500), 2500);
  assert.equal(s.start(w, 2000), w, 'starting a running stopwatch changes nothing');
  w = s.stop(w, 4000);
  assert.equal(s.elapsed(w, 9000), 3000);
  w = s.start(w, 10000);
  assert.equal(s.elapsed(w, 10250), 3250);
  assert.deepEqual(s.reset(w), s.createStopwatch());
});

test('laps keep their own time and the total, with the fastest and slowest marked', () => {
  let w = s.start(s.createStopwatch(), 0);
  w = s.lap(w, 30000);
  w = s.lap(w, 55000);
  w = s.lap(w, 95000);
  assert.deepEqual(w.laps, [30000, 55000, 95000]);
  assert.deepEqual(s.lapRows(w), [
    { number: 1, lapMs: 30000, totalMs: 30000, mark: null },
    { number: 2, lapMs: 25000, totalMs: 55000, mark: 'fastest' },
    { number: 3, lapMs: 40000, totalMs: 95000, mark: 'slowest' },
  ]);
  assert.equal(s.lap(w, 95000), w, 'no lap of no time');
  assert.equal(s.lap(s.createStopwatch(), 0).laps.length, 0);
  // A lap while stopped is the time shown.
  w = s.lap(s.stop(w, 100000), 200000);
  assert.deepEqual(w.laps.at(-1), 100000);
  assert.deepEqual(s.lapRows({ laps: [1000, 2000] }).map((r) => r.mark), [null, null]);
});

test('laps are kept in the hundredths shown, so the lap times shown add up to the totals shown', () => {
  let w = s.start(s.createStopwatch(), 0);
  w = s.lap(w, 215);
  w = s.lap(w, 584);
  assert.deepEqual(w.laps, [210, 580]);
  const [first, second] = s.lapRows(w);
  assert.equal(s.formatElapsed(second.totalMs), '00:00.58');
  assert.equal(first.lapMs + second.lapMs, second.totalMs);
  assert.equal(s.lap(s.start(s.createStopwatch(), 0), 9).laps.length, 0, 'no lap under a hundredth');
});

test('times show minutes, seconds and hundredths, and hours once there are any', () => {
  assert.equal(s.formatElapsed(0), '00:00.00');
  assert.equal(s.formatElapsed(7259), '00:07.25');
  assert.equal(s.formatElapsed(754500), '12:34.50');
  assert.equal(s.formatElapsed(3723040), '1:02:03.04');
  assert.equal(s.formatElapsed(-5), '00:00.00');
});

test('a saved stopwatch keeps running from when it started; unreadable data is a new one', () => {
  const saved = JSON.parse(JSON.stringify(s.lap(s.start(s.createStopwatch(), 1000), 6000)));
  const back = s.normalizeStopwatch(saved, 20000);
  assert.equal(s.elapsed(back, 21000), 20000);
  assert.deepEqual(back.laps, [5000]);
  assert.deepEqual(s.normalizeStopwatch(null, 0), s.createStopwatch());
  assert.deepEqual(s.normalizeStopwatch({ running: true, startedAt: 'soon', elapsedMs: -4, laps: [3, 2] }, 0), s.createStopwatch());
  assert.equal(s.normalizeStopwatch({ running: true, startedAt: 50000 }, 1000).running, false, 'a start in the future is no start');
});
