// A stopwatch as a pure state machine: times are passed in (Date.now() on the page), so it keeps
// time across a pause, a reload or a tab in the background, and tests control the clock.
// While it runs, `startedAt` is when the current run began; `elapsedMs` is what earlier runs added up to.

export const MAX_LAPS = 500;

export function createStopwatch() {
  return { running: false, startedAt: null, elapsedMs: 0, laps: [] };
}

/** The time on the stopwatch at `now`. */
export function elapsed(watch, now) {
  return watch.elapsedMs + (watch.running ? Math.max(0, now - watch.startedAt) : 0);
}

export function start(watch, now) {
  return watch.running ? watch : { ...watch, running: true, startedAt: now };
}

export function stop(watch, now) {
  return watch.running ? { ...watch, running: false, startedAt: null, elapsedMs: elapsed(watch, now) } : watch;
}

/**
 * Marks a lap at `now`: the total so far is kept, in the hundredths shown, so the laps shown add
 * up to the totals shown; a lap's own time is its total minus the last lap's.
 */
export function lap(watch, now) {
  const total = Math.floor(elapsed(watch, now) / 10) * 10;
  const last = watch.laps.length > 0 ? watch.laps[watch.laps.length - 1] : 0;
  if (total === 0 || total === last || watch.laps.length >= MAX_LAPS) return watch;
  return { ...watch, laps: [...watch.laps, total] };
}

export function reset() {
  return createStopwatch();
}

/** Each lap's own time and its total, with the fastest and slowest marked once there are two. */
export function lapRows(watch) {
  const rows = watch.laps.map((total, i) => ({ number: i + 1, lapMs: total - (i > 0 ? watch.laps[i - 1] : 0), totalMs: total }));
  if (rows.length < 2) return rows.map((row) => ({ ...row, mark: null }));
  const times = rows.map((row) => row.lapMs);
  const fastest = Math.min(...times);
  const slowest = Math.max(...times);
  return rows.map((row) => ({
    ...row,
    mark: fastest === slowest ? null : row.lapMs === fastest ? 'fastest' : row.lapMs === slowest ? 'slowest' : null,
  }));
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** 00:07.25, 12:34.50, 1:02:03.04: minutes, seconds and hundredths, with hours once there are any. */
export function formatElapsed(ms) {
  const hundredths = Math.floor(Math.max(0, ms) / 10);
  const h = Math.floor(hundredths / 360000);
  const m = Math.floor(hundredths / 6000) % 60;
  const s = Math.floor(hundredths / 100) % 60;
  const cs = hundredths % 100;
  return (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(s) + '.' + pad(cs);
}

/** A stopwatch from saved data: a running one keeps running from when it started; anything unreadable is a new one. */
export function normalizeStopwatch(raw, now) {
  const fresh = createStopwatch();
  if (!raw || typeof raw !== 'object') return fresh;
  const elapsedMs = Number.isFinite(raw.elapsedMs) && raw.elapsedMs >= 0 ? raw.elapsedMs : 0;
  const running = raw.running === true && Number.isFinite(raw.startedAt) && raw.startedAt <= now;
  const laps = Array.isArray(raw.laps) ? raw.laps.filter((t) => Number.isFinite(t) && t > 0).slice(0, MAX_LAPS) : [];
  const sorted = laps.every((t, i) => i === 0 || t > laps[i - 1]) ? laps : [];
  return { running, startedAt: running ? raw.startedAt : null, elapsedMs, laps: sorted };
}
