// The metronome: its clicks are scheduled ahead on the audio clock, so they keep time when the
// page is busy; the beat shown comes from the same start.
const metronomeBpm = byId('metronome-bpm');
const metronomeName = byId('metronome-name');
const metronomeTempo = byId('metronome-tempo');
const metronomeBeats = byId('metronome-beats');
const metronomeStart = byId('metronome-start');
const metronomeDots = byId('metronome-dots');
const metronomeAnnounce = byId('metronome-announce');
let metronomeAudio = null;
let metronomeScheduler = null;
let metronomeNextClick = 0;
let metronomeClickCount = 0;
let metronomeTaps = [];

for (const n of BEAT_CHOICES) {
  const option = document.createElement('option');
  option.value = String(n);
  option.textContent = String(n);
  metronomeBeats.append(option);
}

function renderMetronome() {
  metronomeBpm.textContent = String(metronome.bpm);
  metronomeName.textContent = tempoName(metronome.bpm);
  metronomeTempo.value = String(metronome.bpm);
  metronomeBeats.value = String(metronome.beats);
  metronomeStart.textContent = metronome.running ? 'Stop' : 'Start';
  if (metronomeDots.childElementCount !== metronome.beats) {
    metronomeDots.replaceChildren(
      ...Array.from({ length: metronome.beats }, (_, i) => {
        const dot = document.createElement('span');
        if (i === 0) dot.className = 'accent';
        return dot;
      }),
    );
  }
  const now = beatAt(metronome, Date.now());
  [...metronomeDots.children].forEach((dot, i) => dot.classList.toggle('on', now !== null && now.beat === i + 1));
  metronomeDots.dataset.beat = now === null ? '' : String(now.beat);
}

/** One click on the audio clock: higher and louder on the bar's first beat. */
function metronomeClick(at, accent) {
  const osc = metronomeAudio.createOscillator();
  const gain = metronomeAudio.createGain();
  osc.frequency.value = accent ? 1500 : 1000;
  gain.gain.setValueAtTime(accent ? 0.9 : 0.5, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + 0.05);
  osc.connect(gain).connect(metronomeAudio.destination);
  osc.start(at);
  osc.stop(at + 0.06);
}

function scheduleMetronomeClicks() {
  if (metronomeAudio) {
    while (metronomeNextClick < metronomeAudio.currentTime + 0.1) {
      metronomeClick(metronomeNextClick, metronomeClickCount % metronome.beats === 0);
      metronomeNextClick += beatMs(metronome.bpm) / 1000;
      metronomeClickCount += 1;
    }
  }
  renderMetronome();
}

function setMetronome(next) {
  const restart = next.running && next.startedAt === null;
  metronome = restart ? startMetronome({ ...next, running: false }, Date.now()) : next;
  saveMetronome();
  if (metronome.running && (metronomeScheduler === null || restart)) {
    // (Sound needs the page's own audio, which a browser opens only after a click.)
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!metronomeAudio && Context) metronomeAudio = new Context();
    if (metronomeAudio) {
      void metronomeAudio.resume?.();
      metronomeNextClick = metronomeAudio.currentTime + 0.05;
      metronomeClickCount = 0;
    }
    if (metronomeScheduler === null) metronomeScheduler = setInterval(scheduleMetronomeClicks, 25);
  }
  if (!metronome.running && metronomeScheduler !== null) {
    clearInterval(metronomeScheduler);
    metronomeScheduler = null;
  }
  renderMetronome();
}

metronomeStart.addEventListener('click', () => {
  setMetronome(metronome.running ? stopMetronome(metronome) : startMetronome(metronome, Date.now()));
  metronomeAnnounce.textContent = metronome.running ? 'Playing at ' + metronome.bpm + ' BPM' : 'Stopped';
});
metronomeTempo.addEventListener('input', () => setMetronome(setBpm(metronome, metronomeTempo.value)));
byId('metronome-slower').addEventListener('click', () => setMetronome(setBpm(metronome, metronome.bpm - 1)));
byId('metronome-faster').addEventListener('click', () => setMetronome(setBpm(metronome, metronome.bpm + 1)));
metronomeBeats.addEventListener('change', () => setMetronome(setBeats(metronome, metronomeBeats.value)));
byId('metronome-tap').addEventListener('click', () => {
  const now = Date.now();
  metronomeTaps = [...metronomeTaps, now].filter((t) => now - t < 6000);
  const bpm = tapTempo(metronomeTaps);
  if (bpm !== null) {
    setMetronome(setBpm(metronome, bpm));
    metronomeAnnounce.textContent = 'Tempo ' + metronome.bpm + ' BPM';
  }
});
setMetronome(metronome);
