// The stopwatch: its time comes from Date.now(), so a busy tab or a reload loses none of it.
const stopwatchClock = byId('stopwatch-clock');
const stopwatchStart = byId('stopwatch-start');
const stopwatchLap = byId('stopwatch-lap');
const stopwatchReset = byId('stopwatch-reset');
const stopwatchLaps = byId('stopwatch-laps');
let stopwatchTicker = null;

function renderStopwatch() {
  const now = Date.now();
  stopwatchClock.textContent = formatElapsed(stopwatchElapsed(watch, now));
  stopwatchStart.textContent = watch.running ? 'Stop' : stopwatchElapsed(watch, now) > 0 ? 'Resume' : 'Start';
  stopwatchLap.disabled = !watch.running;
  stopwatchReset.disabled = watch.running || (watch.elapsedMs === 0 && watch.laps.length === 0);
  if (stopwatchLaps.childElementCount !== watch.laps.length) {
    stopwatchLaps.replaceChildren(
      ...lapRows(watch)
        .reverse()
        .map((row) => {
          const tr = document.createElement('tr');
          if (row.mark) tr.className = row.mark;
          for (const text of ['Lap ' + row.number + (row.mark ? ' (' + row.mark + ')' : ''), formatElapsed(row.lapMs), formatElapsed(row.totalMs)]) {
            const td = document.createElement('td');
            td.textContent = text;
            tr.append(td);
          }
          return tr;
        }),
    );
  }
}

function setWatch(next) {
  watch = next;
  saveWatch();
  if (watch.running && stopwatchTicker === null) stopwatchTicker = setInterval(renderStopwatch, 31);
  if (!watch.running && stopwatchTicker !== null) {
    clearInterval(stopwatchTicker);
    stopwatchTicker = null;
  }
  renderStopwatch();
}

stopwatchStart.addEventListener('click', () => {
  setWatch(watch.running ? stopWatch(watch, Date.now()) : startWatch(watch, Date.now()));
  byId('stopwatch-announce').textContent = watch.running ? 'Started' : 'Stopped at ' + formatElapsed(watch.elapsedMs);
});
stopwatchLap.addEventListener('click', () => setWatch(lap(watch, Date.now())));
stopwatchReset.addEventListener('click', () => setWatch(resetWatch()));
setWatch(watch);
