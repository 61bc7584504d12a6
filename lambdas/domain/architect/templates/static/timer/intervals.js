// An interval timer (HIIT, tabata, rounds) as a pure state machine. Time is passed in (now, in
// milliseconds), so a tab in the background or a slow tick loses no time: a late tick catches up
// through every phase that ended meanwhile, each starting exactly when the last one ended.

export const PHASE_LABELS = { ready: 'Ready', prepare: 'Get ready', work: 'Work', rest: 'Rest', done: 'Done' };

export const DEFAULT_SETTINGS = Object.freeze({{defaults}});

const LIMITS = {
  prepareSeconds: [0, 60],
  workSeconds: [5, 3600],
  restSeconds: [0, 3600],
  rounds: [1, 99],
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
  const seconds =
    phase === 'prepare' ? settings.prepareSeconds : phase === 'work' ? settings.workSeconds : phase === 'rest' ? settings.restSeconds : 0;
  return seconds * 1000;
}

/** The whole workout: the get-ready countdown, every round's work and the rests between rounds. */
export function totalMs(settings) {
  return (
    phaseLength(settings, 'prepare') +
    settings.rounds * phaseLength(settings, 'work') +
    (settings.rounds - 1) * phaseLength(settings, 'rest')
  );
}

export function createIntervals(settings = DEFAULT_SETTINGS) {
  return { phase: 'ready', round: 0, remainingMs: totalMs(settings), running: false, endsAt: null, settings };
}

function enter(state, phase, round, startsAt) {
  const remainingMs = phase === 'done' ? 0 : phaseLength(state.settings, phase);
  const running = state.running && phase !== 'done';
  return { ...state, phase, round, remainingMs, running, endsAt: running ? startsAt + remainingMs : null };
}

/** What follows the current phase: work after getting ready, rest between rounds, done after the last. */
export function next(state, startsAt) {
  const { settings, phase, round } = state;
  if (phase === 'ready') return enter(state, settings.prepareSeconds > 0 ? 'prepare' : 'work', settings.prepareSeconds > 0 ? 0 : 1, startsAt);
  if (phase === 'prepare') return enter(state, 'work', 1, startsAt);
  if (phase === 'work') {
    if (round >= settings.rounds) return enter(state, 'done', round, startsAt);
    return settings.restSeconds > 0 ? enter(state, 'rest', round, startsAt) : enter(state, 'work', round + 1, startsAt);
  }
  if (phase === 'rest') return enter(state, 'work', round + 1, startsAt);
  return state;
}

/** Starts (or resumes) the workout; a finished one starts again from the top. */
export function start(state, now) {
  if (state.running) return state;
  if (state.phase === 'ready' || state.phase === 'done') {
    return next({ ...createIntervals(state.settings), running: true }, now);
  }
  return { ...state, running: true, endsAt: now + state.remainingMs };
}

export function pause(state, now) {
  if (!state.running) return state;
  return { ...state, running: false, endsAt: null, remainingMs: Math.max(0, state.endsAt - now) };
}

/** Back to the start, stopped. */
export function reset(state) {
  return createIntervals(state.settings);
}

/** Ends the current phase now and goes on to the next one. */
export function skip(state, now) {
  if (state.phase === 'ready' || state.phase === 'done') return state;
  return next(state, now);
}

/** Brings a running workout up to now, through every phase that ended meanwhile. */
export function tick(state, now) {
  let current = state;
  while (current.running && current.endsAt <= now) current = next(current, current.endsAt);
  return current.running ? { ...current, remainingMs: current.endsAt - now } : current;
}

/** New settings apply at once and the workout starts again from the top, stopped. */
export function applySettings(raw) {
  return createIntervals(normalizeSettings(raw));
}

/** Share of the current phase gone by (0 to 1). */
export function progress(state) {
  const length = phaseLength(state.settings, state.phase);
  return length > 0 && state.phase !== 'ready' ? Math.min(1, Math.max(0, 1 - state.remainingMs / length)) : state.phase === 'done' ? 1 : 0;
}

/** "Round 3 of 8" once the work begins. */
export function roundLabel(state) {
  if (state.phase === 'ready' || state.phase === 'prepare') return state.settings.rounds + (state.settings.rounds === 1 ? ' round' : ' rounds');
  return 'Round ' + state.round + ' of ' + state.settings.rounds;
}

/** Minutes and seconds, counted up to the next whole second, as a countdown shows them. */
export function formatClock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return String(minutes).padStart(2, '0') + ':' + String(seconds % 60).padStart(2, '0');
}
