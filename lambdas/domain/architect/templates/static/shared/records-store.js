const store = createStore(storage, {{key}}, { fallback: {{fallback}}, revive: {{revive}} });
let {{name}} = store.load();
