const watchStore = createStore(storage, {{key}}, {
  fallback: createStopwatch(),
  revive: (raw) => normalizeStopwatch(raw, Date.now()),
});
let watch = watchStore.load();

function saveWatch() {
  watchStore.save(watch);
}
