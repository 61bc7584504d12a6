const metronomeStore = createStore(storage, {{key}}, {
  fallback: createMetronome(),
  revive: (raw) => normalizeMetronome(raw),
});
let metronome = metronomeStore.load();

function saveMetronome() {
  metronomeStore.save({ bpm: metronome.bpm, beats: metronome.beats });
}
