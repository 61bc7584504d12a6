const store = createStore(storage, {{key}}, {
  fallback: { settings: DEFAULT_SETTINGS, history: [], draws: 0 },
  revive: (raw) => ({
    settings: normalizeSettings(raw.settings),
    history: {{revivedHistory}},
    draws: Number.isSafeInteger(raw.draws) && raw.draws >= 0 ? raw.draws : 0,
  }),
});
const saved = store.load();
let settings = saved.settings;
let draws = saved.draws;{{historyLet}}
