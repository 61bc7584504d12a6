// The interval timer: its time comes from Date.now(), so a busy tab loses none of it.
const intervalsClock = byId('intervals-clock');
const intervalsPhase = byId('intervals-phase');
const intervalsProgress = byId('intervals-progress');
const intervalsRound = byId('intervals-round');
const intervalsStart = byId('intervals-start');
const intervalsSkip = byId('intervals-skip');
const intervalsAnnounce = byId('intervals-announce');
const intervalsSound = byId('intervals-sound');
const intervalInputs = {
  workSeconds: byId('intervals-work'),
  restSeconds: byId('intervals-rest'),
  rounds: byId('intervals-rounds'),
  prepareSeconds: byId('intervals-prepare'),
};
let intervalsTicker = null;
let audio = null;

/** A short beep, higher for work; silent where the browser has no Web Audio or the box is unticked. */
function beep(phase) {
  if (!intervalsSound.checked) return;
  try {
    audio = audio || new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = phase === 'work' ? 880 : phase === 'done' ? 660 : 440;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (phase === 'done' ? 0.6 : 0.2));
  } catch {
    // No sound: the phase name and the announcement still change.
  }
}

function renderIntervals() {
  const time = formatIntervalClock(intervals.remainingMs);
  intervalsClock.textContent = time;
  intervalsPhase.textContent = INTERVAL_LABELS[intervals.phase];
  intervalsProgress.value = intervalsProgressOf(intervals);
  intervalsRound.textContent = roundLabel(intervals);
  intervalsStart.textContent = intervals.running ? 'Pause' : intervals.phase === 'ready' || intervals.phase === 'done' ? 'Start' : 'Resume';
  intervalsSkip.disabled = intervals.phase === 'ready' || intervals.phase === 'done';
  document.documentElement.dataset.intervals = intervals.phase;
  document.title = (intervals.running ? time + ' · ' + INTERVAL_LABELS[intervals.phase] + ' · ' : '') + TITLE;
}

function showIntervalSettings() {
  for (const [key, input] of Object.entries(intervalInputs)) input.value = String(intervals.settings[key]);
  byId('intervals-total').textContent = 'The whole workout: ' + formatIntervalClock(totalMs(intervals.settings)) + '.';
}

function setIntervals(next) {
  const before = intervals;
  intervals = next;
  if (before.phase !== intervals.phase && (before.running || intervals.running)) {
    beep(intervals.phase);
    intervalsAnnounce.textContent =
      intervals.phase === 'done' ? 'Workout done.' : INTERVAL_LABELS[intervals.phase] + ', ' + roundLabel(intervals) + '.';
  }
  if (intervals.running && intervalsTicker === null) {
    intervalsTicker = setInterval(() => setIntervals(tickIntervals(intervals, Date.now())), 200);
  } else if (!intervals.running && intervalsTicker !== null) {
    clearInterval(intervalsTicker);
    intervalsTicker = null;
  }
  saveIntervals();
  renderIntervals();
}

intervalsStart.addEventListener('click', () => {
  setIntervals(intervals.running ? pauseIntervals(intervals, Date.now()) : startIntervals(intervals, Date.now()));
});
byId('intervals-reset').addEventListener('click', () => setIntervals(resetIntervals(intervals)));
intervalsSkip.addEventListener('click', () => setIntervals(skipIntervals(intervals, Date.now())));
byId('intervals-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = {};
  for (const [key, input] of Object.entries(intervalInputs)) raw[key] = input.value;
  setIntervals(applyIntervalSettings(raw));
  showIntervalSettings();
  intervalsAnnounce.textContent = 'Workout updated.';
});
showIntervalSettings();
setIntervals(tickIntervals(intervals, Date.now()));
