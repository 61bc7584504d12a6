// A pomodoro timer as a pure state machine. Time is passed in (now, in milliseconds), so the
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
