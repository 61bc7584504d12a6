import { blocks, escapeHtml, has, js, jsString, storageKey, type AppSpec, type KindTemplate } from './app-spec';
import { mainPreamble, sharedImports } from './shared';

const TIMER = js`// A pomodoro timer as a pure state machine. Time is passed in (now, in milliseconds), so the
// logic never reads a clock and tests can step through a whole day in microseconds.

export const PHASE_LABELS = { focus: 'Focus', short: 'Short break', long: 'Long break' };

export const DEFAULT_SETTINGS = Object.freeze({
  focusMinutes: 25,
  shortBreakMinutes: 5,
  longBreakMinutes: 15,
  roundsBeforeLongBreak: 4,
});

const LIMITS = {
  focusMinutes: [1, 180],
  shortBreakMinutes: [1, 60],
  longBreakMinutes: [1, 120],
  roundsBeforeLongBreak: [1, 12],
};

/** Whole numbers within sensible limits; anything unreadable falls back to the default. */
export function normalizeSettings(raw) {
  const settings = {};
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const value = raw === null || raw === undefined || raw[key] === '' ? NaN : Number(raw[key]);
    settings[key] = Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : DEFAULT_SETTINGS[key];
  }
  return settings;
}

export function phaseLength(settings, phase) {
  const minutes =
    phase === 'focus' ? settings.focusMinutes : phase === 'short' ? settings.shortBreakMinutes : settings.longBreakMinutes;
  return minutes * 60000;
}

export function createTimer(settings = DEFAULT_SETTINGS, completed = 0) {
  return { phase: 'focus', remainingMs: phaseLength(settings, 'focus'), running: false, endsAt: null, completed, settings };
}

function enter(state, phase, completed) {
  return { ...state, phase, completed, running: false, endsAt: null, remainingMs: phaseLength(state.settings, phase) };
}

export function start(state, now) {
  if (state.running) return state;
  return { ...state, running: true, endsAt: now + state.remainingMs };
}

export function pause(state, now) {
  if (!state.running) return state;
  return { ...state, running: false, endsAt: null, remainingMs: Math.max(0, state.endsAt - now) };
}

/** Back to the full length of the current phase, stopped. */
export function reset(state) {
  return enter(state, state.phase, state.completed);
}

/** Ends the current phase: a finished focus round counts, and every Nth one earns a long break. */
export function finishPhase(state) {
  if (state.phase !== 'focus') return enter(state, 'focus', state.completed);
  const completed = state.completed + 1;
  return enter(state, completed % state.settings.roundsBeforeLongBreak === 0 ? 'long' : 'short', completed);
}

/** Moves on without counting a skipped focus round. */
export function skip(state) {
  return state.phase === 'focus' ? enter(state, 'short', state.completed) : enter(state, 'focus', state.completed);
}

/** Brings a running timer up to now; reaching zero finishes the phase and stops. */
export function tick(state, now) {
  if (!state.running) return state;
  const remainingMs = state.endsAt - now;
  return remainingMs <= 0 ? finishPhase(state) : { ...state, remainingMs };
}

/** New lengths apply at once: the current phase restarts with its new length. */
export function applySettings(state, raw) {
  return enter({ ...state, settings: normalizeSettings(raw) }, state.phase, state.completed);
}

/** mm:ss, rounding up so the clock shows 00:01 until the very last moment. */
export function formatClock(ms) {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return String(minutes).padStart(2, '0') + ':' + String(seconds).padStart(2, '0');
}

/** Share of the current phase already done, 0..1. */
export function progress(state) {
  const total = phaseLength(state.settings, state.phase);
  return total > 0 ? Math.min(1, Math.max(0, 1 - state.remainingMs / total)) : 0;
}
`;

const TIMER_TEST = js`import { test } from 'node:test';
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
`;

function body(spec: AppSpec): string {
  return blocks(
    '      <section class="card timer" aria-labelledby="phase">',
    '        <h2 id="phase" class="phase">Focus</h2>',
    '        <p id="clock" class="clock" role="timer" aria-live="off">25:00</p>',
    '        <progress id="progress" max="1" value="0" aria-label="Progress of this phase"></progress>',
    '        <div class="row controls">',
    '          <button id="start" type="button" class="primary">Start</button>',
    '          <button id="reset" type="button">Reset</button>',
    '          <button id="skip" type="button">Skip</button>',
    '        </div>',
    '        <p id="rounds" class="muted">0 focus rounds completed</p>',
    '        <p id="announce" class="visually-hidden" aria-live="polite"></p>',
    '      </section>',
    '      <section class="card" aria-labelledby="settings-title">',
    '        <h2 id="settings-title">Lengths</h2>',
    '        <form id="settings-form" class="row settings">',
    '          <div class="field">',
    '            <label for="focus-minutes">Focus (minutes)</label>',
    '            <input id="focus-minutes" type="number" min="1" max="180" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="short-minutes">Short break (minutes)</label>',
    '            <input id="short-minutes" type="number" min="1" max="60" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="long-minutes">Long break (minutes)</label>',
    '            <input id="long-minutes" type="number" min="1" max="120" step="1" inputmode="numeric">',
    '          </div>',
    '          <div class="field">',
    '            <label for="rounds-before-long">Rounds before a long break</label>',
    '            <input id="rounds-before-long" type="number" min="1" max="12" step="1" inputmode="numeric">',
    '          </div>',
    '          <button type="submit">Apply</button>',
    '        </form>',
    `        <p class="muted">${escapeHtml(
      has(spec, 'local-storage')
        ? 'Lengths and completed rounds are kept in this browser.'
        : 'Changing a length restarts the current phase.',
    )}</p>`,
    '      </section>',
  );
}

