import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../src/intervals.js';

const SETTINGS = { prepareSeconds: 10, workSeconds: 30, restSeconds: 15, rounds: 3 };

test('a workout gets ready, then works and rests by turns, with no rest after the last round', () => {
  let s = t.createIntervals(SETTINGS);
  assert.equal(s.phase, 'ready');
  assert.equal(s.remainingMs, t.totalMs(SETTINGS));
  assert.equal(t.totalMs(SETTINGS), 10000 + 3 * 30000 + 2 * 15000);
  s = t.start(s, 0);
  const seen = [[s.phase, s.round]];
  for (let now = 0; s.running; now += 250) {
    const before = s;
    s = t.tick(s, now);
    if (s.phase !== before.phase || s.round !== before.round) seen.push([s.phase, s.round]);
  }
  assert.deepEqual(seen, [['prepare', 0], ['work', 1], ['rest', 1], ['work', 2], ['rest', 2], ['work', 3], ['done', 3]]);
  assert.equal(s.remainingMs, 0);
  assert.equal(t.progress(s), 1);
});

test('a late tick catches up through every phase that ended meanwhile, without drift', () => {
  let s = t.start(t.createIntervals(SETTINGS), 1000);
  s = t.tick(s, 1000 + 10000 + 30000 + 5000);
  assert.equal(s.phase, 'rest');
  assert.equal(s.round, 1);
  assert.equal(s.remainingMs, 10000);
  assert.equal(s.endsAt, 1000 + 10000 + 30000 + 15000);
  s = t.tick(s, 10_000_000);
  assert.equal(s.phase, 'done');
  assert.equal(s.running, false);
});

test('pause holds the time left; resume goes on from it; reset and a finished workout start again', () => {
  let s = t.start(t.createIntervals(SETTINGS), 0);
  s = t.pause(t.tick(s, 4000), 4000);
  assert.equal(s.running, false);
  assert.equal(s.remainingMs, 6000);
  assert.equal(t.tick(s, 99000), s, 'a paused workout does not move');
  s = t.start(s, 50000);
  assert.equal(s.endsAt, 56000);
  assert.equal(t.start(s, 51000), s, 'starting a running workout changes nothing');
  assert.deepEqual(t.reset(s), t.createIntervals(SETTINGS));
  const done = t.tick(s, 10_000_000);
  const again = t.start(done, 20_000_000);
  assert.equal(again.phase, 'prepare');
  assert.equal(again.running, true);
});

test('skip ends the current phase at once; without rests the rounds follow one another', () => {
  let s = t.start(t.createIntervals({ prepareSeconds: 0, workSeconds: 20, restSeconds: 0, rounds: 2 }), 0);
  assert.deepEqual([s.phase, s.round], ['work', 1]);
  s = t.skip(s, 5000);
  assert.deepEqual([s.phase, s.round, s.endsAt], ['work', 2, 25000]);
  s = t.skip(s, 6000);
  assert.equal(s.phase, 'done');
  assert.equal(t.skip(s, 7000), s);
  assert.equal(t.roundLabel(s), 'Round 2 of 2');
  assert.equal(t.roundLabel(t.createIntervals({ ...SETTINGS, rounds: 1 })), '1 round');
});

test('settings are whole numbers within limits; unreadable ones fall back to the defaults', () => {
  assert.deepEqual(t.normalizeSettings({ prepareSeconds: '5', workSeconds: '45.4', restSeconds: '-3', rounds: '500' }), {
    prepareSeconds: 5,
    workSeconds: 45,
    restSeconds: 0,
    rounds: 99,
  });
  assert.deepEqual(t.normalizeSettings(null), { ...t.DEFAULT_SETTINGS });
  assert.equal(t.normalizeSettings({ workSeconds: 'abc' }).workSeconds, t.DEFAULT_SETTINGS.workSeconds);
  assert.equal(t.normalizeSettings({ workSeconds: 1 }).workSeconds, 5);
  const applied = t.applySettings({ ...SETTINGS, rounds: 5 });
  assert.deepEqual([applied.phase, applied.settings.rounds, applied.running], ['ready', 5, false]);
});

test('the clock shows minutes and seconds, counting up to the next whole second', () => {
  assert.equal(t.formatClock(0), '00:00');
  assert.equal(t.formatClock(1), '00:01');
  assert.equal(t.formatClock(59999), '01:00');
  assert.equal(t.formatClock(754000), '12:34');
  assert.equal(t.formatClock(-5), '00:00');
});
