import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applySettings,
  createTimer,
  DEFAULT_SETTINGS,
  finishPhase,
  formatClock,
  normalizeSettings,
  pause,
  progress,
  reset,
  skip,
  start,
  tick,
} from '../src/timer.js';

const MINUTE = 60000;

test('a new timer waits at the start of a focus round', () => {
  const timer = createTimer();
  assert.equal(timer.phase, 'focus');
  assert.equal(timer.running, false);
  assert.equal(formatClock(timer.remainingMs), '25:00');
});

test('time runs only while started', () => {
  let timer = start(createTimer(), 0);
  timer = tick(timer, 10 * MINUTE);
  assert.equal(formatClock(timer.remainingMs), '15:00');
  timer = pause(timer, 12 * MINUTE);
  assert.equal(timer.remainingMs, 13 * MINUTE);
  assert.equal(tick(timer, 60 * MINUTE), timer);
  timer = tick(start(timer, 100 * MINUTE), 101 * MINUTE);
  assert.equal(timer.remainingMs, 12 * MINUTE);
});

test('a finished focus round counts and starts a short break', () => {
  const timer = tick(start(createTimer(), 0), 25 * MINUTE);
  assert.equal(timer.phase, 'short');
  assert.equal(timer.completed, 1);
  assert.equal(timer.running, false);
  assert.equal(timer.remainingMs, 5 * MINUTE);
});

test('every fourth round earns a long break, then focus again', () => {
  let timer = createTimer();
  const phases = [];
  for (let i = 0; i < 8; i += 1) {
    timer = finishPhase(timer);
    phases.push(timer.phase);
  }
  assert.deepEqual(phases, ['short', 'focus', 'short', 'focus', 'short', 'focus', 'long', 'focus']);
  assert.equal(timer.completed, 4);
});

test('skipping a focus round does not count it', () => {
  const timer = skip(createTimer());
  assert.equal(timer.phase, 'short');
  assert.equal(timer.completed, 0);
  assert.equal(skip(timer).phase, 'focus');
});

test('reset restores the full phase and stops', () => {
  const timer = reset(tick(start(createTimer(), 0), 7 * MINUTE));
  assert.equal(timer.running, false);
  assert.equal(timer.remainingMs, 25 * MINUTE);
});

test('the clock rounds up to whole seconds', () => {
  assert.equal(formatClock(59001), '01:00');
  assert.equal(formatClock(1), '00:01');
  assert.equal(formatClock(0), '00:00');
  assert.equal(formatClock(-5), '00:00');
  assert.equal(formatClock(90 * MINUTE), '90:00');
});

test('settings are whole minutes within limits', () => {
  assert.deepEqual(normalizeSettings({ focusMinutes: '50', shortBreakMinutes: 0, longBreakMinutes: 999, roundsBeforeLongBreak: 'x' }), {
    focusMinutes: 50,
    shortBreakMinutes: 1,
    longBreakMinutes: 120,
    roundsBeforeLongBreak: DEFAULT_SETTINGS.roundsBeforeLongBreak,
  });
  assert.deepEqual(normalizeSettings(null), { ...DEFAULT_SETTINGS });
});

test('new settings restart the current phase with its new length', () => {
  const timer = applySettings(start(createTimer(), 0), { ...DEFAULT_SETTINGS, focusMinutes: 50 });
  assert.equal(timer.running, false);
  assert.equal(formatClock(timer.remainingMs), '50:00');
});

test('progress goes from 0 to 1 over a phase', () => {
  const timer = start(createTimer(), 0);
  assert.equal(progress(timer), 0);
  assert.equal(progress(tick(timer, 12.5 * MINUTE)), 0.5);
});