const CSS = js`.timer {
  text-align: center;
}

.phase {
  font-size: 1.25rem;
  margin: 0;
}

.clock {
  font-size: clamp(3.5rem, 16vw, 6rem);
  font-variant-numeric: tabular-nums;
  font-weight: 600;
  margin: 0.25rem 0 0.5rem;
}

.timer progress {
  width: 100%;
  height: 0.6rem;
  accent-color: var(--accent);
}

.controls {
  justify-content: center;
  margin: 1rem 0 0.5rem;
}

.controls button {
  min-width: 6rem;
}

.settings input {
  width: 8rem;
}

:root[data-phase='short'] .phase,
:root[data-phase='long'] .phase {
  color: var(--ok);
}
`;

function main(spec: AppSpec): string {
  const saves = has(spec, 'local-storage');
  return blocks(
    ...sharedImports(spec),
    js`import {
  applySettings,
  createTimer,
  formatClock,${saves ? '\n  normalizeSettings,' : ''}
  pause,
  PHASE_LABELS,
  progress,
  reset,
  skip,
  start,
  tick,
} from './timer.js';`,
    '',
    mainPreamble(spec),
    js`const TITLE = ${jsString(spec.title)};`,
    saves
      ? js`const store = createStore(storage, ${jsString(storageKey(spec, 'timer'))}, {
  fallback: { settings: createTimer().settings, completed: 0 },
  revive: (raw) => ({
    settings: normalizeSettings(raw.settings),
    completed: Number.isInteger(raw.completed) && raw.completed >= 0 ? raw.completed : 0,
  }),
});
const saved = store.load();
let timer = createTimer(saved.settings, saved.completed);`
      : js`let timer = createTimer();`,
    js`let interval = null;

const clock = byId('clock');
const phaseLabel = byId('phase');
const progressBar = byId('progress');
const startButton = byId('start');
const rounds = byId('rounds');
const announce = byId('announce');
const settingsForm = byId('settings-form');
const inputs = {
  focusMinutes: byId('focus-minutes'),
  shortBreakMinutes: byId('short-minutes'),
  longBreakMinutes: byId('long-minutes'),
  roundsBeforeLongBreak: byId('rounds-before-long'),
};

function render() {
  const time = formatClock(timer.remainingMs);
  clock.textContent = time;
  phaseLabel.textContent = PHASE_LABELS[timer.phase];
  progressBar.value = progress(timer);
  startButton.textContent = timer.running ? 'Pause' : 'Start';
  rounds.textContent = timer.completed + (timer.completed === 1 ? ' focus round' : ' focus rounds') + ' completed';
  document.documentElement.dataset.phase = timer.phase;
  document.title = (timer.running ? time + ' · ' : '') + PHASE_LABELS[timer.phase] + ' · ' + TITLE;
}

function showSettings() {
  for (const [key, input] of Object.entries(inputs)) input.value = String(timer.settings[key]);
}

function update(next) {
  const before = timer;
  timer = next;
  if (before.phase !== timer.phase && before.running) {
    announce.textContent = PHASE_LABELS[before.phase] + ' finished. Next: ' + PHASE_LABELS[timer.phase] + '.';
  }
  if (timer.running && interval === null) {
    interval = setInterval(() => update(tick(timer, Date.now())), 250);
  } else if (!timer.running && interval !== null) {
    clearInterval(interval);
    interval = null;
  }
${saves ? '  if (before.completed !== timer.completed || before.settings !== timer.settings) {\n    store.save({ settings: timer.settings, completed: timer.completed });\n  }\n' : ''}  render();
}

startButton.addEventListener('click', () => {
  update(timer.running ? pause(timer, Date.now()) : start(timer, Date.now()));
});
byId('reset').addEventListener('click', () => update(reset(timer)));
byId('skip').addEventListener('click', () => update(skip(timer)));

settingsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = {};
  for (const [key, input] of Object.entries(inputs)) raw[key] = input.value;
  update(applySettings(timer, raw));
  showSettings();
  announce.textContent = 'Lengths updated.';
});

showSettings();
render();
`,
  );
}

export function timerTemplate(spec: AppSpec): KindTemplate {
  return {
    body: body(spec),
    css: CSS,
    files: [
      { path: 'src/main.js', content: main(spec) },
      { path: 'src/timer.js', content: TIMER },
      { path: 'test/timer.test.js', content: TIMER_TEST },
    ],
    layout: { 'src/timer.js': 'the pomodoro timer as a pure state machine (time is passed in)' },
  };
}
