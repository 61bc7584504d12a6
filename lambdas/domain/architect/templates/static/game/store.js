const store = createStore(storage, {{key}}, {
  fallback: {{fallback}},
  revive: (raw) => ({
    {{revives}},
  }),
});
let saved = store.load();
