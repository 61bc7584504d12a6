let interval = null;

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
{{saveTimer}}  render();
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
