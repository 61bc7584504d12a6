const intervalStore = createStore(storage, {{key}}, {
  fallback: createIntervals(),
  revive: (raw) => createIntervals(normalizeIntervalSettings(raw && raw.settings)),
});
let intervals = intervalStore.load();

function saveIntervals() {
  intervalStore.save({ settings: intervals.settings });
}
