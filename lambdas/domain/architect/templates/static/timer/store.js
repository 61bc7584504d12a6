const store = createStore(storage, {{key}}, {
  fallback: { settings: createTimer().settings, completed: 0 },
  revive: (raw) => ({
    settings: normalizeSettings(raw.settings),
    completed: Number.isInteger(raw.completed) && raw.completed >= 0 ? raw.completed : 0,
  }),
});
const saved = store.load();
let timer = createTimer(saved.settings, saved.completed);
