const store = createStore(storage, {{key}}, {
  fallback: { text: '', limit: null },
  revive: (raw) => ({ text: typeof raw.text === 'string' ? raw.text : '', limit: parseLimit(raw.limit) }),
});
let state = store.load();
