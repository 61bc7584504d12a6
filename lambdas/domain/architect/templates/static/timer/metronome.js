// The metronome as pure functions: its tempo, its bar and the beat due at a moment (time is passed in).
export const MIN_BPM = 30;
export const MAX_BPM = 250;
export const BEAT_CHOICES = [2, 3, 4, 5, 6, 7, 8, 9, 12];

export function createMetronome() {
  return { bpm: 100, beats: 4, running: false, startedAt: null };
}

/** A whole tempo within what the metronome plays; anything else leaves it as it is. */
export function setBpm(m, bpm) {
  const n = Math.round(Number(bpm));
  if (!Number.isFinite(n)) return m;
  const clamped = Math.min(MAX_BPM, Math.max(MIN_BPM, n));
  // A change while it plays starts the bar again from now, so the next click keeps the new tempo.
  return clamped === m.bpm ? m : { ...m, bpm: clamped, startedAt: m.running ? null : m.startedAt };
}

export function setBeats(m, beats) {
  const n = Number(beats);
  return BEAT_CHOICES.includes(n) && n !== m.beats ? { ...m, beats: n } : m;
}

export function start(m, now) {
  return m.running ? m : { ...m, running: true, startedAt: now };
}

export function stop(m) {
  return m.running ? { ...m, running: false, startedAt: null } : m;
}

/** Milliseconds between two clicks. */
export function beatMs(bpm) {
  return 60000 / bpm;
}

/** The beat sounding at `now`: how many since the start (0 is the first), and its place in the bar (1 is the accent). */
export function beatAt(m, now) {
  if (!m.running || m.startedAt === null || now < m.startedAt) return null;
  const count = Math.floor((now - m.startedAt) / beatMs(m.bpm));
  return { count, beat: (count % m.beats) + 1, accent: count % m.beats === 0 };
}

/** When the beat after `now` falls (the first one at the start itself). */
export function nextBeatAt(m, now) {
  if (!m.running || m.startedAt === null) return null;
  if (now <= m.startedAt) return m.startedAt;
  const interval = beatMs(m.bpm);
  return m.startedAt + (Math.floor((now - m.startedAt) / interval) + 1) * interval;
}

/**
 * The tempo of taps (times in ms, oldest first): the mean gap of the last taps after any pause of
 * over two seconds, or null with fewer than two of them.
 */
export function tapTempo(taps) {
  let from = 0;
  for (let i = 1; i < taps.length; i++) if (taps[i] - taps[i - 1] > 2000 || taps[i] <= taps[i - 1]) from = i;
  const recent = taps.slice(from).slice(-8);
  if (recent.length < 2) return null;
  const mean = (recent.at(-1) - recent[0]) / (recent.length - 1);
  return Math.min(MAX_BPM, Math.max(MIN_BPM, Math.round(60000 / mean)));
}

/** The Italian name of a tempo, as musicians say it. */
export function tempoName(bpm) {
  if (bpm < 60) return 'Largo';
  if (bpm < 76) return 'Adagio';
  if (bpm < 108) return 'Andante';
  if (bpm < 120) return 'Moderato';
  if (bpm < 168) return 'Allegro';
  return 'Presto';
}

/** What was kept, made sound: the tempo and the bar, never playing after a reload (sound needs a click). */
export function normalizeMetronome(raw) {
  const fresh = createMetronome();
  if (!raw || typeof raw !== 'object') return fresh;
  return setBeats(setBpm(fresh, raw.bpm), raw.beats);
}
